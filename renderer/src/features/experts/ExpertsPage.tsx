import { useState } from 'react';
import { App, Button, Card, Drawer, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { EditOutlined, KeyOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ExpertRow } from '../../../../shared/api/panels';
import { INDUSTRY_SECTIONS, type IndustrySectionCode } from '../../../../shared/domain/industries';
import { STAGE_IDS, type StageId } from '../../../../shared/domain/cycle-settings';
import { call } from '../../bridge';
import { LoadError } from '../../components/LoadError';
import { PageHeader } from '../../components/PageHeader';
import { useCall } from '../../hooks/useCall';
import { useLanguage } from '../../hooks/useLanguage';
import { ExpertForm } from './ExpertForm';
import { ExpertsExchangeButtons } from './ExpertsExchangeButtons';
import { PinDialog } from './PinDialog';
import { SpecialtyTags } from './SpecialtyTags';

type Editing = { kind: 'new' } | { kind: 'edit'; expertId: string } | null;

/** The examiner registry: who can score, in which sectors and stages, with a PIN. */
export function ExpertsPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message } = App.useApp();
  const [search, setSearch] = useState('');
  const [specialty, setSpecialty] = useState<IndustrySectionCode | undefined>();
  const [availableFor, setAvailableFor] = useState<StageId | undefined>();
  const list = useCall('experts.list', { ...(search.trim() ? { search: search.trim() } : {}), ...(specialty ? { specialty } : {}), ...(availableFor ? { availableFor } : {}) });
  const [editing, setEditing] = useState<Editing>(null);
  const [pinFor, setPinFor] = useState<ExpertRow | null>(null);
  const detail = useCall('experts.get', editing?.kind === 'edit' ? { expertId: editing.expertId } : null);

  return (
    <>
      <PageHeader
        title={t('scoringUi.experts.title')}
        subtitle={t('scoringUi.experts.subtitle')}
        extra={
          <Space wrap>
            <ExpertsExchangeButtons onImported={list.reload} canExport={(list.data?.length ?? 0) > 0} />
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ kind: 'new' })} data-testid="new-expert">
              {t('scoringUi.experts.new')}
            </Button>
          </Space>
        }
      />
      {list.error ? (
        <LoadError error={list.error} onRetry={list.reload} />
      ) : (
        <Card>
          <div className="filter-row">
            <Space wrap>
              <Input.Search allowClear placeholder={t('scoringUi.experts.search')} onSearch={setSearch} style={{ width: 240 }} data-testid="expert-search" />
              <Select
                allowClear
                placeholder={t('scoringUi.experts.specialty')}
                value={specialty}
                onChange={setSpecialty}
                style={{ width: 220 }}
                showSearch={{ optionFilterProp: 'label' }}
                options={INDUSTRY_SECTIONS.map((s) => ({ value: s.code as IndustrySectionCode, label: `${s.code} ${s.name[language]}` }))}
              />
              <Select
                allowClear
                placeholder={t('scoringUi.experts.availableFor')}
                value={availableFor}
                onChange={setAvailableFor}
                style={{ width: 160 }}
                options={STAGE_IDS.map((stage) => ({ value: stage, label: t(`applicants.cycle.stage.${stage}`) }))}
              />
            </Space>
            <Typography.Text type="secondary" data-testid="expert-count">
              {t('scoringUi.experts.count', { count: list.data?.length ?? 0 })}
            </Typography.Text>
          </div>
          <Table<ExpertRow>
            data-testid="experts-table"
            rowKey="id"
            size="middle"
            loading={list.loading}
            dataSource={list.data}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            columns={[
              { title: t('scoringUi.expert.name'), dataIndex: 'name', key: 'name', width: 120, render: (name: string) => <span data-testid="expert-row-name">{name}</span> },
              { title: t('scoringUi.expert.organisation'), dataIndex: 'organisation', key: 'organisation', ellipsis: true },
              { title: t('scoringUi.expert.title'), dataIndex: 'title', key: 'title', width: 130, ellipsis: true },
              { title: t('scoringUi.expert.specialties'), key: 'specialties', render: (_, row) => <SpecialtyTags codes={row.specialties} /> },
              {
                title: t('scoringUi.expert.availability'),
                key: 'availability',
                width: 210,
                render: (_, row) => (
                  <Space size={2} wrap>
                    {STAGE_IDS.filter((stage) => row.availability[stage]).map((stage) => (
                      <Tag key={stage}>{t(`applicants.cycle.stage.${stage}`)}</Tag>
                    ))}
                  </Space>
                ),
              },
              {
                title: t('scoringUi.expert.pin'),
                key: 'pin',
                width: 90,
                render: (_, row) => (row.hasPin ? <Tag color="green">{t('scoringUi.pin.isSet')}</Tag> : <Tag>{t('scoringUi.pin.notSet')}</Tag>),
              },
              {
                title: '',
                key: 'actions',
                width: 200,
                align: 'right',
                render: (_, row) => (
                  <Space size={4}>
                    <Button size="small" icon={<EditOutlined />} onClick={() => setEditing({ kind: 'edit', expertId: row.id })} data-testid="expert-edit">
                      {t('scoringUi.experts.edit')}
                    </Button>
                    <Button size="small" icon={<KeyOutlined />} onClick={() => setPinFor(row)} data-testid="expert-pin">
                      {t(row.hasPin ? 'scoringUi.pin.reset' : 'scoringUi.pin.setButton')}
                    </Button>
                  </Space>
                ),
              },
            ]}
          />
        </Card>
      )}
      <Drawer
        open={editing !== null}
        size={720}
        title={editing?.kind === 'edit' ? t('scoringUi.experts.editTitle', { name: detail.data?.name ?? '' }) : t('scoringUi.experts.new')}
        onClose={() => setEditing(null)}
        destroyOnHidden
      >
        {editing?.kind === 'edit' && detail.error && <LoadError error={detail.error} onRetry={detail.reload} />}
        {(editing?.kind === 'new' || (editing?.kind === 'edit' && detail.data && detail.data.id === editing.expertId)) && (
          <ExpertForm
            key={editing.kind === 'edit' ? detail.data?.updatedAt : 'new'}
            initial={editing.kind === 'edit' ? detail.data : undefined}
            onCancel={() => setEditing(null)}
            onSubmit={async (record) => {
              const saved = editing.kind === 'edit' ? await call('experts.update', { expertId: editing.expertId, record }) : await call('experts.create', { record });
              void message.success(t('scoringUi.experts.saved', { name: saved.name }));
              setEditing(null);
              list.reload();
            }}
          />
        )}
      </Drawer>
      <PinDialog
        expert={pinFor}
        onClose={() => setPinFor(null)}
        onSet={() => {
          setPinFor(null);
          list.reload();
        }}
      />
    </>
  );
}
