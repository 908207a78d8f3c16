import { Card, Col, Descriptions, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { maxPointsByKind, scoredItems } from '../../../../shared/domain/frameworks';
import { href } from '../../app/routes';
import { LoadError } from '../../components/LoadError';
import { PageHeader } from '../../components/PageHeader';
import { PageLoading } from '../../components/PageLoading';
import { useCall } from '../../hooks/useCall';
import { useLanguage } from '../../hooks/useLanguage';
import { BandGuide } from './BandGuide';
import { FrameworkTree } from './FrameworkTree';

export function FrameworkDetailPage({ frameworkId }: { frameworkId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const detail = useCall('frameworks.get', { id: frameworkId });

  if (detail.error) return <LoadError error={detail.error} onRetry={detail.reload} />;
  if (!detail.data) return <PageLoading />;
  const { framework } = detail.data;
  const subtotals = maxPointsByKind(framework);
  const itemCount = scoredItems(framework).length;

  return (
    <>
      <PageHeader crumbs={[{ title: t('ui.frameworks.title'), href: href.frameworks() }, { title: framework.code }]} title={framework.names[language]} subtitle={framework.notes?.[language]} />
      <Card style={{ marginBottom: 20 }}>
        <Descriptions
          data-testid="framework-summary"
          column={{ xs: 1, md: 2, xl: 4 }}
          size="small"
          items={[
            { key: 'code', label: t('ui.frameworks.code'), children: `${framework.code} · ${framework.version}` },
            { key: 'revision', label: t('ui.frameworks.revisionLabel'), children: framework.revision },
            { key: 'items', label: t(`frameworks.term.${framework.terms.item}`), children: <span data-testid="framework-item-count">{itemCount}</span> },
            { key: 'total', label: t('ui.frameworks.total'), children: <span data-testid="framework-total">{framework.total}</span> },
            { key: 'process', label: t('ui.frameworks.processSubtotal'), children: subtotals.process },
            { key: 'results', label: t('ui.frameworks.resultsSubtotal'), children: subtotals.results },
            { key: 'scale', label: t('ui.frameworks.scale'), children: t('ui.frameworks.scaleValue', framework.scale) },
            {
              key: 'fingerprint',
              label: t('ui.frameworks.fingerprint'),
              children: (
                <Typography.Text code copyable={{ text: detail.data.id }} title={detail.data.id}>
                  {detail.data.id.replace(/^sha256:/, '').slice(0, 12)}
                </Typography.Text>
              ),
            },
          ]}
        />
      </Card>
      <Row gutter={[20, 20]}>
        <Col xs={24} xxl={14}>
          <Card title={t('ui.frameworks.tree')} styles={{ body: { padding: 0 } }}>
            <FrameworkTree framework={framework} />
          </Card>
        </Col>
        <Col xs={24} xxl={10}>
          <Card title={t('ui.frameworks.bandGuide')} data-testid="band-guide">
            <Typography.Title level={5} style={{ marginTop: 0 }}>
              {t('ui.frameworks.bandsFor', { kind: t('frameworks.kind.process') })}
            </Typography.Title>
            <BandGuide framework={framework} kind="process" />
            <Typography.Title level={5} style={{ marginTop: 20 }}>
              {t('ui.frameworks.bandsFor', { kind: t('frameworks.kind.results') })}
            </Typography.Title>
            <BandGuide framework={framework} kind="results" />
          </Card>
        </Col>
      </Row>
    </>
  );
}
