import { Col, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { CurrentWorkspaceCard } from './CurrentWorkspaceCard';
import { RecentWorkspaces } from './RecentWorkspaces';
import { CreateEnterpriseCard } from './CreateEnterpriseCard';
import { OpenDemoCard } from './OpenDemoCard';

export function StartPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('ui.start.title')} subtitle={t('ui.start.subtitle')} />
      <Row gutter={[20, 20]}>
        <Col xs={24} xl={14}>
          <CurrentWorkspaceCard />
          <RecentWorkspaces />
        </Col>
        <Col xs={24} xl={10}>
          <OpenDemoCard />
          <CreateEnterpriseCard />
        </Col>
      </Row>
    </>
  );
}
