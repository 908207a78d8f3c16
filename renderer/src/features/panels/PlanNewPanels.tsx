import { Card, Input, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AssignmentPlan, AssignmentSuggestion, ExpertRow } from '../../../../shared/api/panels';
import { translateMessage } from '../../errors';

type NewPanel = AssignmentPlan['newPanels'][number];

/** Panels the plan would form, each with why it was formed so; names, members and leader are editable. */
export function PlanNewPanels({ plan, suggestion, experts, onChange }: { plan: AssignmentPlan; suggestion: AssignmentSuggestion; experts: readonly ExpertRow[]; onChange(plan: AssignmentPlan): void }) {
  const { t } = useTranslation();
  const update = (key: string, patch: Partial<NewPanel>) =>
    onChange({
      ...plan,
      newPanels: plan.newPanels.map((p) => {
        if (p.key !== key) return p;
        const next = { ...p, ...patch };
        return next.leaderExpertId && !next.memberIds.includes(next.leaderExpertId) ? { ...next, leaderExpertId: null } : next;
      }),
    });
  const elsewhere = (key: string) => new Set(plan.newPanels.filter((p) => p.key !== key).flatMap((p) => p.memberIds));

  return (
    <div data-testid="plan-new-panels">
      <div className="pane-heading">{t('scoringUi.suggest.newPanels')}</div>
      <Space orientation="vertical" size={10} style={{ width: '100%' }}>
        {plan.newPanels.map((panel) => {
          const reasons = suggestion.panelReasons.find((r) => r.panel.kind === 'new' && r.panel.key === panel.key)?.reasons ?? [];
          const taken = elsewhere(panel.key);
          return (
            <Card key={panel.key} size="small" data-testid="plan-panel">
              <Space orientation="vertical" size={6} style={{ width: '100%' }}>
                <Space wrap>
                  <Input value={panel.name} maxLength={100} onChange={(e) => update(panel.key, { name: e.target.value })} aria-label={t('scoringUi.panels.name')} style={{ width: 200 }} />
                  <Select
                    allowClear
                    placeholder={t('scoringUi.panels.leader')}
                    value={panel.leaderExpertId ?? undefined}
                    style={{ width: 160 }}
                    aria-label={t('scoringUi.panels.leader')}
                    options={panel.memberIds.map((id) => ({ value: id, label: experts.find((e) => e.id === id)?.name ?? id }))}
                    onChange={(leaderExpertId?: string) => update(panel.key, { leaderExpertId: leaderExpertId ?? null })}
                  />
                </Space>
                <Select
                  mode="multiple"
                  value={panel.memberIds}
                  style={{ width: '100%' }}
                  aria-label={t('scoringUi.panels.members')}
                  showSearch={{ optionFilterProp: 'label' }}
                  options={experts.filter((e) => !taken.has(e.id)).map((e) => ({ value: e.id, label: e.name }))}
                  onChange={(memberIds: string[]) => update(panel.key, { memberIds })}
                />
                {reasons.map((reason, i) => (
                  <Typography.Text key={i} type="secondary" className="small-text">
                    {translateMessage(t, reason)}
                  </Typography.Text>
                ))}
              </Space>
            </Card>
          );
        })}
      </Space>
    </div>
  );
}
