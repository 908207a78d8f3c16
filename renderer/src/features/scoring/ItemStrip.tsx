import { Tooltip } from 'antd';
import type { Framework } from '../../../../shared/domain/frameworks';
import { indexFramework } from '../../../../shared/domain/frameworks';
import { useLanguage } from '../../hooks/useLanguage';
import './scoring.css';

/** Every item as a small chip with its percent, grouped by category: where am I, what is left. */
export function ItemStrip({ framework, percents, current, onPick }: { framework: Framework; percents: Record<string, number | null>; current: string; onPick(itemId: string): void }) {
  const language = useLanguage();
  const { categories, itemById } = indexFramework(framework);
  return (
    <nav className="item-strip" data-testid="item-strip">
      {categories.map((category) => (
        <div key={category.id} className="item-strip-group">
          {category.itemIds.map((itemId) => {
            const percent = percents[itemId] ?? null;
            const item = itemById.get(itemId);
            return (
              <Tooltip key={itemId} title={item ? `${itemId} ${item.names[language]}` : itemId} mouseEnterDelay={0.4}>
                <button
                  type="button"
                  tabIndex={-1}
                  className={`item-chip${percent !== null ? ' is-scored' : ''}${itemId === current ? ' is-current' : ''}`}
                  aria-current={itemId === current ? 'step' : undefined}
                  data-testid={`chip-${itemId}`}
                  onMouseDown={(event) => event.preventDefault()}
                  onClick={() => onPick(itemId)}
                >
                  <span>{itemId}</span>
                  <span className="item-chip-percent">{percent === null ? '·' : percent}</span>
                </button>
              </Tooltip>
            );
          })}
        </div>
      ))}
    </nav>
  );
}
