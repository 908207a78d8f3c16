import { copyFileSync, createReadStream, mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import samples from '../../fixtures/applicants/sample-applicants.json';
import type { Core } from '../../../electron/core';
import type { Db } from '../../../electron/core/db/connection';
import { findDownload, receiveUpload } from '../../../electron/core/file-intake';
import type { AppErrorPayload } from '../../../shared/api/errors';
import type { Envelope } from '../../../shared/api/contract';
import type { Download } from '../../../shared/api/exchange';
import { scoredItems, type Framework } from '../../../shared/domain/frameworks';
import { fixedClock, office, openTestCore } from '../../helpers/workspace';

export { office };

export async function ok<T>(promise: Promise<Envelope> | Envelope): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new Error(`call failed: ${JSON.stringify(result.error)}`);
  return result.data as T;
}

export async function refused(promise: Promise<Envelope>): Promise<AppErrorPayload> {
  const result = await promise;
  if (result.ok) throw new Error(`expected a refusal, got ${JSON.stringify(result.data).slice(0, 300)}`);
  return result.error;
}

/**
 * Every row of every table, in storage order: two equal dumps mean the data did not change at all.
 * One row is left out: the daily backup, started in the background when a workspace is reopened,
 * notes its date in meta whenever it finishes, which is not something an import did.
 */
export function dump(db: Db): Record<string, unknown[]> {
  const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).all() as { name: string }[];
  return Object.fromEntries(
    tables.map(({ name }) => [name, db.prepare(`SELECT * FROM "${name}" ${name === 'meta' ? "WHERE key <> 'last_daily_backup'" : ''} ORDER BY rowid`).all()]),
  );
}

/** Copies an exported package out of the workspace, as a user would onto a USB stick. */
export function carry(core: Core, download: Download, usb: string, name = download.fileName): string {
  const file = findDownload(core.workspace.path, download.downloadId);
  if (!file) throw new Error('download missing');
  mkdirSync(usb, { recursive: true });
  const target = join(usb, name);
  copyFileSync(file.path, target);
  return target;
}

/** What the browser host's POST /upload or Electron's open dialog does with a picked file. */
export async function upload(core: Core, file: string): Promise<string> {
  return (await receiveUpload(core.workspace.path, createReadStream(file), { fileName: basename(file) })).uploadId;
}

export async function importFile(core: Core, file: string, extra: Record<string, unknown> = {}): Promise<Envelope> {
  return core.dispatch('exchange.import', { uploadId: await upload(core, file), ...extra }, office);
}

export async function frameworkOf(core: Core, cycleId: string): Promise<Framework> {
  const cycle = await ok<{ frameworkId: string }>(core.dispatch('cycles.get', { cycleId }, office));
  return (await ok<{ framework: Framework }>(core.dispatch('frameworks.get', { id: cycle.frameworkId }, office))).framework;
}

export const sample = (index: number) => structuredClone(samples[index]!);
export const pdf = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n`).toString('base64');

export interface Enterprise {
  core: Core;
  applicantId: string;
  cycleId: string;
}

/** A fresh machine with an enterprise workspace holding one complete application. */
export async function makeEnterprise(dir: string, sampleIndex: number, start = '2026-11-21T09:00:00.000Z'): Promise<Enterprise> {
  const core = openTestCore(dir, { file: 'launch.sqlite', clock: fixedClock(start) });
  const record = sample(sampleIndex);
  await ok(core.dispatch('workspaces.createEnterprise', { organisationName: record.legalName, cycleName: '2026年度市长质量奖', year: 2026 }, office));
  const [cycle] = await ok<{ id: string }[]>(core.dispatch('cycles.list', {}, office));
  const [own] = await ok<{ id: string }[]>(core.dispatch('applicants.list', { cycleId: cycle!.id }, office));
  return { core, applicantId: own!.id, cycleId: cycle!.id };
}

export async function completeApplication(enterprise: Enterprise, sampleIndex: number, variant = ''): Promise<void> {
  const { core, applicantId, cycleId } = enterprise;
  await ok(core.dispatch('applicants.update', { applicantId, record: sample(sampleIndex) }, office));
  await ok(core.dispatch('applications.saveProfile', { applicantId, profile: `组织概述：本单位成立于2008年。${variant}` }, office));
  for (const item of scoredItems(await frameworkOf(core, cycleId))) {
    await ok(core.dispatch('applications.saveItem', { applicantId, itemId: item.id, narrative: `${item.id} 的过程与结果说明。${variant}`, selfPercent: 50 }, office));
  }
  await ok(core.dispatch('attachments.add', { applicantId, itemId: null, fileName: '营业执照.pdf', contentBase64: pdf('licence') }, office));
  await ok(core.dispatch('attachments.add', { applicantId, itemId: '4.1.2', fileName: '领导作用说明.pdf', contentBase64: pdf(`leadership ${variant}`) }, office));
}

export interface Office {
  core: Core;
  cycleId: string;
}

export async function makeOffice(dir: string): Promise<Office> {
  const core = openTestCore(dir, { file: 'office.sqlite' });
  const cycle = await ok<{ id: string }>(core.dispatch('cycles.create', { name: '2026年度市长质量奖', year: 2026 }, office));
  return { core, cycleId: cycle.id };
}

/** An expert on a document-review panel with the given applicants. */
export async function panelFor(officeWs: Office, expertName: string, applicantIds: string[], panelName = '第一评审组'): Promise<{ expertId: string; panelId: string }> {
  const expert = await ok<{ id: string }>(officeWs.core.dispatch('experts.create', { record: { name: expertName, organisation: '福州大学' } }, office));
  const panel = await ok<{ id: string }>(
    officeWs.core.dispatch('panels.create', { cycleId: officeWs.cycleId, stage: 'documentReview', name: panelName, leaderExpertId: expert.id, memberIds: [expert.id] }, office),
  );
  for (const applicantId of applicantIds) await ok(officeWs.core.dispatch('panels.assign', { panelId: panel.id, applicantId }, office));
  return { expertId: expert.id, panelId: panel.id };
}

/** The expert fills in every item of a sheet (as the office would for a paper sheet) and optionally submits it. */
export async function scoreSheet(core: Core, expertId: string, applicantId: string, cycleId: string, percent: number, submit: boolean): Promise<void> {
  const as = { kind: 'office', onBehalfOf: expertId };
  for (const item of scoredItems(await frameworkOf(core, cycleId))) {
    await ok(
      core.dispatch(
        'scores.saveItem',
        { as, stage: 'documentReview', applicantId, itemId: item.id, percent, strengths: [{ text: `${item.id} 优势` }], opportunities: [{ text: `${item.id} 改进机会`, citation: { page: 3 } }] },
        office,
      ),
    );
  }
  if (submit) await ok(core.dispatch('scores.submit', { as, stage: 'documentReview', applicantId }, office));
}
