import type { Framework, FrameworkCategory, LocalizedText, NodeKind, ScoringBand } from './schema';

/** A leaf of the framework that receives a percentage: an item, or a category without items. */
export interface ScoredItem {
  id: string;
  categoryId: string;
  kind: NodeKind;
  points: number;
  names: LocalizedText;
  /** Position in the framework's reading order, 0-based; ties elsewhere are broken by it. */
  order: number;
}

export interface CategoryInfo {
  id: string;
  kind: NodeKind;
  points: number;
  names: LocalizedText;
  itemIds: string[];
}

export interface FrameworkIndex {
  items: readonly ScoredItem[];
  itemById: ReadonlyMap<string, ScoredItem>;
  categories: readonly CategoryInfo[];
}

// Scoring a cycle looks items up hundreds of thousands of times; a parsed framework is never
// mutated, so its index is computed once per object.
const indexCache = new WeakMap<Framework, FrameworkIndex>();

export function indexFramework(framework: Framework): FrameworkIndex {
  const cached = indexCache.get(framework);
  if (cached) return cached;
  const items: ScoredItem[] = [];
  const categories: CategoryInfo[] = [];
  for (const category of framework.categories) {
    const leaves = leavesOf(category);
    for (const leaf of leaves) items.push({ ...leaf, categoryId: category.id, order: items.length });
    categories.push({
      id: category.id,
      kind: category.kind,
      points: category.points,
      names: category.names,
      itemIds: leaves.map((leaf) => leaf.id),
    });
  }
  const index: FrameworkIndex = { items, itemById: new Map(items.map((item) => [item.id, item])), categories };
  indexCache.set(framework, index);
  return index;
}

function leavesOf(category: FrameworkCategory): Omit<ScoredItem, 'categoryId' | 'order'>[] {
  if (category.items.length === 0) {
    return [{ id: category.id, kind: category.kind, points: category.points, names: category.names }];
  }
  return category.items.map((item) => ({ id: item.id, kind: item.kind, points: item.points, names: item.names }));
}

/** Scored items in reading order (4.1.2, 4.1.3, … 4.7.7 for GB/T 19580). */
export function scoredItems(framework: Framework): readonly ScoredItem[] {
  return indexFramework(framework).items;
}

export function findItem(framework: Framework, itemId: string): ScoredItem | undefined {
  return indexFramework(framework).itemById.get(itemId);
}

export function itemsByKind(framework: Framework): { process: ScoredItem[]; results: ScoredItem[] } {
  const items = scoredItems(framework);
  return {
    process: items.filter((item) => item.kind === 'process'),
    results: items.filter((item) => item.kind === 'results'),
  };
}

export function maxPoints(framework: Framework): number {
  return framework.total;
}

export function maxPointsByKind(framework: Framework): { process: number; results: number } {
  const { process, results } = itemsByKind(framework);
  const sum = (list: ScoredItem[]) => list.reduce((total, item) => total + item.points, 0);
  return { process: sum(process), results: sum(results) };
}

/** The guidance band a percentage falls in (for the slider beside each item). */
export function bandFor(framework: Framework, kind: NodeKind, percent: number): ScoringBand | undefined {
  return framework.bands[kind].find((band) => percent >= band.min && percent <= band.max);
}

/** Every percentage a scorer may choose: 0, 5, 10, … 100. */
export function percentChoices(framework: Framework): number[] {
  const { min, max, step } = framework.scale;
  const out: number[] = [];
  for (let p = min; p <= max; p += step) out.push(p);
  return out;
}
