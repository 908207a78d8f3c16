/**
 * Batch printing: the plan is made (and refused, when it must be) before the job starts; the job then
 * builds view models on the core's thread while up to IN_FLIGHT files render in the print worker(s),
 * each written as `<name>.partial` and renamed when complete. For the app the files end in a download folder
 * under `<workspace>.staging/downloads/` (one PDF, or a .zip of per-applicant PDFs); for the CLI in the
 * folder it was given.
 */
import { createWriteStream, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';
import type { PrintInput } from '../../../../shared/api/results';
import type { CoreContext } from '../../context';
import { reserveDownload } from '../../file-intake';
import type { FontFace } from '../../pdf';
import { openBackend, type Backend } from '../../jobs/backend';
import { throwIfCancelled, type JobControl, type JobOutcome, type JobRegistry } from '../../jobs/registry';
import { printPlan, type PrintPlan } from './plan';
import { loadDocumentSource, type DocumentSource } from './source';

export interface RenderProgress {
  signal: AbortSignal;
  progress(done: number, total: number): void;
}

/**
 * Files handed to the renderer before the first of them is back: the worker never waits for the
 * core's thread to build the next view model, and a cancel still finds at most this many started.
 */
const IN_FLIGHT = 6;

/** Renders every planned file into `dir`; returns their paths in plan order. Removes what it wrote when stopped. */
export async function renderPlan(ctx: CoreContext, source: DocumentSource, plan: PrintPlan, dir: string, backend: Backend, control: RenderProgress): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  // Several workers may finish out of turn: paths are kept by plan position and returned in plan order.
  const written: { index: number; path: string }[] = [];
  const fontsDir = join(ctx.resourcesDir, 'fonts');
  const total = plan.files.length;
  // Settled promises (an Error or null) so a failure waiting its turn is never an unhandled rejection.
  const inflight: Promise<Error | null>[] = [];
  const next = async (): Promise<void> => {
    const failure = await inflight.shift();
    if (failure) throw failure;
  };
  // Stopping the backend ends the file being rendered now, not only the ones after it.
  const stop = () => backend.close();
  control.signal.addEventListener('abort', stop, { once: true });
  try {
    for (const [index, file] of plan.files.entries()) {
      throwIfCancelled(control.signal);
      const request = file.build();
      while (inflight.length >= IN_FLIGHT) await next();
      throwIfCancelled(control.signal);
      const target = join(dir, file.fileName);
      const partial = `${target}.partial`;
      const rendered = backend.run({ type: 'render', request, path: partial, language: source.language, fontsDir }).then(() => {
        throwIfCancelled(control.signal);
        renameSync(partial, target);
        written.push({ index, path: target });
        control.progress(written.length, total);
      });
      inflight.push(rendered.then(() => null, (error: unknown) => (error instanceof Error ? error : new Error(String(error)))));
    }
    while (inflight.length > 0) await next();
    throwIfCancelled(control.signal);
    return written.sort((a, b) => a.index - b.index).map((w) => w.path);
  } catch (error) {
    backend.close();
    await Promise.all([backend.stopped(), ...inflight]);
    for (const file of plan.files) {
      rmSync(join(dir, `${file.fileName}.partial`), { force: true });
    }
    for (const { path } of written) rmSync(path, { force: true });
    throw error;
  } finally {
    control.signal.removeEventListener('abort', stop);
  }
}

async function zipFiles(paths: string[], target: string, mtime: Date): Promise<void> {
  const zip = new yazl.ZipFile();
  // PDFs are compressed already; a fixed mtime keeps the archive byte-identical for the same data.
  for (const path of paths) zip.addFile(path, basename(path), { mtime, compress: false });
  zip.end();
  await pipeline(zip.outputStream, createWriteStream(target));
}

const SINGLE_FILE = new Set<PrintInput['kind']>(['ranking', 'publicNotice']);
const SERIF: FontFace[] = ['serif', 'serif-bold'];
const SANS: FontFace[] = ['sans', 'sans-bold'];
const FACES: Record<PrintInput['kind'], FontFace[]> = {
  certificates: SERIF,
  dossiers: [...SANS, ...SERIF],
  reports: SANS,
  feedback: SANS,
  ranking: SANS,
  scoreSheets: SANS,
  publicNotice: SANS,
};

/**
 * A backend for printing `kind`, already parsing the fonts it will need: started before the workspace
 * is read, the worker's start-up and font parsing overlap the core's own work instead of following it.
 */
export function openPrintBackend(resourcesDir: string, kind: PrintInput['kind'], files?: number): Backend {
  // A batch of files gets a second worker where a second core is there to run it; a few files do not pay for its start.
  const batch = files === undefined ? !SINGLE_FILE.has(kind) : files >= 4;
  const workers = batch ? Math.min(2, availableParallelism()) : 1;
  const backend = openBackend({ workers });
  // A failure here would fail the first render again, with its reason: nothing to report twice.
  backend.run({ type: 'warm', faces: FACES[kind], fontsDir: join(resourcesDir, 'fonts') }).catch(() => undefined);
  return backend;
}

/** `documents.print`: plans now (refusals come back from the call), renders in a background job. */
export function startPrintJob(ctx: CoreContext, registry: JobRegistry, input: PrintInput): { jobId: string; total: number } {
  const source = loadDocumentSource(ctx, input.cycleId, input.language);
  const plan = printPlan(source, input);
  const zipped = plan.files.length > 1;
  const { downloadId, path } = reserveDownload(ctx.workspace.path, zipped ? `${plan.baseName}.zip` : plan.files[0]!.fileName);
  const downloadDir = dirname(path);
  const job = registry.start('documents.print', plan.files.length, async (control: JobControl): Promise<JobOutcome> => {
    const backend = openPrintBackend(ctx.resourcesDir, input.kind, plan.files.length);
    try {
      const workDir = zipped ? join(downloadDir, 'parts.partial') : downloadDir;
      const files = await renderPlan(ctx, source, plan, workDir, backend, { signal: control.signal, progress: (done, total) => control.progress(done, total) });
      if (zipped) {
        throwIfCancelled(control.signal);
        await zipFiles(files, `${path}.partial`, new Date(source.documentDate));
        renameSync(`${path}.partial`, path);
        rmSync(workDir, { recursive: true, force: true });
      }
      return { download: { downloadId, fileName: basename(path), bytes: statSync(path).size }, files: plan.files.map((f) => f.fileName) };
    } catch (error) {
      rmSync(downloadDir, { recursive: true, force: true });
      throw error;
    } finally {
      backend.close();
    }
  });
  return { jobId: job.jobId, total: job.total };
}

/**
 * The CLI's print: straight into `outDir`, on the same worker, with progress for the terminal. Pass a
 * `backend` from openPrintBackend opened before the workspace to save the worker's start-up; it is closed here.
 */
export async function printToFolder(
  ctx: CoreContext,
  input: PrintInput,
  outDir: string,
  options: { onProgress?: (done: number, total: number) => void; backend?: Backend; seal?: Uint8Array } = {},
): Promise<{ files: string[]; backend: Backend['kind'] }> {
  const backend = options.backend ?? openPrintBackend(ctx.resourcesDir, input.kind);
  const onProgress = options.onProgress ?? (() => undefined);
  try {
    const source = loadDocumentSource(ctx, input.cycleId, input.language, options.seal ? { seal: options.seal } : {});
    const plan = printPlan(source, input);
    const files = await renderPlan(ctx, source, plan, outDir, backend, { signal: new AbortController().signal, progress: onProgress });
    return { files, backend: backend.kind };
  } finally {
    backend.close();
  }
}
