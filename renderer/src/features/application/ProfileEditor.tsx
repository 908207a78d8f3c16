import { Card, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Attachment } from '../../../../shared/api/applications';
import { characterCount } from '../../../../shared/domain/application';
import { call, callWhileLeaving } from '../../bridge';
import { useAutosave, type SaveReporter } from '../../hooks/useAutosave';
import { AttachmentList } from './AttachmentList';

export const PROFILE_ANCHOR = 'app-profile';

interface Props {
  applicantId: string;
  profile: string;
  attachments: Attachment[];
  reporter: SaveReporter;
  onEdit(profile: string): void;
  onAttachmentAdded(attachment: Attachment): void;
  onAttachmentRemoved(attachmentId: string): void;
}

/** The organisational profile: who the organisation is, before the item-by-item narratives. */
export function ProfileEditor({ applicantId, profile, attachments, reporter, onEdit, onAttachmentAdded, onAttachmentRemoved }: Props) {
  const { t } = useTranslation();
  const autosave = useAutosave<string>((value, leaving) => (leaving ? callWhileLeaving : call)('applications.saveProfile', { applicantId, profile: value }), reporter);
  return (
    <Card id={PROFILE_ANCHOR} title={t('ui.application.profile')} data-testid="profile-card" tabIndex={-1}>
      <Typography.Paragraph type="secondary">{t('ui.application.profileHelp')}</Typography.Paragraph>
      <Input.TextArea
        id="profile-text"
        data-testid="profile"
        aria-label={t('ui.application.profile')}
        value={profile}
        autoSize={{ minRows: 6, maxRows: 24 }}
        placeholder={t('ui.application.profilePlaceholder')}
        onChange={(event) => {
          onEdit(event.target.value);
          autosave.change(event.target.value);
        }}
        onBlur={() => void autosave.flush()}
      />
      <div className="count-line">
        <Typography.Text type="secondary" className="small-text" data-testid="count-profile">
          {t('ui.application.characters', { count: characterCount(profile) })}
        </Typography.Text>
      </div>
      <Typography.Text strong className="small-text">
        {t('ui.application.generalAttachments')}
      </Typography.Text>
      <AttachmentList applicantId={applicantId} itemId={null} attachments={attachments} onAdded={onAttachmentAdded} onRemoved={onAttachmentRemoved} testId="attachments-general" />
    </Card>
  );
}
