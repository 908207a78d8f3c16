import { useMemo, useState } from 'react';
import { App, Button, Card, Empty, Input, Select, Space, Tag, Typography } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined, SaveOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { SiteVisitIssue } from '../../../../shared/api/scoring-sessions';
import { scoredItems, type Framework } from '../../../../shared/domain/frameworks';
import { call } from '../../bridge';
import { LoadError } from '../../components/LoadError';
import { errorPayload, translateError } from '../../errors';
import { useCall } from '../../hooks/useCall';
import { useLanguage } from '../../hooks/useLanguage';

type Kind = SiteVisitIssue['kind'];
interface Draft {
  id?: string;
  kind: Kind;
  text: string;
  note: string;
}

/** Site-visit issues: generated from the document-review consensus, edited per item. */
export function SiteVisitIssues({ applicantId, framework }: { applicantId: string; framework: Framework }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message } = App.useApp();
  const viewer = useMemo(() => ({ kind: 'office' as const }), []);
  const issues = useCall('siteVisit.issues', { viewer, applicantId });
  const [editing, setEditing] = useState<{ itemId: string; drafts: Draft[] } | null>(null);
  const [busy, setBusy] = useState(false);

  const generate = async () => {
    setBusy(true);
    try {
      const list = await call('siteVisit.generateIssues', { viewer, applicantId });
      issues.setData(list);
      void message.success(t('scoringUi.siteVisit.generated', { count: list.length }));
    } catch (error) {
      void message.error(translateError(t, errorPayload(error)));
    } finally {
      setBusy(false);
    }
  };

  const save = async () => {
    if (!editing) return;
    setBusy(true);
    try {
      const saved = await call('siteVisit.saveIssues', {
        viewer,
        applicantId,
        itemId: editing.itemId,
        issues: editing.drafts.filter((d) => d.text.trim()).map((d) => ({ ...(d.id ? { id: d.id } : {}), kind: d.kind, text: d.text.trim(), note: d.note.trim() })),
      });
      issues.setData([...(issues.data ?? []).filter((i) => i.itemId !== editing.itemId), ...saved]);
      setEditing(null);
    } catch (error) {
      void message.error(translateError(t, errorPayload(error)));
    } finally {
      setBusy(false);
    }
  };

  const items = scoredItems(framework);
  const byItem = (itemId: string) => (issues.data ?? []).filter((i) => i.itemId === itemId);
  const shown = items.filter((item) => byItem(item.id).length > 0 || editing?.itemId === item.id);

  return (
    <Card
      title={t('scoringUi.siteVisit.title')}
      data-testid="site-visit-issues"
      extra={
        <Space>
          <Select
            size="small"
            placeholder={t('scoringUi.siteVisit.addForItem')}
            value={null}
            style={{ width: 220 }}
            popupMatchSelectWidth={false}
            showSearch={{ optionFilterProp: 'label' }}
            options={items.map((item) => ({ value: item.id, label: `${item.id} ${item.names[language]}` }))}
            onChange={(itemId: string | null) => itemId && setEditing({ itemId, drafts: [...byItem(itemId).map((i) => ({ id: i.id, kind: i.kind, text: i.text, note: i.note })), { kind: 'verify', text: '', note: '' }] })}
          />
          <Button icon={<ThunderboltOutlined />} loading={busy && !editing} onClick={() => void generate()} data-testid="generate-issues">
            {t('scoringUi.siteVisit.generate')}
          </Button>
        </Space>
      }
    >
      {issues.error && <LoadError error={issues.error} onRetry={issues.reload} />}
      {issues.data && shown.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('scoringUi.siteVisit.none')} />}
      {shown.map((item) => (
        <div key={item.id} className="pane-section" data-testid="issue-item" data-item={item.id}>
          <div className="pane-heading">
            <span>
              <span className="item-id">{item.id}</span> {item.names[language]}
            </span>
            {editing?.itemId !== item.id && (
              <Button size="small" type="text" icon={<EditOutlined />} onClick={() => setEditing({ itemId: item.id, drafts: byItem(item.id).map((i) => ({ id: i.id, kind: i.kind, text: i.text, note: i.note })) })}>
                {t('scoringUi.siteVisit.edit')}
              </Button>
            )}
          </div>
          {editing?.itemId === item.id ? (
            <Space orientation="vertical" style={{ width: '100%' }}>
              {editing.drafts.map((draft, index) => {
                const update = (patch: Partial<Draft>) => setEditing({ ...editing, drafts: editing.drafts.map((d, i) => (i === index ? { ...d, ...patch } : d)) });
                return (
                  <div key={index} style={{ display: 'flex', gap: 8, alignItems: 'flex-start' }}>
                    <Select<Kind> size="small" value={draft.kind} style={{ width: 96 }} onChange={(kind) => update({ kind })} options={(['verify', 'clarify'] as const).map((k) => ({ value: k, label: t(`panels.siteVisit.kind.${k}`) }))} />
                    <Input.TextArea value={draft.text} autoSize={{ minRows: 1, maxRows: 5 }} maxLength={4000} onChange={(e) => update({ text: e.target.value })} placeholder={t('scoringUi.siteVisit.text')} />
                    <Input.TextArea value={draft.note} autoSize={{ minRows: 1, maxRows: 5 }} maxLength={4000} onChange={(e) => update({ note: e.target.value })} placeholder={t('scoringUi.siteVisit.note')} style={{ width: 220 }} />
                    <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('scoringUi.comments.remove')} onClick={() => setEditing({ ...editing, drafts: editing.drafts.filter((_, i) => i !== index) })} />
                  </div>
                );
              })}
              <Space>
                <Button size="small" icon={<PlusOutlined />} onClick={() => setEditing({ ...editing, drafts: [...editing.drafts, { kind: 'verify', text: '', note: '' }] })}>
                  {t('scoringUi.siteVisit.add')}
                </Button>
                <Button size="small" type="primary" icon={<SaveOutlined />} loading={busy} onClick={() => void save()}>
                  {t('scoringUi.siteVisit.save')}
                </Button>
                <Button size="small" onClick={() => setEditing(null)}>
                  {t('ui.common.cancel')}
                </Button>
              </Space>
            </Space>
          ) : (
            byItem(item.id).map((issue) => (
              <div key={issue.id} className="comment-entry" data-testid="issue">
                <Tag color={issue.kind === 'verify' ? 'blue' : 'orange'}>{t(`panels.siteVisit.kind.${issue.kind}`)}</Tag>
                <span>{issue.text}</span>
                {issue.note && (
                  <div>
                    <Typography.Text type="secondary" className="small-text">
                      {issue.note}
                    </Typography.Text>
                  </div>
                )}
              </div>
            ))
          )}
        </div>
      ))}
    </Card>
  );
}
