/**
 * Batch printing: the plan is made (and refused, when it must be) before the job starts; the job then
 * builds one view model at a time on the core's thread while the previous one renders in the worker,
 * writes `<name>.partial` and renames it when complete. For the app the files end in a download folder
 * under `<workspace>.staging/downloads/` (one PDF, or a .zip of per-applicant PDFs); for the CLI in the
 * folder it was given.
 */
import { createWriteStream, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';
import type { PrintInput } from '../../../../shared/api/results';
import type { CoreContext } from '../../context';
import { reserveDownload } from '../../file-intake';
import { openBackend, type Backend } from '../../jobs/backend';
import { throwIfCancelled, type JobControl, type JobOutcome, type JobRegistry } from '../../jobs/registry';
import { printPlan, type PrintPlan } from './plan';
import { loadDocumentSource, type DocumentSource } from './source';

export interface RenderProgress {
  signal: AbortSignal;
  progress(done: number, total: number): void;
}

/** Renders every planned file into `dir`; returns their paths in plan order. Removes what it wrote when stopped. */
export async function renderPlan(ctx: CoreContext, source: DocumentSource, plan: PrintPlan, dir: string, backend: Backend, control: RenderProgress): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  const fontsDir = join(ctx.resourcesDir, 'fonts');
  const total = plan.files.length;
  let inflight: Promise<void> | null = null;
  try {
    for (const file of plan.files) {
      throwIfCancelled(control.signal);
      // Built while the previous file renders in the worker.
      const request = file.build();
      if (inflight) await inflight;
      throwIfCancelled(control.signal);
      const target = join(dir, file.fileName);
      const partial = `${target}.partial`;
      inflight = backend.run({ type: 'render', request, path: partial, language: source.language, fontsDir }).then(() => {
        renameSync(partial, target);
        written.push(target);
        control.progress(written.length, total);
      });
    }
    if (inflight) await inflight;
    return written;
  } catch (error) {
    if (inflight) await inflight.catch(() => undefined);
    for (const file of plan.files) {
      rmSync(join(dir, `${file.fileName}.partial`), { force: true });
    }
    for (const path of written) rmSync(path, { force: true });
    throw error;
  }
}

async function zipFiles(paths: string[], target: string, mtime: Date): Promise<void> {
  const zip = new yazl.ZipFile();
  // PDFs are compressed already; a fixed mtime keeps the archive byte-identical for the same data.
  for (const path of paths) zip.addFile(path, basename(path), { mtime, compress: false });
  zip.end();
  await pipeline(zip.outputStream, createWriteStream(target));
}

/** `documents.print`: plans now (refusals come back from the call), renders in a background job. */
export function startPrintJob(ctx: CoreContext, registry: JobRegistry, input: PrintInput): { jobId: string; total: number } {
  const source = loadDocumentSource(ctx, input.cycleId, input.language);
  const plan = printPlan(source, input);
  const zipped = plan.files.length > 1;
  const { downloadId, path } = reserveDownload(ctx.workspace.path, zipped ? `${plan.baseName}.zip` : plan.files[0]!.fileName);
  const downloadDir = dirname(path);
  const job = registry.start('documents.print', plan.files.length, async (control: JobControl): Promise<JobOutcome> => {
    const backend = openBackend();
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

/** The CLI's print: straight into `outDir`, on the same worker, with progress for the terminal. */
export async function printToFolder(
  ctx: CoreContext,
  input: PrintInput,
  outDir: string,
  onProgress: (done: number, total: number) => void = () => undefined,
): Promise<{ files: string[]; backend: Backend['kind'] }> {
  const source = loadDocumentSource(ctx, input.cycleId, input.language);
  const plan = printPlan(source, input);
  const backend = openBackend();
  try {
    const files = await renderPlan(ctx, source, plan, outDir, backend, { signal: new AbortController().signal, progress: onProgress });
    return { files, backend: backend.kind };
  } finally {
    backend.close();
  }
}
