import { useMemo } from 'react';
import { Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { ApplicantRow } from '../../../../shared/api/applicants';
import { APPLICANT_STATUSES } from '../../../../shared/domain/applicant';
import { divisionName, sectionName } from '../../../../shared/domain/industries';
import { href } from '../../app/routes';
import { useLanguage } from '../../hooks/useLanguage';
import { useWindowHeight } from '../../hooks/useWindowHeight';
import { StatusTag } from './StatusTag';

const statusOrder = (status: ApplicantRow['status']) => APPLICANT_STATUSES.indexOf(status);

/** Virtualised: only the rows in view are rendered, so a cycle of thousands of applicants scrolls smoothly. */
export function ApplicantsTable({ rows, loading, empty }: { rows: ApplicantRow[]; loading: boolean; empty: React.ReactNode }) {
  const { t, i18n } = useTranslation();
  const language = useLanguage();
  const height = useWindowHeight();
  const collator = useMemo(() => new Intl.Collator(language, { numeric: true }), [language]);

  const columns: ColumnsType<ApplicantRow> = [
    {
      title: t('ui.applicants.legalName'),
      dataIndex: 'legalName',
      key: 'legalName',
      width: 230,
      sorter: (a, b) => collator.compare(a.legalName, b.legalName),
      render: (name: string, row) => (
        <a href={href.applicant(row.id)} className="cell-ellipsis" title={name} data-testid="applicant-link">
          {name}
        </a>
      ),
    },
    { title: t('ui.applicants.creditCode'), dataIndex: 'creditCode', key: 'creditCode', width: 180, sorter: (a, b) => a.creditCode.localeCompare(b.creditCode), render: (code: string) => <span className="mono">{code}</span> },
    {
      title: t('ui.applicants.industry'),
      key: 'industry',
      width: 200,
      sorter: (a, b) => collator.compare(a.division, b.division),
      render: (_, row) => {
        const text = `${row.section} ${sectionName(row.section, language) ?? ''} / ${row.division} ${divisionName(row.division, language) ?? ''}`;
        return (
          <span className="cell-ellipsis" title={text}>
            {row.division} {divisionName(row.division, language)}
          </span>
        );
      },
    },
    { title: t('ui.applicants.region'), dataIndex: 'region', key: 'region', width: 120, sorter: (a, b) => collator.compare(a.region, b.region), render: (region: string) => <span className="cell-ellipsis">{region}</span> },
    { title: t('ui.applicants.employees'), dataIndex: 'employees', key: 'employees', width: 90, align: 'right', sorter: (a, b) => a.employees - b.employees, render: (n: number) => n.toLocaleString(language) },
    { title: t('ui.applicants.status'), dataIndex: 'status', key: 'status', width: 120, sorter: (a, b) => statusOrder(a.status) - statusOrder(b.status), render: (status: ApplicantRow['status']) => <StatusTag status={status} /> },
    {
      title: t('ui.applicants.updatedAt'),
      dataIndex: 'updatedAt',
      key: 'updatedAt',
      width: 110,
      sorter: (a, b) => a.updatedAt.localeCompare(b.updatedAt),
      render: (value: string) => (
        <Typography.Text type="secondary" title={new Date(value).toLocaleString(i18n.language)}>
          {new Date(value).toLocaleDateString(i18n.language)}
        </Typography.Text>
      ),
    },
  ];

  return (
    <Table<ApplicantRow>
      data-testid="applicants-table"
      virtual
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={rows}
      columns={columns}
      pagination={false}
      scroll={{ x: 1050, y: Math.max(300, height - 380) }}
      locale={{ emptyText: empty }}
      showSorterTooltip={false}
    />
  );
}
