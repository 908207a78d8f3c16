/**
 * The demo in a workspace of its own: `award-desk demo --workspace FILE` writes it to a new file, and
 * `demo.create` builds it in a new office workspace beside the others and switches the app to it (so
 * the first start can offer to open it). An existing workspace is never filled with demo data.
 */
import { existsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { AppError } from '../../../../shared/api/errors';
import type { CallContext } from '../../../../shared/api/contract';
import type { WorkspaceSummary } from '../../../../shared/api/workspaces';
import type { CoreContext } from '../../context';
import { openWorkspace } from '../../db/workspace';
import type { OpenOptions } from '../../db/connection';
import { openOptionsFor } from '../../maintenance/reopen';
import { RecentWorkspaces, type WorkspaceHub } from '../../workspace-hub';
import { buildDemo, type DemoOptions, type DemoSummary } from './build';

export { buildDemo, DEMO_PIN, type DemoOptions, type DemoSummary } from './build';

export const DEMO_TITLE = '滨海市市长质量奖（演示）';

/** Builds the demo into a new workspace file; refuses to touch a file that already holds data. */
export async function createDemoFile(
  path: string,
  options: DemoOptions & { resourcesDir: string; openOptions?: OpenOptions; call?: CallContext },
): Promise<DemoSummary & { workspaceId: string }> {
  if (existsSync(path) && statSync(path).size > 0) throw new AppError('refused', 'results.demo.exists', { path });
  const { db, info } = openWorkspace(path, { ...options.openOptions, role: 'office', dailyBackup: false });
  try {
    const ctx: CoreContext = { db, workspace: info, clock: () => new Date(), resourcesDir: options.resourcesDir, emit: () => undefined };
    db.prepare(`INSERT INTO meta (key, value) VALUES ('title', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`).run(DEMO_TITLE);
    const summary = await buildDemo(ctx, options, options.call ?? { actor: 'office' });
    return { ...summary, workspaceId: info.id };
  } finally {
    db.close();
  }
}

/** The recent-workspaces list this workspace is on (its folder, or the parent for hub-made workspaces). */
function recentFor(ctx: CoreContext): RecentWorkspaces {
  const here = dirname(ctx.workspace.path);
  const candidates = [new RecentWorkspaces(here), new RecentWorkspaces(dirname(here))];
  return candidates.find((recent) => recent.list().some((entry) => entry.id === ctx.workspace.id)) ?? candidates[0]!;
}

export async function createDemoWorkspace(ctx: CoreContext, hub: WorkspaceHub, call: CallContext): Promise<WorkspaceSummary> {
  const recent = recentFor(ctx);
  const path = recent.newWorkspacePath('office');
  const created = await createDemoFile(path, { resourcesDir: ctx.resourcesDir, openOptions: openOptionsFor(ctx), call });
  recent.touch({ id: created.workspaceId, path, role: 'office', title: DEMO_TITLE, lastOpenedAt: ctx.clock().toISOString() });
  return hub.switchTo(created.workspaceId);
}
