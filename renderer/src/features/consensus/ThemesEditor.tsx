import { useState } from 'react';
import { App, Button, Card, Input, Space, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ConsensusView, Viewer } from '../../../../shared/api/scoring-sessions';
import { call } from '../../bridge';
import { errorPayload, translateError } from '../../errors';
import { actorLabel } from '../panels/ActorName';

/** Key themes for the applicant, in order, across all items. */
export function ThemesEditor({ view, viewer, onSaved }: { view: ConsensusView; viewer: Viewer; onSaved(view: ConsensusView): void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [themes, setThemes] = useState<string[]>(() => view.themes?.themes ?? []);
  const [saving, setSaving] = useState(false);
  const readOnly = !view.canEdit;

  const save = async () => {
    setSaving(true);
    try {
      const next = await call('consensus.saveThemes', { viewer, stage: view.stage, applicantId: view.applicantId, themes: themes.map((s) => s.trim()).filter(Boolean) });
      setThemes(next.themes?.themes ?? []);
      onSaved(next);
      void message.success(t('scoringUi.themes.saved'));
    } catch (error) {
      void message.error(translateError(t, errorPayload(error)));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card
      size="small"
      title={t('scoringUi.themes.title')}
      data-testid="themes"
      extra={
        view.themes && (
          <Typography.Text type="secondary" className="small-text">
            {t('scoringUi.themes.decided', { when: new Date(view.themes.decidedAt).toLocaleString(i18n.language), who: actorLabel(t, view.themes.decidedBy, view.experts) })}
          </Typography.Text>
        )
      }
    >
      {themes.length === 0 && readOnly && <Typography.Text type="secondary">{t('scoringUi.themes.none')}</Typography.Text>}
      <Space orientation="vertical" style={{ width: '100%' }} size={6}>
        {themes.map((theme, index) =>
          readOnly ? (
            <div key={index} className="comment-readonly">
              {index + 1}. {theme}
            </div>
          ) : (
            <div key={index} style={{ display: 'flex', gap: 8 }}>
              <Typography.Text type="secondary" style={{ paddingTop: 5 }}>
                {index + 1}.
              </Typography.Text>
              <Input.TextArea
                value={theme}
                maxLength={1000}
                autoSize={{ minRows: 1, maxRows: 4 }}
                aria-label={t('scoringUi.themes.entry', { n: index + 1 })}
                onChange={(event) => setThemes(themes.map((s, i) => (i === index ? event.target.value : s)))}
                data-testid="theme-text"
              />
              <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('scoringUi.themes.remove')} onClick={() => setThemes(themes.filter((_, i) => i !== index))} />
            </div>
          ),
        )}
        {!readOnly && (
          <Space>
            <Button size="small" icon={<PlusOutlined />} onClick={() => setThemes([...themes, ''])} disabled={themes.length >= 20} data-testid="theme-add">
              {t('scoringUi.themes.add')}
            </Button>
            <Button size="small" type="primary" icon={<SaveOutlined />} loading={saving} onClick={() => void save()} data-testid="themes-save">
              {t('scoringUi.themes.save')}
            </Button>
          </Space>
        )}
      </Space>
    </Card>
  );
}
