import { useCallback, useMemo, useRef, useState } from 'react';
import { Card, Col, Row, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApplicationView, Attachment } from '../../../../shared/api/applications';
import { applicationCharacterCounts, checkCompleteness } from '../../../../shared/domain/application';
import { indexFramework, type Framework } from '../../../../shared/domain/frameworks';
import { useLanguage } from '../../hooks/useLanguage';
import { useSaveStatus } from '../../hooks/useSaveStatus';
import { flushAllAutosaves } from '../../hooks/useAutosave';
import { useSaveShortcut } from '../../hooks/useSaveShortcut';
import { CompletenessPanel } from './CompletenessPanel';
import { ItemEditor } from './ItemEditor';
import { ProfileEditor } from './ProfileEditor';

const NONE: Attachment[] = [];

export function ApplicationWorkspace({ view, framework }: { view: ApplicationView; framework: Framework }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { status, reporter } = useSaveStatus();
  const index = indexFramework(framework);
  const [profile, setProfile] = useState(view.profile);
  const [narratives, setNarratives] = useState<Record<string, string>>(() => Object.fromEntries(view.items.map((item) => [item.itemId, item.narrative])));
  const [percents, setPercents] = useState<Record<string, number | null>>(() => Object.fromEntries(view.items.map((item) => [item.itemId, item.selfPercent])));
  const [attachments, setAttachments] = useState<Attachment[]>(view.attachments);
  const container = useRef<HTMLDivElement>(null);
  useSaveShortcut(flushAllAutosaves, container);

  const onEdit = useCallback((itemId: string, narrative: string, selfPercent: number | null) => {
    setNarratives((current) => (current[itemId] === narrative ? current : { ...current, [itemId]: narrative }));
    setPercents((current) => (current[itemId] === selfPercent ? current : { ...current, [itemId]: selfPercent }));
  }, []);
  const onAdded = useCallback((attachment: Attachment) => setAttachments((current) => [...current.filter((a) => a.id !== attachment.id), attachment]), []);
  const onRemoved = useCallback((id: string) => setAttachments((current) => current.filter((a) => a.id !== id)), []);

  const byItem = useMemo(() => {
    const map = new Map<string | null, Attachment[]>();
    for (const attachment of attachments) map.set(attachment.itemId, [...(map.get(attachment.itemId) ?? []), attachment]);
    return map;
  }, [attachments]);

  // Checked here as the user types, with the same domain function the core runs during the formal review.
  const application = { profile, narratives };
  const issues = checkCompleteness(application, index.items.map((item) => item.id), view.limit);
  const total = applicationCharacterCounts(application).total;

  return (
    <Row ref={container} gutter={[20, 20]} className="application-editor" data-testid="application-editor">
      <Col xs={24} xl={17}>
        <Space orientation="vertical" size={20} style={{ width: '100%' }}>
          <ProfileEditor applicantId={view.applicantId} profile={profile} attachments={byItem.get(null) ?? NONE} reporter={reporter} onEdit={setProfile} onAttachmentAdded={onAdded} onAttachmentRemoved={onRemoved} />
          {index.categories.map((category) => (
            <Card
              key={category.id}
              title={
                <span>
                  {category.id} {category.names[language]}
                </span>
              }
              extra={<Typography.Text type="secondary">{t('ui.application.points', { points: category.points })}</Typography.Text>}
              data-testid={`category-${category.id}`}
            >
              {category.itemIds.map((itemId) => {
                const item = index.itemById.get(itemId)!;
                return (
                  <ItemEditor
                    key={itemId}
                    applicantId={view.applicantId}
                    framework={framework}
                    item={item}
                    narrative={narratives[itemId] ?? ''}
                    selfPercent={percents[itemId] ?? null}
                    attachments={byItem.get(itemId) ?? NONE}
                    reporter={reporter}
                    onEdit={onEdit}
                    onAttachmentAdded={onAdded}
                    onAttachmentRemoved={onRemoved}
                  />
                );
              })}
            </Card>
          ))}
        </Space>
      </Col>
      <Col xs={24} xl={7}>
        <div className="sticky-side">
          <CompletenessPanel framework={framework} issues={issues} total={total} limit={view.limit} status={status} />
        </div>
      </Col>
    </Row>
  );
}
