import { Select, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AssignmentPlan, AssignmentSuggestion, Panel, PanelPlanRef } from '../../../../shared/api/panels';
import { translateMessage } from '../../errors';

const refValue = (ref: PanelPlanRef) => (ref.kind === 'existing' ? `existing:${ref.panelId}` : `new:${ref.key}`);
const sameRef = (a: PanelPlanRef, b: PanelPlanRef) => refValue(a) === refValue(b);
const NOT_NOW = 'none';

interface Row {
  applicantId: string;
  panel: PanelPlanRef | null;
}

/** Where each applicant goes and why; a choice can be changed or left out of this plan. */
export function PlanAssignments({ plan, suggestion, panels, applicantName, onChange }: { plan: AssignmentPlan; suggestion: AssignmentSuggestion; panels: readonly Panel[]; applicantName(id: string): string; onChange(plan: AssignmentPlan): void }) {
  const { t } = useTranslation();
  const rows: Row[] = suggestion.choices.map((choice) => ({ applicantId: choice.applicantId, panel: plan.assignments.find((a) => a.applicantId === choice.applicantId)?.panel ?? null }));
  const targets = [
    ...panels.map((p) => ({ value: refValue({ kind: 'existing', panelId: p.id }), label: p.name })),
    ...plan.newPanels.map((p) => ({ value: refValue({ kind: 'new', key: p.key }), label: t('scoringUi.suggest.newPanelLabel', { name: p.name }) })),
    { value: NOT_NOW, label: t('scoringUi.suggest.notNow') },
  ];
  const parse = (value: string): PanelPlanRef | null => {
    if (value === NOT_NOW) return null;
    const [kind, id] = value.split(/:(.*)/s) as [string, string];
    return kind === 'existing' ? { kind: 'existing', panelId: id } : { kind: 'new', key: id };
  };
  const move = (applicantId: string, value: string) => {
    const target = parse(value);
    const others = plan.assignments.filter((a) => a.applicantId !== applicantId);
    onChange({ ...plan, assignments: target ? [...others, { applicantId, panel: target }] : others });
  };

  return (
    <div data-testid="plan-assignments">
      <div className="pane-heading">{t('scoringUi.suggest.assignments')}</div>
      <Table<Row>
        size="small"
        rowKey="applicantId"
        pagination={false}
        dataSource={rows}
        columns={[
          { title: t('scoringUi.suggest.applicant'), key: 'applicant', width: 220, render: (_, row) => <span data-testid="plan-applicant">{applicantName(row.applicantId)}</span> },
          {
            title: t('scoringUi.suggest.panel'),
            key: 'panel',
            width: 190,
            render: (_, row) => (
              <Select size="small" value={row.panel ? refValue(row.panel) : NOT_NOW} options={targets} style={{ width: 170 }} popupMatchSelectWidth={false} onChange={(value: string) => move(row.applicantId, value)} />
            ),
          },
          {
            title: t('scoringUi.suggest.why'),
            key: 'why',
            render: (_, row) => {
              const choice = suggestion.choices.find((c) => c.applicantId === row.applicantId)!;
              const edited = !row.panel || !sameRef(row.panel, choice.panel);
              return (
                <div data-testid="plan-reasons">
                  {edited && <Tag color="orange">{t('scoringUi.suggest.edited')}</Tag>}
                  {choice.reasons.map((reason, i) => (
                    <div key={i}>
                      <Typography.Text type={edited ? 'secondary' : undefined} className="small-text">
                        {translateMessage(t, reason)}
                      </Typography.Text>
                    </div>
                  ))}
                </div>
              );
            },
          },
        ]}
      />
    </div>
  );
}
