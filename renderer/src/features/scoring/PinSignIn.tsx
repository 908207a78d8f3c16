import { useState } from 'react';
import { Alert, Button, Card, Col, Empty, Input, Modal, Row, Space, Tag, Typography } from 'antd';
import { CrownOutlined, LockOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { AppErrorPayload } from '../../../../shared/api/errors';
import type { StageId } from '../../../../shared/domain/cycle-settings';
import { call } from '../../bridge';
import { LoadError } from '../../components/LoadError';
import { errorPayload, translateError } from '../../errors';
import { useCall } from '../../hooks/useCall';
import { testId } from '../../test-id';
import { setScoringSession } from './session-store';

/** The review room's door: the panels of the stage, each member's name, and a PIN to come in. */
export function PinSignIn({ cycleId, stage }: { cycleId: string; stage: StageId }) {
  const { t } = useTranslation();
  const roster = useCall('sessions.roster', { cycleId, stage });
  const [who, setWho] = useState<{ expertId: string; name: string } | null>(null);
  const [pin, setPin] = useState('');
  const [problem, setProblem] = useState<AppErrorPayload | null>(null);
  const [busy, setBusy] = useState(false);

  const close = () => {
    setWho(null);
    setPin('');
    setProblem(null);
  };
  const signIn = async () => {
    if (!who || busy) return;
    setBusy(true);
    try {
      const session = await call('sessions.signIn', { expertId: who.expertId, pin });
      setScoringSession({ sessionToken: session.sessionToken, expertId: session.expertId, expertName: session.expertName });
      close();
    } catch (error) {
      setProblem(errorPayload(error));
      setPin('');
    } finally {
      setBusy(false);
    }
  };

  if (roster.error) return <LoadError error={roster.error} onRetry={roster.reload} />;
  return (
    <>
      {roster.data && roster.data.length === 0 && <Empty description={t('scoringUi.room.noPanels')} data-testid="room-empty" />}
      <Row gutter={[16, 16]}>
        {(roster.data ?? []).map((panel) => (
          <Col key={panel.panelId} xs={24} md={12} xl={8}>
            <Card size="small" title={panel.panelName} data-testid="roster-panel">
              <Space orientation="vertical" style={{ width: '100%' }} size={6}>
                {panel.members.map((member) => (
                  <Button
                    key={member.expertId}
                    block
                    size="large"
                    disabled={!member.hasPin}
                    icon={member.isLeader ? <CrownOutlined /> : <UserOutlined />}
                    onClick={() => setWho({ expertId: member.expertId, name: member.name })}
                    data-testid="roster-member"
                    style={{ justifyContent: 'flex-start' }}
                  >
                    {member.name}
                    {member.isLeader && <Tag style={{ marginInlineStart: 8 }}>{t('scoringUi.panels.leader')}</Tag>}
                    {!member.hasPin && (
                      <Typography.Text type="secondary" className="small-text" style={{ marginInlineStart: 8 }}>
                        {t('scoringUi.room.noPin')}
                      </Typography.Text>
                    )}
                  </Button>
                ))}
              </Space>
            </Card>
          </Col>
        ))}
      </Row>
      <Modal
        open={who !== null}
        title={t('scoringUi.room.pinTitle', { name: who?.name ?? '' })}
        okText={t('scoringUi.room.signIn')}
        cancelText={t('ui.common.cancel')}
        confirmLoading={busy}
        onOk={() => void signIn()}
        onCancel={close}
        okButtonProps={{ ...testId('pin-sign-in'), disabled: !/^\d{4,12}$/.test(pin) }}
        destroyOnHidden
        width={400}
      >
        {problem && <Alert type="error" showIcon title={translateError(t, problem)} style={{ marginBottom: 12 }} data-testid="sign-in-problem" />}
        <Input.Password
          autoFocus
          size="large"
          prefix={<LockOutlined />}
          inputMode="numeric"
          autoComplete="off"
          maxLength={12}
          value={pin}
          placeholder={t('scoringUi.room.pinPlaceholder')}
          aria-label={t('scoringUi.pin.label')}
          onChange={(event) => setPin(event.target.value.replace(/\D/g, ''))}
          onPressEnter={() => void signIn()}
          data-testid="sign-in-pin"
        />
      </Modal>
    </>
  );
}
