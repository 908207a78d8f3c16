import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { test, expect, screenshot, type RunningApp } from './fixtures';

/**
 * The whole exchange through the browser host, one host process switching between workspaces as a
 * user would: an enterprise hands in its submission, the office imports it, sends a review package,
 * an examiner workspace is made from it and scores, and the office takes the scores (through the
 * CLI, against the same workspace file) and its consensus data shows them. Files travel exactly as
 * in the UI: picked in a browser file input and streamed to POST ./upload, saved from ./download/<id>
 * by the browser's own download. The calls go to /rpc with the page's cookie, like bridge.ts.
 */

const sample = () => (JSON.parse(readFileSync(fileURLToPath(new URL('../fixtures/applicants/sample-applicants.json', import.meta.url)), 'utf8')) as Record<string, unknown>[])[0]!;

async function rpc<T>(page: Page, channel: string, input: unknown): Promise<T> {
  const envelope = await page.evaluate(
    async ({ channel, input }) => {
      const response = await fetch(`./rpc/${channel}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, credentials: 'same-origin', body: JSON.stringify(input) });
      return (await response.json()) as { ok: boolean; data?: unknown; error?: unknown };
    },
    { channel, input },
  );
  if (!envelope.ok) throw new Error(`${channel} refused: ${JSON.stringify(envelope.error)}`);
  return envelope.data as T;
}

/** A real file input, a real File from disk, streamed to the host the way file-transfer.ts does it. */
async function uploadThroughBrowser(page: Page, file: string): Promise<string> {
  await page.evaluate(() => {
    const input = document.createElement('input');
    input.type = 'file';
    input.id = 'e2e-package-input';
    input.style.display = 'none';
    document.body.appendChild(input);
  });
  await page.setInputFiles('#e2e-package-input', file);
  const envelope = await page.evaluate(async () => {
    const input = document.getElementById('e2e-package-input') as HTMLInputElement;
    const picked = input.files![0]!;
    input.remove();
    const response = await fetch('./upload', {
      method: 'POST',
      headers: { 'Content-Type': 'application/octet-stream', 'X-File-Name': encodeURIComponent(picked.name) },
      credentials: 'same-origin',
      body: picked,
    });
    return (await response.json()) as { ok: boolean; data: { uploadId: string } };
  });
  expect(envelope.ok).toBe(true);
  return envelope.data.uploadId;
}

/** The browser's own download of ./download/<id>, saved where a user would put it. */
async function downloadThroughBrowser(page: Page, download: { downloadId: string; fileName: string }, target: string): Promise<string> {
  const event = page.waitForEvent('download');
  await page.evaluate(({ downloadId, fileName }) => {
    const link = document.createElement('a');
    link.href = `./download/${encodeURIComponent(downloadId)}`;
    link.download = fileName;
    document.body.appendChild(link);
    link.click();
    link.remove();
  }, download);
  const saved = await event;
  expect(saved.suggestedFilename()).toBe(download.fileName);
  await saved.saveAs(target);
  return target;
}

/** Drops a file from disk on a drop zone, as dragging it from the file manager does. */
async function dropFile(page: Page, testId: string, file: string): Promise<void> {
  const dataTransfer = await page.evaluateHandle(
    ({ base64, name }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], name, { type: 'application/octet-stream' }));
      return transfer;
    },
    { base64: readFileSync(file).toString('base64'), name: basename(file) },
  );
  const zone = page.getByTestId(testId);
  await zone.dispatchEvent('dragenter', { dataTransfer });
  await zone.dispatchEvent('dragover', { dataTransfer });
  await expect(zone).toHaveAttribute('data-over', 'true');
  await zone.dispatchEvent('drop', { dataTransfer });
}

function cli(app: RunningApp, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [app.cliPath, ...args, '--lang', 'en'], { encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface Download {
  downloadId: string;
  fileName: string;
  sequence: number;
}

test('submission, review and scores travel between enterprise, office and examiner workspaces', async ({ page, app }) => {
  test.setTimeout(180_000);
  await page.goto(app.url);
  await expect(page.getByTestId('app-title')).toBeVisible();

  // The office: one open cycle.
  const officeWs = await rpc<{ id: string }>(page, 'workspaces.current', {});
  const cycle = await rpc<{ id: string }>(page, 'cycles.create', { name: '2026年度市长质量奖', year: 2026 });

  // The enterprise fills in its application in its own workspace and exports it.
  const record = sample();
  await rpc(page, 'workspaces.createEnterprise', { organisationName: record.legalName, cycleName: '2026年度市长质量奖', year: 2026 });
  const [ownCycle] = await rpc<{ id: string }[]>(page, 'cycles.list', {});
  const [own] = await rpc<{ id: string }[]>(page, 'applicants.list', { cycleId: ownCycle!.id });
  const incomplete = await page.evaluate(
    async (applicantId) => (await (await fetch('./rpc/exchange.exportSubmission', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ applicantId }) })).json()) as { ok: boolean; error: { key: string } },
    own!.id,
  );
  expect(incomplete).toMatchObject({ ok: false, error: { key: 'exchange.submission.incomplete' } });
  await rpc(page, 'applicants.update', { applicantId: own!.id, record });
  await rpc(page, 'applications.saveProfile', { applicantId: own!.id, profile: '组织概述：公司成立于2008年，专注精密机械。' });
  const cycleDetail = await rpc<{ frameworkId: string }>(page, 'cycles.get', { cycleId: ownCycle!.id });
  const framework = await rpc<{ framework: { nodes?: unknown } }>(page, 'frameworks.get', { id: cycleDetail.frameworkId });
  const itemIds = JSON.stringify(framework).match(/"id":"\d+\.\d+\.\d+"/g)!.map((match) => match.slice(6, -1));
  expect(new Set(itemIds).size).toBe(23);
  for (const itemId of new Set(itemIds)) await rpc(page, 'applications.saveItem', { applicantId: own!.id, itemId, narrative: `${itemId} 的方法、展开、学习和整合。`, selfPercent: 55 });
  await rpc(page, 'attachments.add', { applicantId: own!.id, itemId: '4.1.2', fileName: '领导作用说明.pdf', contentBase64: Buffer.from('%PDF-1.4\n% leadership\n%%EOF\n').toString('base64') });
  const submission = await rpc<Download>(page, 'exchange.exportSubmission', { applicantId: own!.id });
  const submissionFile = await downloadThroughBrowser(page, submission, join(app.dir, 'usb-submission.qadpkg'));

  // The office drops it on the import card of its scoring progress page: the applicant appears, version 1.
  await rpc(page, 'workspaces.switch', { workspaceId: officeWs.id });
  const origin = new URL(app.url).origin;
  // Reload into the office first: a page still showing another workspace would send an office-only route home.
  await page.reload();
  await expect(page.getByTestId('workspace-tag')).toContainText('office.sqlite');
  await page.goto(`${origin}/#/cycles/${cycle.id}/progress/documentReview`);
  await dropFile(page, 'exchange-drop-zone', submissionFile);
  const result = page.getByTestId('exchange-import-result');
  await expect(result).toHaveAttribute('data-kind', 'submission');
  await expect(result).toHaveAttribute('data-outcome', 'imported');
  await expect(result).toContainText(record.legalName as string);
  await expect(page.getByTestId('exchange-summary-version')).toHaveText('1');
  await screenshot(page, 'exchange-import-dropped');
  const [importedApplicant] = await rpc<{ id: string; legalName: string }[]>(page, 'applicants.list', { cycleId: cycle.id });
  expect(importedApplicant!.legalName).toBe(record.legalName);
  const applicantId = importedApplicant!.id;
  await page.goto(`${origin}/#/cycles/${cycle.id}/applicants`);
  await expect(page.getByText(record.legalName as string).first()).toBeVisible();

  // The office forms a panel and sends the examiner a review package.
  const expert = await rpc<{ id: string }>(page, 'experts.create', { record: { name: '王评审', organisation: '福州大学' } });
  const panel = await rpc<{ id: string }>(page, 'panels.create', { cycleId: cycle.id, stage: 'documentReview', name: '第一评审组', leaderExpertId: expert.id, memberIds: [expert.id] });
  await rpc(page, 'panels.assign', { panelId: panel.id, applicantId });
  const review = await rpc<Download>(page, 'exchange.exportReview', { cycleId: cycle.id, expertId: expert.id });
  const reviewFile = await downloadThroughBrowser(page, review, join(app.dir, 'usb-review.qadpkg'));

  // The examiner's workspace is made from the review package, and the examiner scores.
  const created = await rpc<{ workspace: { role: string; title: string } }>(page, 'workspaces.createExpertFromPackage', { uploadId: await uploadThroughBrowser(page, reviewFile) });
  expect(created.workspace).toMatchObject({ role: 'expert', title: '王评审 · 2026年度市长质量奖' });
  await page.reload();
  await expect(page.getByTestId('workspace-tag')).toContainText('王评审');
  // The examiner's menu: the review room opens for them without a PIN, with only their applicant.
  await page.getByTestId('nav-review').click();
  await expect(page.getByTestId('signed-in-as')).toContainText('王评审');
  await expect(page.getByTestId('sign-out')).toHaveCount(0);
  await expect(page.getByTestId('my-assignments')).toContainText(record.legalName as string);
  await expect(page.getByTestId('nav-experts')).toHaveCount(0);
  const sessionToken = await page.evaluate(() => (JSON.parse(sessionStorage.getItem('award-desk.scoringSession') ?? '{}') as { sessionToken?: string }).sessionToken);
  expect(sessionToken).toBeTruthy();
  const as = { kind: 'session', sessionToken };
  const sheet = await rpc<{ items: { itemId: string }[] }>(page, 'scores.sheet', { as, stage: 'documentReview', applicantId });
  expect(sheet.items).toHaveLength(23);
  for (const item of sheet.items) {
    await rpc(page, 'scores.saveItem', { as, stage: 'documentReview', applicantId, itemId: item.itemId, percent: 65, strengths: [{ text: `${item.itemId}：方法系统` }], opportunities: [] });
  }
  await rpc(page, 'scores.submit', { as, stage: 'documentReview', applicantId });
  await page.getByTestId('nav-exchange').click();
  await expect(page.getByTestId('exchange-page')).toBeVisible();
  await screenshot(page, 'exchange-expert');
  const scores = await rpc<Download & { final: boolean }>(page, 'exchange.exportScores', { stage: 'documentReview' });
  expect(scores.final).toBe(true);
  const scoresFile = await downloadThroughBrowser(page, scores, join(app.dir, 'usb-scores.qadpkg'));

  // Back in the office. A damaged copy is refused by the CLI with the reason; the real file is imported.
  await rpc(page, 'workspaces.switch', { workspaceId: officeWs.id });
  const damaged = readFileSync(scoresFile);
  const middle = damaged.length >> 1;
  damaged[middle] = damaged[middle]! ^ 0xff;
  const damagedFile = join(app.dir, 'damaged.qadpkg');
  writeFileSync(damagedFile, damaged);
  const refusedRun = cli(app, 'import', damagedFile, '--workspace', app.workspace);
  expect(refusedRun.status).toBe(1);
  expect(refusedRun.stderr).toMatch(/damaged|altered|does not match|not a valid package/i);
  // Dropped in the app, the same file is refused with its reason, and nothing changes.
  // Reload into the office first: a page still showing another workspace would send an office-only route home.
  await page.reload();
  await expect(page.getByTestId('workspace-tag')).toContainText('office.sqlite');
  await page.goto(`${origin}/#/cycles/${cycle.id}/progress/documentReview`);
  await dropFile(page, 'exchange-drop-zone', damagedFile);
  const refusal = page.getByTestId('exchange-import-refused');
  await expect(refusal).toContainText('工作区中的数据没有任何改动');
  expect(await refusal.getAttribute('data-key')).toMatch(/^packages\.refused\./);
  await screenshot(page, 'exchange-import-refused');
  await page.keyboard.press('Escape');

  const importRun = cli(app, 'import', scoresFile, '--workspace', app.workspace);
  expect(importRun.stderr).toBe('');
  expect(importRun.status).toBe(0);
  expect(importRun.stdout).toContain('Imported the scores of 王评审');
  const again = cli(app, 'import', scoresFile, '--workspace', app.workspace);
  expect(again.status).toBe(0);
  expect(again.stdout).toContain('imported before');

  // The office's consensus data shows the examiner's scores.
  const consensus = await rpc<{ allSubmitted: boolean; items: { itemId: string; percents: { expertId: string; percent: number | null }[] }[] }>(page, 'consensus.get', {
    viewer: { kind: 'office' },
    stage: 'documentReview',
    applicantId,
  });
  expect(consensus.allSubmitted).toBe(true);
  expect(consensus.items).toHaveLength(23);
  for (const item of consensus.items) expect(item.percents).toEqual([{ expertId: expert.id, percent: 65 }]);
  // …and so does its consensus screen: the examiner's column holds 65 on every item.
  await page.goto(`${origin}/#/cycles/${cycle.id}/consensus/documentReview/${applicantId}`);
  await expect(page.getByTestId('matrix-row')).toHaveCount(23);
  const column = page.getByTestId('consensus-matrix').locator('th', { hasText: '王评审' });
  await expect(column).toBeVisible();
  const shown = await page.getByTestId('matrix-row').evaluateAll((rows) => rows.map((row) => row.querySelectorAll('td')[1]?.textContent?.trim()));
  expect(shown).toEqual(Array.from({ length: 23 }, () => '65'));
  await screenshot(page, 'exchange-office-consensus');

  // And the CLI exports a review package again (a new enrolment, the next sequence).
  const out = join(app.dir, 'cli-review.qadpkg');
  const exportRun = cli(app, 'export', 'review', '--workspace', app.workspace, '--cycle', cycle.id, '--expert', expert.id, '--out', out);
  expect(exportRun.status).toBe(0);
  expect(exportRun.stdout).toContain('sequence 2');
  expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
});
