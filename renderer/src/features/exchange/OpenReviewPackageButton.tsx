import { App } from 'antd';
import { FolderOpenOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { call } from '../../bridge';
import { useWorkspace } from '../../hooks/useWorkspace';
import { PackageFileButton } from './PackageFileButton';

/**
 * For the start page: a review package from the award office becomes a new examiner workspace, which
 * opens at once. Shows the office key's fingerprint so the examiner can compare it by phone.
 */
export function OpenReviewPackageButton() {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const { reopen } = useWorkspace();
  return (
    <PackageFileButton
      icon={<FolderOpenOutlined />}
      label={t('exchange.ui.openReview.button')}
      testId="exchange-open-review"
      onPicked={async (file) => {
        const { workspace, summary } = await call('workspaces.createExpertFromPackage', { uploadId: file.uploadId });
        await reopen();
        modal.success({
          title: t('exchange.ui.openReview.done', { title: workspace.title }),
          content: (
            <div data-testid="exchange-open-review-done">
              {t('exchange.ui.openReview.fingerprint', { fingerprint: summary.senderFingerprint, applicants: summary.counts.applicants })}
            </div>
          ),
        });
      }}
    />
  );
}
