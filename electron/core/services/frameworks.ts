import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { AppError } from '../../../shared/api/errors';
import type { FrameworkDetail, FrameworkImportResult, FrameworkSummary } from '../../../shared/api/frameworks';
import { canonicalFrameworkJson, parseFramework, scoredItems, type Framework } from '../../../shared/domain/frameworks';
import type { CallContext } from '../../../shared/api/contract';
import { loadBuiltInFrameworks, loadFrameworkFromJsonFile, loadFrameworkFromXlsx, type LoadedFramework } from '../frameworks';
import { loaded } from '../frameworks/loaded-framework';
import { audited, type CoreContext } from '../context';

interface FrameworkRow {
  id: string;
  code: string;
  version: string;
  revision: number;
  scoring_fingerprint: string;
  definition: string;
  source: 'builtIn' | 'json' | 'xlsx';
  imported_at: string;
}

const parsedCache = new WeakMap<CoreContext, Map<string, Framework>>();
const builtInCache = new Map<string, Promise<LoadedFramework[]>>();

/** Built-in criteria ship in resources/; each distinct content is stored once, by fingerprint. */
export async function ensureBuiltInFrameworks(ctx: CoreContext): Promise<string> {
  let pending = builtInCache.get(ctx.resourcesDir);
  if (!pending) {
    pending = loadBuiltInFrameworks(ctx.resourcesDir).then((loaded) => [...loaded.frameworks]);
    builtInCache.set(ctx.resourcesDir, pending);
  }
  const frameworks = await pending;
  const insert = ctx.db.prepare(
    `INSERT OR IGNORE INTO frameworks (id, code, version, revision, scoring_fingerprint, definition, source, imported_at)
     VALUES (@id, @code, @version, @revision, @scoring_fingerprint, @definition, 'builtIn', @imported_at)`,
  );
  ctx.db.transaction(() => {
    for (const entry of frameworks) insert.run(rowFor(entry, ctx.clock().toISOString()));
  })();
  return frameworks[0]!.fingerprint;
}

function rowFor(entry: LoadedFramework, at: string): Omit<FrameworkRow, 'source'> {
  return {
    id: entry.fingerprint,
    code: entry.framework.code,
    version: entry.framework.version,
    revision: entry.framework.revision,
    scoring_fingerprint: entry.scoringFingerprint,
    definition: JSON.stringify(entry.framework),
    imported_at: at,
  };
}

export function frameworkById(ctx: CoreContext, id: string): Framework {
  let cache = parsedCache.get(ctx);
  if (!cache) parsedCache.set(ctx, (cache = new Map()));
  const hit = cache.get(id);
  if (hit) return hit;
  const row = ctx.db.prepare('SELECT definition FROM frameworks WHERE id = ?').get(id) as { definition: string } | undefined;
  if (!row) throw new AppError('notFound', 'frameworks.error.notFound', { id });
  const framework = parseFramework(JSON.parse(row.definition));
  cache.set(id, framework);
  return framework;
}

/**
 * Built-ins first, in the order resources/ ships them (the default, GB/T 19580, leads even when all
 * were stored in the same second), then the office's own versions as they were imported.
 */
export async function listFrameworks(ctx: CoreContext): Promise<FrameworkSummary[]> {
  await ensureBuiltInFrameworks(ctx);
  const shipped = (await builtInCache.get(ctx.resourcesDir)!).map((entry) => entry.fingerprint);
  const rank = (row: FrameworkRow) => (shipped.includes(row.id) ? shipped.indexOf(row.id) : shipped.length);
  const rows = ctx.db.prepare(`SELECT * FROM frameworks ORDER BY source = 'builtIn' DESC, imported_at, code, revision`).all() as FrameworkRow[];
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => rank(a.row) - rank(b.row) || a.index - b.index)
    .map(({ row }) => summary(ctx, row));
}

export async function getFramework(ctx: CoreContext, id: string): Promise<FrameworkDetail> {
  await ensureBuiltInFrameworks(ctx);
  const row = ctx.db.prepare('SELECT * FROM frameworks WHERE id = ?').get(id) as FrameworkRow | undefined;
  if (!row) throw new AppError('notFound', 'frameworks.error.notFound', { id });
  return { ...summary(ctx, row), framework: frameworkById(ctx, id), scoringFingerprint: row.scoring_fingerprint };
}

function summary(ctx: CoreContext, row: FrameworkRow): FrameworkSummary {
  const framework = frameworkById(ctx, row.id);
  const usedBy = ctx.db
    .prepare(`SELECT c.id AS cycleId, c.name AS cycleName, EXISTS (SELECT 1 FROM scores s WHERE s.cycle_id = c.id) AS frozen FROM cycles c WHERE c.framework_id = ? ORDER BY c.year DESC`)
    .all(row.id) as { cycleId: string; cycleName: string; frozen: number }[];
  return {
    id: row.id,
    code: row.code,
    version: row.version,
    revision: row.revision,
    names: framework.names,
    total: framework.total,
    itemCount: scoredItems(framework).length,
    source: row.source,
    importedAt: row.imported_at,
    usedBy: usedBy.map((u) => ({ ...u, frozen: u.frozen === 1 })),
  };
}

/**
 * A city's variant arrives as JSON or as an .xlsx sheet (band guidance then comes from the default
 * framework). Loaders do the validation and name the place of any error. Stored versions are never
 * changed (cycles that hold scores point at them): the same content again is the same version, and
 * an edited file that still carries a revision already stored becomes the next revision, so two
 * different criteria never show under one label.
 */
export async function importFramework(ctx: CoreContext, file: { fileName: string; contentBase64: string }, call: CallContext): Promise<FrameworkImportResult> {
  const defaultId = await ensureBuiltInFrameworks(ctx);
  const extension = file.fileName.toLowerCase().split('.').pop();
  if (extension !== 'json' && extension !== 'xlsx') throw new AppError('validation', 'frameworks.error.fileType', { fileName: file.fileName });
  const dir = mkdtempSync(join(tmpdir(), 'award-desk-framework-'));
  try {
    const path = join(dir, extension === 'json' ? 'framework.json' : 'framework.xlsx');
    writeFileSync(path, Buffer.from(file.contentBase64, 'base64'));
    const read = extension === 'json' ? await loadFrameworkFromJsonFile(path, 'json') : await loadFrameworkFromXlsx(path, { base: frameworkById(ctx, defaultId) });
    const result = audited(ctx, (record): { id: string; outcome: FrameworkImportResult['outcome']; fileRevision: number } => {
      const fileRevision = read.framework.revision;
      const siblings = ctx.db.prepare('SELECT id, revision FROM frameworks WHERE code = ? AND version = ? ORDER BY revision').all(read.framework.code, read.framework.version) as {
        id: string;
        revision: number;
      }[];
      const same = siblings.find((row) => sameApartFromRevision(frameworkById(ctx, row.id), read.framework));
      if (same) return { id: same.id, outcome: 'existing', fileRevision };
      const taken = siblings.some((row) => row.revision === fileRevision);
      const entry = taken ? loaded({ ...read.framework, revision: Math.max(...siblings.map((row) => row.revision)) + 1 }, read.source) : read;
      ctx.db
        .prepare(
          `INSERT INTO frameworks (id, code, version, revision, scoring_fingerprint, definition, source, imported_at)
           VALUES (@id, @code, @version, @revision, @scoring_fingerprint, @definition, @source, @imported_at)`,
        )
        .run({ ...rowFor(entry, ctx.clock().toISOString()), source: extension });
      record({
        actor: call.actor,
        action: 'framework.import',
        entityType: 'framework',
        entityId: entry.fingerprint,
        payload: { fileName: file.fileName, code: entry.framework.code, version: entry.framework.version, revision: entry.framework.revision, fileRevision },
      });
      return { id: entry.fingerprint, outcome: taken ? 'revised' : 'added', fileRevision };
    });
    const row = ctx.db.prepare('SELECT * FROM frameworks WHERE id = ?').get(result.id) as FrameworkRow;
    return { ...summary(ctx, row), outcome: result.outcome, fileRevision: result.fileRevision };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Whether two frameworks say the same thing, whatever revision number each file carries. */
function sameApartFromRevision(a: Framework, b: Framework): boolean {
  return canonicalFrameworkJson({ ...a, revision: 1 }) === canonicalFrameworkJson({ ...b, revision: 1 });
}
