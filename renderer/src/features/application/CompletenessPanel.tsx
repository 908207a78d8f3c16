import { Button, Card, Progress, Typography } from 'antd';
import { CheckCircleOutlined, WarningOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { CompletenessIssue } from '../../../../shared/domain/application';
import type { Framework } from '../../../../shared/domain/frameworks';
import { findItem } from '../../../../shared/domain/frameworks';
import { translateMessage } from '../../errors';
import { useLanguage } from '../../hooks/useLanguage';
import type { SaveStatus } from '../../hooks/useSaveStatus';
import { itemAnchor } from './ItemEditor';
import { PROFILE_ANCHOR } from './ProfileEditor';
import { SaveIndicator } from './SaveIndicator';

/** Scrolls to the place an issue is about and puts the caret there. */
function jumpTo(issue: CompletenessIssue): void {
  const anchor = issue.kind === 'missingProfile' ? PROFILE_ANCHOR : 'itemId' in issue ? itemAnchor(issue.itemId) : null;
  if (!anchor) return;
  document.getElementById(anchor)?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  const field = document.getElementById(issue.kind === 'missingProfile' ? 'profile-text' : `narrative-${'itemId' in issue ? issue.itemId : ''}`);
  field?.focus({ preventScroll: true });
}

interface Props {
  framework: Framework;
  issues: CompletenessIssue[];
  total: number;
  limit: number | null;
  status: SaveStatus;
}

export function CompletenessPanel({ framework, issues, total, limit, status }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const over = limit !== null && total > limit;
  return (
    <Card className="completeness-card" data-testid="completeness">
      <SaveIndicator status={status} />
      <div className="total-line">
        <Typography.Text strong data-testid="total-count">
          {limit === null
            ? t('ui.application.totalNoLimit', { count: total, formatted: total.toLocaleString(language) })
            : t('ui.application.totalOfLimit', { count: total, formatted: total.toLocaleString(language), limit: limit.toLocaleString(language) })}
        </Typography.Text>
        {limit !== null && <Progress percent={Math.min(100, Math.round((total / limit) * 100))} status={over ? 'exception' : 'normal'} showInfo={false} size="small" />}
      </div>
      <Typography.Title level={5} style={{ marginTop: 8 }}>
        {t('ui.application.completeness')}
      </Typography.Title>
      {issues.length === 0 ? (
        <Typography.Text type="success" data-testid="complete">
          <CheckCircleOutlined /> {t('ui.application.complete')}
        </Typography.Text>
      ) : (
        <>
          <Typography.Text type="warning" data-testid="issue-count">
            <WarningOutlined /> {t('ui.application.issueCount', { count: issues.length })}
          </Typography.Text>
          <ul className="issue-list" data-testid="completeness-issues">
            {issues.map((issue, index) => {
              const item = 'itemId' in issue ? findItem(framework, issue.itemId) : undefined;
              const linked = issue.kind !== 'overLimit';
              return (
                <li key={`${issue.kind}-${'itemId' in issue ? issue.itemId : index}`} data-testid="completeness-item" data-kind={issue.kind}>
                  {linked ? (
                    <Button type="link" className="issue-link" onClick={() => jumpTo(issue)}>
                      {translateMessage(t, issue)}
                    </Button>
                  ) : (
                    <Typography.Text type="danger">{translateMessage(t, issue)}</Typography.Text>
                  )}
                  {item && (
                    <Typography.Text type="secondary" className="small-text issue-item-name">
                      {item.names[language]}
                    </Typography.Text>
                  )}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </Card>
  );
}
