import type { Page } from '@playwright/test';

/**
 * GB/T 19580-2012's 23 scored items with their points, written out by hand from the criteria
 * booklet so the test's totals are an independent hand calculation, not the app's own tables.
 */
export const GB19580_ITEMS: readonly (readonly [string, number])[] = [
  ['4.1.2', 50], ['4.1.3', 30], ['4.1.4', 30],
  ['4.2.2', 40], ['4.2.3', 50],
  ['4.3.2', 40], ['4.3.3', 50],
  ['4.4.2', 60], ['4.4.3', 15], ['4.4.4', 20], ['4.4.5', 15], ['4.4.6', 10], ['4.4.7', 10],
  ['4.5.2', 50], ['4.5.3', 50],
  ['4.6.2', 40], ['4.6.3', 40],
  ['4.7.2', 80], ['4.7.3', 80], ['4.7.4', 80], ['4.7.5', 60], ['4.7.6', 50], ['4.7.7', 50],
];

/** Σ points × percent, in hundredths of a point (an integer: exact). */
export function hundredths(percents: Readonly<Record<string, number>>): number {
  return GB19580_ITEMS.reduce((sum, [id, points]) => sum + points * percents[id]!, 0);
}

/** 185025 → "1850.25": hundredths of a point as the app prints them. */
export function pointsText(value: number): string {
  return `${Math.floor(value / 100)}.${String(value % 100).padStart(2, '0')}`;
}

/** Calls the core the way the renderer does (the page's cookie authenticates); throws on a refusal. */
export async function rpc<T = unknown>(page: Page, channel: string, input: unknown): Promise<T> {
  const envelope = await page.evaluate(
    async ([name, body]) => {
      const response = await fetch(`./rpc/${encodeURIComponent(name as string)}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
      return (await response.json()) as { ok: boolean; data?: unknown; error?: unknown };
    },
    [channel, input] as const,
  );
  if (!envelope.ok) throw new Error(`${channel} refused: ${JSON.stringify(envelope.error)}`);
  return envelope.data as T;
}

/** A valid applicant record (the unified social credit code has a correct check character). */
export function applicantRecord(legalName: string) {
  return {
    legalName,
    creditCode: '91350100M000100Y43',
    industry: { section: 'C', division: '34' },
    region: '福州市鼓楼区',
    areaCode: '350102',
    ownership: 'private',
    employees: 1260,
    revenue: 185000,
    registrationDate: '2008-03-18',
    yearsPractisingExcellence: 6,
    incidents: [],
    previousAwardYears: [],
    contacts: [{ name: '林晓峰', phone: '0591-87654321', email: 'lin.xf@example.com' }],
  };
}

/** An applicant in document review, with a narrative for every item. */
export async function applicantWithNarratives(page: Page, cycleId: string, legalName: string): Promise<string> {
  const { id } = await rpc<{ id: string }>(page, 'applicants.create', { cycleId, record: applicantRecord(legalName) });
  for (const to of ['submitted', 'eligible', 'documentReview']) await rpc(page, 'applicants.transition', { applicantId: id, to });
  for (const [itemId] of GB19580_ITEMS) {
    await rpc(page, 'applications.saveItem', {
      applicantId: id,
      itemId,
      narrative: `【${itemId}】公司围绕该条款建立了系统的方法，通过年度战略研讨、月度经营分析和季度内部审核加以展开；近三年关键指标持续改进，并与行业标杆进行对比。\n\n详见附件中的数据表与图 ${itemId.slice(-1)}。`,
      selfPercent: null,
    });
  }
  return id;
}

/**
 * Percents per expert: most items close together, a few far apart so that they are flagged (range
 * ≥ 20), with different points so the agenda's priority (range × points) has an order to check.
 */
export function expertPercents(expert: 0 | 1 | 2): Record<string, number> {
  const base: Record<string, number> = {};
  GB19580_ITEMS.forEach(([id], index) => {
    base[id] = 40 + (index % 4) * 5 + expert * 5;
  });
  if (expert === 2) {
    base['4.7.2'] = 90; // range with the others ≥ 20, 80 points: discussed first
    base['4.4.6'] = 85; // 10 points: flagged, but late on the agenda
    base['4.2.3'] = 5; // 50 points
  }
  return base;
}
