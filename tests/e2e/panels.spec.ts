import type { Page } from '@playwright/test';
import { test, expect, screenshot } from './fixtures';
import { GB19580_ITEMS, applicantWithNarratives, expertPercents, hundredths, pointsText, rpc } from './panels/setup';

const APPLICANT = '福建闽江精密机械股份有限公司';
const EXPERTS = ['陈明', '林海燕', '王志强'] as const;
const PINS = ['2468', '1357', '8642'] as const;
const CONFLICTED = '赵立新';

/** Picks an option in the antd select that is open (a dropdown still animating open or shut is not it). */
async function pickOption(page: Page, text: string | RegExp): Promise<void> {
  await page.locator('.ant-select-dropdown:visible:not([class*="-leave"]):not([class*="-enter"]) .ant-select-item-option').filter({ hasText: text }).first().click();
}

/** Closes the open select and waits until its dropdown has gone, so the next pick cannot land in it. */
async function closeSelect(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0);
}

async function signIn(page: Page, cycleId: string, stage: string, name: string, pin: string): Promise<void> {
  await page.goto(`${new URL(page.url()).origin}/#/cycles/${cycleId}/review/${stage}`);
  if (await page.getByTestId('sign-out').isVisible()) await page.getByTestId('sign-out').click();
  await page.getByTestId('roster-member').filter({ hasText: name }).click();
  await page.getByTestId('sign-in-pin').fill(pin);
  await page.getByTestId('sign-in-pin').press('Enter');
  await expect(page.getByTestId('signed-in-as')).toContainText(name);
}

/**
 * Scores all 23 items from the keyboard only: digits + Enter or arrow steps for the percent,
 * PageDown / J / Ctrl+→ to move on, S to add a strength, Esc back to the score.
 */
async function scoreWithKeyboard(page: Page, percents: Record<string, number>, expertIndex: number): Promise<void> {
  const control = page.getByTestId('score-control');
  const moves = ['PageDown', 'j', 'Control+ArrowRight'];
  for (const [index, [itemId]] of GB19580_ITEMS.entries()) {
    await expect(page.getByTestId('scoring-screen')).toHaveAttribute('data-item', itemId);
    await expect(control).toBeFocused();
    const percent = percents[itemId]!;
    if ((index + expertIndex) % 2 === 0) {
      await page.keyboard.type(String(percent));
      await page.keyboard.press('Enter');
    } else {
      await page.keyboard.press('Home'); // 0%
      for (let step = 0; step < percent / 5; step++) await page.keyboard.press('ArrowUp');
    }
    await expect(control).toHaveAttribute('data-value', String(percent));
    if (itemId === '4.7.2') {
      await page.keyboard.press('s');
      await page.keyboard.type(`${EXPERTS[expertIndex]}：主导产品一次交检合格率连续三年高于行业标杆，见图 4-7。`);
      await page.keyboard.press('Escape');
      await expect(control).toBeFocused();
      await page.keyboard.press('o');
      await page.keyboard.type('部分产品线缺少与竞争对手的对比数据。');
      await page.keyboard.press('Escape');
    }
    await page.keyboard.press(moves[index % moves.length]!);
  }
  // Past the last item the focus waits on Submit; Enter opens the confirmation, Enter confirms.
  await expect(page.getByTestId('sheet-submit')).toBeFocused();
}

async function submitWithKeyboard(page: Page, key = 'Enter'): Promise<void> {
  await page.keyboard.press(key);
  await expect(page.getByTestId('submit-confirm')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('sheet-submitted')).toBeVisible();
}

test.describe('expert panels: registry, conflicts, keyboard scoring and consensus', () => {
  test('from registry to weighted total, with independence and agenda order', async ({ page, app }) => {
    test.setTimeout(360_000); // the machine running the suite may be shared; this covers a slow run, it asserts no timing
    await page.goto(app.url);
    const { id: cycleId } = await rpc<{ id: string }>(page, 'cycles.create', { name: '2026年度福州市市长质量奖', year: 2026 });
    const applicantId = await applicantWithNarratives(page, cycleId, APPLICANT);

    // --- Registry: the first expert through the form, the others through the core -------------
    await page.getByTestId('nav-experts').click();
    await page.getByTestId('new-expert').click();
    await page.getByTestId('expert-name').fill(EXPERTS[0]);
    await page.getByTestId('expert-organisation').fill('福州大学经济与管理学院');
    await page.getByTestId('expert-title').fill('教授');
    await page.getByTestId('expert-specialties').click();
    await pickOption(page, /^C /);
    await closeSelect(page);
    await page.getByTestId('former-employer-add').click();
    await page.getByTestId('former-employer-name').fill('福建省质量管理协会');
    await page.getByTestId('expert-save').click();
    await expect(page.getByTestId('experts-table')).toContainText(EXPERTS[0]);
    await page.getByTestId('experts-table').locator('tr', { hasText: EXPERTS[0] }).getByTestId('expert-pin').click();
    await page.getByTestId('pin-input').fill('12');
    await page.getByTestId('pin-save').click();
    await expect(page.getByText('PIN 须为 4 至 12 位数字')).toBeVisible();
    await page.getByTestId('pin-input').fill(PINS[0]);
    await page.getByTestId('pin-save').click();
    await expect(page.getByTestId('experts-table').locator('tr', { hasText: EXPERTS[0] })).toContainText('已设置');

    const expertIds: string[] = [];
    expertIds.push((await rpc<{ id: string }[]>(page, 'experts.list', {}))[0]!.id);
    for (const [i, name] of EXPERTS.entries()) {
      if (i === 0) continue;
      const { id } = await rpc<{ id: string }>(page, 'experts.create', { record: { name, organisation: `${name}所在大学`, specialties: ['C', 'M'] } });
      await rpc(page, 'experts.setPin', { expertId: id, pin: PINS[i] });
      expertIds.push(id);
    }
    // Works at the applicant itself: the conflict check will find it.
    await rpc(page, 'experts.create', { record: { name: CONFLICTED, organisation: APPLICANT, specialties: ['C'] } });
    await page.reload();
    await expect(page.getByTestId('expert-count')).toContainText('4');
    await screenshot(page, 'scoring-experts');

    // --- Conflicts: suggested with its reason, confirmed with a note ------------------------------
    await page.goto(`${app.url.split('?')[0]}#/cycles/${cycleId}/conflicts`);
    await page.getByTestId('suggest-conflicts').click();
    const conflictRow = page.getByTestId('conflicts-table').locator('tr', { hasText: CONFLICTED });
    await expect(conflictRow).toContainText('专家所在单位“福建闽江精密机械股份有限公司”即申报单位');
    await conflictRow.getByTestId('conflict-confirm').click();
    await page.getByTestId('decide-reason').fill('本人确认在申报单位任职。');
    await page.getByTestId('decide-save').click();
    await expect(conflictRow.getByTestId('conflict-status')).toHaveText('已确认');
    await expect(conflictRow).toContainText('禁止分配');
    await screenshot(page, 'scoring-conflicts');

    // --- Panel: three members, a leader, the applicant ---------------------------------------------
    await page.getByTestId('section-panels').click();
    await page.getByTestId('new-panel').click();
    await page.getByTestId('panel-create-name').fill('第一评审组');
    await page.getByTestId('panel-create-members').click();
    for (const name of EXPERTS) await pickOption(page, name);
    await closeSelect(page);
    await page.getByTestId('panel-create-leader').click();
    await pickOption(page, EXPERTS[0]);
    await page.getByTestId('panel-create-save').click();
    const card = page.getByTestId('panel-card').filter({ hasText: '第一评审组' });
    await expect(card.getByTestId('panel-member')).toHaveCount(3);
    await card.getByTestId('panel-assign').click();
    await pickOption(page, APPLICANT);
    await expect(card.getByTestId('panel-applicant')).toContainText(APPLICANT);

    // (a) The conflicted expert cannot join: the core's refusal names the conflict.
    await card.getByTestId('panel-add-member').click();
    await pickOption(page, CONFLICTED);
    const refusal = card.getByTestId('panel-refusal');
    await expect(refusal).toContainText(`不能分配：${CONFLICTED} 与 ${APPLICANT} 存在已确认的利益冲突（任职关系），须回避`);
    await expect(card.getByTestId('panel-member')).toHaveCount(3);
    await screenshot(page, 'scoring-panels');

    // --- (b) + (c): three experts score every item with the keyboard -----------------------------
    const percents = [expertPercents(0), expertPercents(1), expertPercents(2)];
    for (const [i, name] of EXPERTS.entries()) {
      await signIn(page, cycleId, 'documentReview', name, PINS[i] ?? '');
      await expect(page.getByTestId('my-assignments')).toContainText(APPLICANT);
      await page.getByTestId('assignment-open').press('Enter');
      await expect(page.getByTestId('sheet-title')).toHaveText(APPLICANT);
      await expect(page.getByTestId('narrative-text')).toContainText('【4.1.2】');
      if (i > 0) {
        // (c) Not submitted yet: the others' scores stay hidden, and the core says why.
        await expect(page.getByTestId('others-hidden')).toHaveText(`提交您对 ${APPLICANT} 的独立评分后，才能查看其他专家的评分和评语`);
        await expect(page.getByTestId('others-percent')).toHaveCount(0);
      }
      await scoreWithKeyboard(page, percents[i]!, i);
      await expect(page.getByTestId('sheet-progress')).toHaveText('已评 23/23 项');
      if (i === 0) {
        // Back to 4.7.2 (five items up) to look at it, then Ctrl+Enter submits from the score itself.
        for (let up = 0; up < 5; up++) await page.keyboard.press('PageUp');
        await expect(page.getByTestId('scoring-screen')).toHaveAttribute('data-item', '4.7.2');
        await expect(page.getByTestId('score-control')).toBeFocused();
        await expect(page.getByTestId('save-indicator')).toHaveText(/已保存 \d{2}:\d{2}:\d{2}/);
        await screenshot(page, 'scoring-sheet');
      }
      await submitWithKeyboard(page, i === 0 ? 'Control+Enter' : 'Enter');
      if (i > 0) {
        await expect(page.getByTestId('others-hidden')).toHaveCount(0);
        await expect(page.getByTestId('others-row').first()).toContainText(EXPERTS[0]);
        await expect(page.getByTestId('others-percent').first()).toBeVisible();
      }
      if (i === 2) await screenshot(page, 'scoring-sheet-submitted');
    }

    // --- (d) The leader: flagged items first, in the engine's agenda order -----------------------
    const officeView = await rpc<{ agenda: string[]; items: { itemId: string }[] }>(page, 'consensus.get', { viewer: { kind: 'office' }, stage: 'documentReview', applicantId });
    expect(officeView.agenda).toEqual(['4.7.2', '4.2.3', '4.4.6']);
    await signIn(page, cycleId, 'documentReview', EXPERTS[0], PINS[0]);
    await page.getByTestId('assignment-consensus').click();
    await expect(page.getByTestId('consensus-title')).toHaveText(APPLICANT);
    const rows = page.getByTestId('matrix-row');
    await expect(rows).toHaveCount(23);
    const shownOrder = await rows.evaluateAll((elements) => elements.map((e) => e.getAttribute('data-item')));
    expect(shownOrder.slice(0, officeView.agenda.length)).toEqual(officeView.agenda);
    expect(shownOrder).toEqual(officeView.items.map((i) => i.itemId));
    await expect(page.locator('[data-testid=matrix-row][data-flagged]')).toHaveCount(3);
    await screenshot(page, 'scoring-consensus');

    const agreed: Record<string, number> = { ...expertPercents(1), '4.7.2': 55, '4.2.3': 40, '4.4.6': 60 };
    const editor = page.getByTestId('consensus-editor');
    const control = page.getByTestId('consensus-control');
    for (const [n, itemId] of shownOrder.entries()) {
      await expect(editor).toHaveAttribute('data-item', itemId!);
      await expect(control).toBeFocused();
      if (n === 0) {
        // Compose the final strengths from an expert's entry, and say why.
        await page.getByTestId('pick-strengths').getByTestId('pick-use').first().click();
        await expect(page.getByTestId('final-strengths-entry')).toHaveCount(1);
        await page.getByTestId('consensus-rationale').fill('现场前资料显示产品结果领先，但趋势数据仅两年，取中间偏上。');
        await page.getByTestId('consensus-rationale').press('Escape');
        await expect(control).toBeFocused();
      }
      await page.keyboard.type(String(agreed[itemId!]));
      await page.keyboard.press('Enter');
      await page.keyboard.press('Control+Enter');
      await expect(page.locator(`[data-testid=matrix-row][data-item="${itemId}"] [data-testid=matrix-agreed]`)).toHaveText(`${agreed[itemId!]}%`);
    }

    // --- (e) Totals equal the hand calculation, as exact hundredths ------------------------------
    const documentReview = hundredths(agreed);
    await expect(page.getByTestId('consensus-agreed-count')).toHaveText('已合议 23/23 项');
    await expect(page.getByTestId('consensus-total')).toHaveText(pointsText(documentReview));
    await expect(page.getByTestId('consensus-engine-total')).toContainText(`${pointsText(documentReview)} 分`);
    await page.getByTestId('matrix-row').first().click();
    await expect(page.getByTestId('consensus-decided')).toContainText(`${EXPERTS[0]} 于`);
    await screenshot(page, 'scoring-consensus-done');

    // --- Site visit: issues from the consensus, then the same scoring screens ---------------------
    await page.goto(`${app.url.split('?')[0]}#/cycles/${cycleId}/results/${applicantId}`);
    await expect(page.getByTestId('stage-result-documentReview').getByTestId('stage-total')).toHaveText(pointsText(documentReview));
    await page.getByTestId('generate-issues').click();
    const issue = page.locator('[data-testid=issue-item][data-item="4.7.2"] [data-testid=issue]');
    await expect(issue).toHaveCount(1);
    await expect(issue).toContainText('待核实');

    await rpc(page, 'applicants.transition', { applicantId, to: 'siteVisit' });
    const sitePanel = await rpc<{ id: string }>(page, 'panels.create', { cycleId, stage: 'siteVisit', name: '现场评审组', leaderExpertId: expertIds[0], memberIds: expertIds });
    await rpc(page, 'panels.assign', { panelId: sitePanel.id, applicantId });
    await signIn(page, cycleId, 'siteVisit', EXPERTS[0], PINS[0]);
    await page.getByTestId('my-assignments').locator('tr', { hasText: '现场评审' }).getByTestId('assignment-open').press('Enter');
    await expect(page.getByTestId('scoring-screen')).toHaveAttribute('data-item', '4.1.2');
    await page.getByTestId('chip-4.7.2').click();
    await expect(page.getByTestId('item-issues')).toContainText('待核实');
    await screenshot(page, 'scoring-site-visit');

    const site: Record<string, number> = Object.fromEntries(GB19580_ITEMS.map(([id], i) => [id, 50 + (i % 3) * 5]));
    for (const [i, expertId] of expertIds.entries()) {
      const { sessionToken } = await rpc<{ sessionToken: string }>(page, 'sessions.signIn', { expertId, pin: PINS[i] });
      const as = { kind: 'session', sessionToken };
      for (const [itemId] of GB19580_ITEMS) await rpc(page, 'scores.saveItem', { as, stage: 'siteVisit', applicantId, itemId, percent: site[itemId], strengths: [], opportunities: [] });
      await rpc(page, 'scores.submit', { as, stage: 'siteVisit', applicantId });
    }
    for (const [itemId] of GB19580_ITEMS) {
      await rpc(page, 'consensus.saveItem', { viewer: { kind: 'office' }, stage: 'siteVisit', applicantId, itemId, percent: site[itemId], rationale: '', strengths: [], opportunities: [] });
    }

    // Weighted: 30% document review + 70% site visit, rounded half up to hundredths only at the end.
    const siteVisit = hundredths(site);
    const weighted = 30 * documentReview + 70 * siteVisit; // in 1/100 of a hundredth
    const combined = Math.floor(weighted / 100) + (weighted % 100 >= 50 ? 1 : 0);
    await page.goto(`${app.url.split('?')[0]}#/cycles/${cycleId}/results/${applicantId}`);
    await expect(page.getByTestId('stage-result-documentReview').getByTestId('stage-total')).toHaveText(pointsText(documentReview));
    await expect(page.getByTestId('stage-result-siteVisit').getByTestId('stage-total')).toHaveText(pointsText(siteVisit));
    await expect(page.getByTestId('combined-total')).toHaveText(pointsText(combined));
    await screenshot(page, 'scoring-results');
  });
});
