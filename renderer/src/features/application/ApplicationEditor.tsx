import { LoadError } from '../../components/LoadError';
import { PageLoading } from '../../components/PageLoading';
import { useCall } from '../../hooks/useCall';
import { ApplicationWorkspace } from './ApplicationWorkspace';

/** The self-assessment of one applicant, as the office sees it (a tab) and as the enterprise writes it. */
export function ApplicationEditor({ applicantId }: { applicantId: string }) {
  const view = useCall('applications.get', { applicantId });
  const framework = useCall('frameworks.get', view.data ? { id: view.data.frameworkId } : null);
  const error = view.error ?? framework.error;
  if (error) {
    return (
      <LoadError
        error={error}
        onRetry={() => {
          view.reload();
          framework.reload();
        }}
      />
    );
  }
  if (!view.data || !framework.data) return <PageLoading />;
  return <ApplicationWorkspace view={view.data} framework={framework.data.framework} />;
}
