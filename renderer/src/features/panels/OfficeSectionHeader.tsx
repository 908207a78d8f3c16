import type { ReactNode } from 'react';
import { Segmented, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { stagesInUse, type StageId } from '../../../../shared/domain/cycle-settings';
import { href } from '../../app/routes';
import { PageHeader } from '../../components/PageHeader';
import { useCall } from '../../hooks/useCall';
import { useHashRoute } from '../../hooks/useHashRoute';

export type OfficeSection = 'conflicts' | 'panels' | 'progress';

const sectionHref = (section: OfficeSection, cycleId: string, stage: StageId) =>
  section === 'conflicts' ? href.conflicts(cycleId) : section === 'panels' ? href.cyclePanels(cycleId, stage) : href.scoringProgress(cycleId, stage);

interface Props {
  cycleId: string;
  section: OfficeSection;
  /** For sections that work stage by stage. */
  stage?: StageId;
  subtitle: ReactNode;
  extra?: ReactNode;
}

/** Title, cycle picker and the office's three panel sections (conflicts, panels, scoring progress). */
export function OfficeSectionHeader({ cycleId, section, stage, subtitle, extra }: Props) {
  const { t } = useTranslation();
  const { navigate } = useHashRoute();
  const cycles = useCall('cycles.list', {});
  const cycle = useCall('cycles.get', { cycleId });
  const stages = cycle.data ? stagesInUse(cycle.data.settings.stages) : [];
  const currentStage = stage ?? 'documentReview';

  return (
    <>
      <PageHeader
        crumbs={[{ title: t('cycles.title'), href: href.cycles() }, { title: cycle.data?.name ?? '…', href: href.applicants(cycleId) }, { title: t(`scoringUi.section.${section}`) }]}
        title={t('scoringUi.section.title')}
        subtitle={
          <Space size={8} wrap>
            <Typography.Text type="secondary">{subtitle}</Typography.Text>
            <Select
              size="small"
              variant="borderless"
              aria-label={t('ui.applicants.cycle')}
              value={cycleId}
              loading={cycles.loading}
              onChange={(id) => navigate(sectionHref(section, id, currentStage))}
              options={(cycles.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
              style={{ minWidth: 200 }}
              popupMatchSelectWidth={false}
              data-testid="cycle-select"
            />
          </Space>
        }
        extra={extra}
      />
      <div className="filter-row">
        <Segmented<OfficeSection>
          value={section}
          onChange={(next) => navigate(sectionHref(next, cycleId, currentStage))}
          options={(['conflicts', 'panels', 'progress'] as const).map((value) => ({ value, label: <span data-testid={`section-${value}`}>{t(`scoringUi.section.${value}`)}</span> }))}
        />
        {stage && stages.length > 0 && (
          <Segmented<StageId>
            value={stage}
            onChange={(next) => navigate(sectionHref(section, cycleId, next))}
            options={stages.map((value) => ({ value, label: <span data-testid={`stage-${value}`}>{t(`applicants.cycle.stage.${value}`)}</span> }))}
          />
        )}
      </div>
    </>
  );
}
