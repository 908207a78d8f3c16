import { Descriptions, Result, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportSummary } from '../../../../shared/api/exchange';

/** What an import changed, in the words of the package kind. */
export function ImportSummaryView({ summary }: { summary: ImportSummary }) {
  const { t, i18n } = useTranslation();
  const already = summary.outcome === 'alreadyImported';
  const subject = summary.applicant?.name ?? summary.expert?.name ?? '';
  const counts = summary.counts;
  const items = [
    { key: 'kind', label: t('exchange.ui.summary.kind'), children: t(`packages.kind.${summary.kind}`) },
    { key: 'subject', label: t(summary.applicant ? 'exchange.ui.summary.applicant' : 'exchange.ui.summary.expert'), children: subject },
    ...(summary.version !== null ? [{ key: 'version', label: t('exchange.ui.summary.version'), children: <span data-testid="exchange-summary-version">{summary.version}</span> }] : []),
    ...(summary.stage !== null ? [{ key: 'stage', label: t('exchange.ui.summary.stage'), children: t(`applicants.cycle.stage.${summary.stage}`) }] : []),
    ...(summary.final !== null ? [{ key: 'final', label: t('exchange.ui.summary.delivery'), children: <Tag color={summary.final ? 'green' : 'gold'}>{t(summary.final ? 'exchange.ui.summary.final' : 'exchange.ui.summary.interim')}</Tag> }] : []),
    { key: 'counts', label: t('exchange.ui.summary.counts'), children: t(`exchange.ui.summary.countsText.${summary.kind}`, { ...counts }) },
    {
      key: 'sender',
      label: t('exchange.ui.summary.fingerprint'),
      children: (
        <span>
          <Typography.Text code data-testid="exchange-summary-fingerprint">
            {summary.senderFingerprint}
          </Typography.Text>{' '}
          {summary.keyPinned && <Tag color="blue">{t('exchange.ui.summary.keyPinned')}</Tag>}
        </span>
      ),
    },
    { key: 'at', label: t('exchange.ui.summary.at'), children: new Date(summary.at).toLocaleString(i18n.language) },
  ];
  return (
    <div data-testid="exchange-import-result" data-outcome={summary.outcome} data-kind={summary.kind}>
      <Result
        status={already ? 'info' : 'success'}
        title={already ? t('exchange.ui.summary.alreadyTitle', { subject }) : t(`exchange.ui.summary.title.${summary.kind}`, { subject })}
        subTitle={already ? t('exchange.ui.summary.alreadyText') : undefined}
        style={{ padding: '16px 0' }}
      />
      <Descriptions size="small" column={1} bordered items={items} />
    </div>
  );
}
