import { Input, Select, Space } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { APPLICANT_STATUSES } from '../../../../shared/domain/applicant';
import { INDUSTRY_SECTIONS } from '../../../../shared/domain/industries';
import { useLanguage } from '../../hooks/useLanguage';
import type { ApplicantFilter } from './applicant-filter';

export function ApplicantFilters({ value, onChange, regions }: { value: ApplicantFilter; onChange(filter: ApplicantFilter): void; regions: string[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const set = (patch: Partial<ApplicantFilter>) => onChange({ ...value, ...patch });
  return (
    <Space wrap size={[12, 12]} className="filter-bar">
      <Input
        allowClear
        prefix={<SearchOutlined />}
        placeholder={t('ui.applicants.searchPlaceholder')}
        aria-label={t('ui.applicants.search')}
        value={value.search}
        onChange={(event) => set({ search: event.target.value })}
        style={{ width: 300 }}
        data-testid="applicant-search"
      />
      <Select
        allowClear
        placeholder={t('ui.applicants.allStatuses')}
        aria-label={t('ui.applicants.status')}
        value={value.status}
        onChange={(status) => set({ status })}
        style={{ width: 170 }}
        data-testid="filter-status"
        options={APPLICANT_STATUSES.map((status) => ({ value: status, label: t(`applicants.status.${status}`) }))}
      />
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('ui.applicants.allSections')}
        aria-label={t('ui.applicants.section')}
        value={value.section}
        onChange={(section) => set({ section })}
        style={{ width: 260 }}
        popupMatchSelectWidth={360}
        data-testid="filter-section"
        options={INDUSTRY_SECTIONS.map((section) => ({ value: section.code, label: `${section.code} ${section.name[language]}` }))}
      />
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('ui.applicants.allRegions')}
        aria-label={t('ui.applicants.region')}
        value={value.region}
        onChange={(region) => set({ region })}
        style={{ width: 200 }}
        data-testid="filter-region"
        options={regions.map((region) => ({ value: region, label: region }))}
      />
    </Space>
  );
}
