import { Badge, Table, Tag, Tooltip, Typography } from 'antd';
import { WarningOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ConsensusView } from '../../../../shared/api/scoring-sessions';
import { findItem, type Framework } from '../../../../shared/domain/frameworks';
import { formatPoints } from '../../../../shared/domain/scoring';
import { useLanguage } from '../../hooks/useLanguage';
import { isDirty, type ConsensusDraft, type ConsensusItem } from './consensus-drafts';
import '../scoring/scoring.css';

interface Props {
  view: ConsensusView;
  framework: Framework;
  drafts: Readonly<Record<string, ConsensusDraft>>;
  selected: string;
  onSelect(itemId: string): void;
}

/** Items × experts, flagged items first in the agenda's order, each with its spread and the agreed percent. */
export function ConsensusMatrix({ view, framework, drafts, selected, onSelect }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const sd = (value: number | null) => (value === null ? '—' : value.toLocaleString(language, { minimumFractionDigits: 1, maximumFractionDigits: 1 }));

  return (
    <Table<ConsensusItem>
      data-testid="consensus-matrix"
      rowKey="itemId"
      size="small"
      pagination={false}
      scroll={{ x: 'max-content' }}
      dataSource={view.items}
      onRow={(item) => ({ onClick: () => onSelect(item.itemId), 'data-testid': 'matrix-row', 'data-item': item.itemId, 'data-flagged': item.flagged || undefined }) as React.HTMLAttributes<HTMLElement>}
      rowClassName={(item) => [item.flagged ? 'matrix-row-flagged' : '', item.itemId === selected ? 'matrix-row-selected' : ''].join(' ')}
      columns={[
        {
          title: t('scoringUi.consensus.item'),
          key: 'item',
          fixed: 'left',
          // Narrow enough that a panel of three fits beside the editor without scrolling on a 1360 px screen.
          width: 104,
          render: (_, item) => (
            <Tooltip title={findItem(framework, item.itemId)?.names[language]} placement="right">
              <span className="nowrap" data-testid="matrix-item">
                {item.flagged && <WarningOutlined style={{ color: '#d48806', marginInlineEnd: 4 }} aria-label={t('scoringUi.consensus.flagged')} />}
                <Typography.Text strong>{item.itemId}</Typography.Text>{' '}
                <Typography.Text type="secondary" className="small-text">
                  {item.points}
                </Typography.Text>
              </span>
            </Tooltip>
          ),
        },
        ...view.experts.map((expert, index) => ({
          title: <span className="nowrap">{expert.name}</span>,
          key: expert.expertId,
          width: 64,
          align: 'right' as const,
          render: (_: unknown, item: ConsensusItem) => {
            const percent = item.percents[index]?.percent ?? null;
            const edge = item.range !== null && item.range > 0 ? (percent === item.min ? ' is-low' : percent === item.max ? ' is-high' : '') : '';
            return <span className={`matrix-percent${edge}`}>{percent === null ? '—' : percent}</span>;
          },
        })),
        {
          title: t('scoringUi.consensus.range'),
          key: 'range',
          width: 64,
          align: 'right',
          render: (_, item) =>
            item.range === null ? (
              '—'
            ) : (
              <span className="nowrap" data-testid="matrix-range">
                {item.flagged ? <Tag color="orange">{item.range}</Tag> : item.range}
              </span>
            ),
        },
        { title: t('scoringUi.consensus.sd'), key: 'sd', width: 60, align: 'right', render: (_, item) => <span className="matrix-percent">{sd(item.standardDeviation)}</span> },
        {
          title: t('scoringUi.consensus.agreed'),
          key: 'agreed',
          width: 76,
          align: 'right',
          render: (_, item) => {
            const draft = drafts[item.itemId];
            const percent = draft?.percent ?? item.consensus?.percent ?? null;
            return (
              <span className="nowrap" data-testid="matrix-agreed">
                {isDirty(item, draft) && <Badge status="warning" title={t('scoringUi.consensus.unsaved')} style={{ marginInlineEnd: 4 }} />}
                <Typography.Text strong={item.consensus !== null}>{percent === null ? '—' : `${percent}%`}</Typography.Text>
              </span>
            );
          },
        },
        {
          title: t('scoringUi.consensus.points'),
          key: 'points',
          width: 68,
          align: 'right',
          render: (_, item) => {
            const percent = drafts[item.itemId]?.percent ?? item.consensus?.percent ?? null;
            return <span className="matrix-percent">{percent === null ? '—' : formatPoints(item.points * percent)}</span>;
          },
        },
      ]}
    />
  );
}
