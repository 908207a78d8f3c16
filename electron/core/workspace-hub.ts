import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../../shared/api/errors';
import type { WorkspaceSummary } from '../../shared/api/workspaces';
import { workspaceRoleSchema, type WorkspaceRole } from '../../shared/api/schemas';

const recentSchema = z.array(
  z.object({ id: z.string(), path: z.string(), role: workspaceRoleSchema, title: z.string(), lastOpenedAt: z.string() }),
);
type RecentEntry = z.infer<typeof recentSchema>[number];

/**
 * The workspaces this machine has opened, kept in a small JSON file beside the launch workspace.
 * The UI can only switch to a workspace listed here (by id), never to an arbitrary path it sends.
 */
export class RecentWorkspaces {
  private readonly file: string;

  constructor(readonly home: string) {
    this.file = join(home, 'recent-workspaces.json');
  }

  list(): RecentEntry[] {
    if (!existsSync(this.file)) return [];
    const parsed = recentSchema.safeParse(JSON.parse(readFileSync(this.file, 'utf8')));
    return parsed.success ? parsed.data.filter((entry) => existsSync(entry.path)) : [];
  }

  touch(entry: RecentEntry): void {
    const entries = [entry, ...this.list().filter((other) => other.id !== entry.id)].slice(0, 50);
    mkdirSync(this.home, { recursive: true });
    const temp = `${this.file}.${randomUUID()}.tmp`;
    writeFileSync(temp, JSON.stringify(entries, null, 2));
    renameSync(temp, this.file);
  }

  find(id: string): RecentEntry {
    const entry = this.list().find((candidate) => candidate.id === id);
    if (!entry) throw new AppError('notFound', 'errors.workspace.unknown', { id });
    return entry;
  }

  /** New enterprise workspaces live in <home>/workspaces/, one file each. */
  newWorkspacePath(role: WorkspaceRole): string {
    return join(this.home, 'workspaces', `${role}-${randomUUID().slice(0, 8)}.sqlite`);
  }

  static beside(workspacePath: string): RecentWorkspaces {
    return new RecentWorkspaces(dirname(workspacePath));
  }
}

export interface WorkspaceHub {
  current(): WorkspaceSummary;
  recent(): WorkspaceSummary[];
  createEnterprise(input: { organisationName: string; cycleName: string; year: number }, actor: string): Promise<WorkspaceSummary>;
  switchTo(workspaceId: string): WorkspaceSummary;
}
