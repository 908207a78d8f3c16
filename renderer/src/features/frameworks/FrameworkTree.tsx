import { Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Framework, LocalizedText, NodeKind } from '../../../../shared/domain/frameworks';
import { maxPointsByKind } from '../../../../shared/domain/frameworks';
import { useLanguage } from '../../hooks/useLanguage';

interface Node {
  key: string;
  id: string;
  names: LocalizedText;
  kind: NodeKind;
  points: number;
  level: 'category' | 'item';
  children?: Node[];
}

export function KindTag({ kind }: { kind: NodeKind }) {
  const { t } = useTranslation();
  return <Tag color={kind === 'process' ? 'geekblue' : 'green'}>{t(`frameworks.kind.${kind}`)}</Tag>;
}

/** Categories with their items, points per node, and the process / results / total sums at the foot. */
export function FrameworkTree({ framework }: { framework: Framework }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const nodes: Node[] = framework.categories.map((category) => ({
    key: category.id,
    id: category.id,
    names: category.names,
    kind: category.kind,
    points: category.points,
    level: 'category',
    children: category.items.length
      ? category.items.map((item) => ({ key: item.id, id: item.id, names: item.names, kind: item.kind, points: item.points, level: 'item' as const }))
      : undefined,
  }));
  const subtotals = maxPointsByKind(framework);
  const sumRow = (label: string, value: number, id: string) => (
    <Table.Summary.Row>
      <Table.Summary.Cell index={0} colSpan={2}>
        <Typography.Text strong>{label}</Typography.Text>
      </Table.Summary.Cell>
      <Table.Summary.Cell index={2} />
      <Table.Summary.Cell index={3} align="right">
        <Typography.Text strong data-testid={id}>
          {value}
        </Typography.Text>
      </Table.Summary.Cell>
    </Table.Summary.Row>
  );

  return (
    <Table<Node>
      data-testid="framework-tree"
      size="small"
      dataSource={nodes}
      pagination={false}
      expandable={{ defaultExpandAllRows: true }}
      rowClassName={(node) => (node.level === 'category' ? 'tree-category' : 'tree-item')}
      columns={[
        { title: t('ui.frameworks.nodeId'), dataIndex: 'id', key: 'id', width: 120, render: (id: string) => <span className="nowrap">{id}</span> },
        { title: t('ui.frameworks.nodeName'), key: 'name', render: (_, node) => node.names[language] },
        { title: t('ui.frameworks.kind'), key: 'kind', width: 90, render: (_, node) => <KindTag kind={node.kind} /> },
        { title: t('ui.frameworks.points'), dataIndex: 'points', key: 'points', width: 80, align: 'right' },
      ]}
      summary={() => (
        <Table.Summary>
          {sumRow(t('ui.frameworks.processSubtotal'), subtotals.process, 'subtotal-process')}
          {sumRow(t('ui.frameworks.resultsSubtotal'), subtotals.results, 'subtotal-results')}
          {sumRow(t('ui.frameworks.total'), framework.total, 'subtotal-total')}
        </Table.Summary>
      )}
    />
  );
}
