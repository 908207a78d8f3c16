import { useState } from 'react';
import { Alert, App, Button, Drawer, Empty, InputNumber, Space, Typography } from 'antd';
import { BulbOutlined, CheckOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ApplicantRow } from '../../../../shared/api/applicants';
import type { AppErrorPayload } from '../../../../shared/api/errors';
import type { AssignmentPlan, AssignmentSuggestion, ExpertRow, Panel } from '../../../../shared/api/panels';
import type { StageId } from '../../../../shared/domain/cycle-settings';
import { call } from '../../bridge';
import { errorPayload, translateError, translateMessage } from '../../errors';
import { PlanAssignments } from './PlanAssignments';
import { PlanNewPanels } from './PlanNewPanels';

interface Props {
  cycleId: string;
  stage: StageId;
  open: boolean;
  panels: readonly Panel[];
  experts: readonly ExpertRow[];
  applicants: readonly ApplicantRow[];
  onClose(): void;
  onApplied(): void;
}

/**
 * The automatic suggestion: nothing is written until the office applies it, as proposed or edited;
 * the core checks every conflict rule again when it does.
 */
export function SuggestionDrawer({ cycleId, stage, open, panels, experts, applicants, onClose, onApplied }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [minExperts, setMinExperts] = useState(3);
  const [suggestion, setSuggestion] = useState<AssignmentSuggestion | null>(null);
  const [plan, setPlan] = useState<AssignmentPlan | null>(null);
  const [busy, setBusy] = useState<'suggest' | 'apply' | null>(null);
  const [problem, setProblem] = useState<AppErrorPayload | null>(null);

  const suggest = async () => {
    setBusy('suggest');
    setProblem(null);
    try {
      const result = await call('panels.suggestAssignment', { cycleId, stage, minExperts });
      setSuggestion(result);
      setPlan(structuredClone(result.plan));
    } catch (error) {
      setProblem(errorPayload(error));
    } finally {
      setBusy(null);
    }
  };

  const apply = async () => {
    if (!plan) return;
    setBusy('apply');
    setProblem(null);
    try {
      const applied = await call('panels.applyPlan', { cycleId, stage, plan });
      void message.success(t('scoringUi.suggest.applied', { panels: applied.length }));
      setSuggestion(null);
      setPlan(null);
      onApplied();
    } catch (error) {
      setProblem(errorPayload(error));
    } finally {
      setBusy(null);
    }
  };

  const applicantName = (id: string) => applicants.find((a) => a.id === id)?.legalName ?? id;
  const expertName = (id: string) => experts.find((e) => e.id === id)?.name ?? id;

  return (
    <Drawer
      open={open}
      size={860}
      title={t('scoringUi.suggest.title', { stage: t(`applicants.cycle.stage.${stage}`) })}
      onClose={onClose}
      data-testid="suggestion-drawer"
      extra={
        <Space>
          <Typography.Text type="secondary">{t('scoringUi.suggest.minExperts')}</Typography.Text>
          <InputNumber min={1} max={25} precision={0} value={minExperts} onChange={(value) => setMinExperts(typeof value === 'number' ? value : 3)} style={{ width: 70 }} data-testid="suggest-min" />
          <Button icon={<BulbOutlined />} loading={busy === 'suggest'} onClick={() => void suggest()} data-testid="suggest-run">
            {t('scoringUi.suggest.run')}
          </Button>
          <Button type="primary" icon={<CheckOutlined />} disabled={!plan || plan.assignments.length === 0} loading={busy === 'apply'} onClick={() => void apply()} data-testid="suggest-apply">
            {t('scoringUi.suggest.apply')}
          </Button>
        </Space>
      }
    >
      {problem && <Alert type="error" showIcon title={translateError(t, problem)} style={{ marginBottom: 12 }} data-testid="suggest-problem" />}
      {!suggestion || !plan ? (
        <Empty description={t('scoringUi.suggest.intro')} />
      ) : (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Alert
            type={suggestion.complete ? 'success' : 'warning'}
            showIcon
            title={t(suggestion.complete ? 'scoringUi.suggest.complete' : 'scoringUi.suggest.incomplete', { minimum: suggestion.minExperts })}
            description={
              suggestion.notes.length > 0 && (
                <ul className="plain-list">
                  {suggestion.notes.map((note, i) => (
                    <li key={i}>{translateMessage(t, note)}</li>
                  ))}
                </ul>
              )
            }
          />
          {plan.newPanels.length > 0 && <PlanNewPanels plan={plan} suggestion={suggestion} experts={experts} onChange={setPlan} />}
          <PlanAssignments plan={plan} suggestion={suggestion} panels={panels} applicantName={applicantName} onChange={setPlan} />
          {suggestion.unassignable.length > 0 && (
            <Alert
              type="error"
              showIcon
              title={t('scoringUi.suggest.unassignable')}
              description={
                <ul className="plain-list">
                  {suggestion.unassignable.map((u) => (
                    <li key={u.applicantId}>{translateMessage(t, u.reason)}</li>
                  ))}
                </ul>
              }
            />
          )}
          <div>
            <div className="pane-heading">{t('scoringUi.suggest.loads')}</div>
            <Space size={[12, 4]} wrap>
              {suggestion.loads.map((load) => (
                <Typography.Text key={load.expertId} className="small-text nowrap">
                  {t('scoringUi.suggest.load', { expert: expertName(load.expertId), before: load.before, after: load.after })}
                </Typography.Text>
              ))}
            </Space>
          </div>
        </Space>
      )}
    </Drawer>
  );
}
