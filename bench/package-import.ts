/**
 * npm run bench -- package-import [--files 50] [--mb 10]
 *
 * Writes `files` attachments of `mb` MiB of random data to disk (streamed, never held in memory),
 * packs them with writePackage, imports the package with openPackage, and prints time, throughput
 * and the peak resident set size sampled during each phase — the point being that memory stays
 * flat however large the package is. Removes everything it wrote.
 */
import { randomFillSync } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createWorkspaceKeyPair } from '../electron/core/packages/keys';
import { openPackage } from '../electron/core/packages/reader';
import { trustedKey } from '../electron/core/packages/trust';
import { writePackage } from '../electron/core/packages/writer';

const MiB = 1024 * 1024;

function argument(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number`);
  return value;
}

/** Samples RSS every 10 ms while `action` runs. */
async function measured<T>(action: () => Promise<T>): Promise<{ result: T; seconds: number; peakRss: number; startRss: number }> {
  const startRss = process.memoryUsage.rss();
  let peakRss = startRss;
  const timer = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 10);
  const started = process.hrtime.bigint();
  try {
    const result = await action();
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
    return { result, seconds: Number(process.hrtime.bigint() - started) / 1e9, peakRss, startRss };
  } finally {
    clearInterval(timer);
  }
}

function randomFile(path: string, bytes: number): Promise<void> {
  let left = bytes;
  const source = new Readable({
    read() {
      if (left === 0) return void this.push(null);
      const chunk = randomFillSync(Buffer.allocUnsafe(Math.min(MiB, left)));
      left -= chunk.length;
      this.push(chunk);
    },
  });
  return pipeline(source, createWriteStream(path));
}

const mb = (bytes: number) => `${(bytes / MiB).toFixed(1)} MiB`;

async function main(): Promise<void> {
  const fileCount = argument('files', 50);
  const fileMiB = argument('mb', 10);
  const root = await mkdtemp(join(tmpdir(), 'qad-bench-packages-'));
  try {
    const sources = join(root, 'sources');
    await mkdir(sources);
    const payloadBytes = fileCount * fileMiB * MiB;
    console.log(`package-import: ${fileCount} attachments × ${fileMiB} MiB = ${mb(payloadBytes)} (node ${process.version}, ${process.platform})`);

    const generated = await measured(async () => {
      for (let i = 0; i < fileCount; i++) await randomFile(join(sources, `附件-${String(i + 1).padStart(3, '0')}.pdf`), fileMiB * MiB);
    });
    console.log(`  generate sources  ${generated.seconds.toFixed(2)} s`);

    const keys = createWorkspaceKeyPair();
    const packageFile = join(root, 'submission.qadpkg');
    const written = await measured(() =>
      writePackage(
        {
          kind: 'submission',
          cycleId: 'bench-cycle',
          senderWorkspaceId: 'bench-enterprise',
          sequence: 1,
          header: { applicant: { name: '基准测试有限公司', creditCode: '91350100M000100Y43' }, submissionId: '00000000-0000-4000-8000-000000000000' },
          files: Array.from({ length: fileCount }, (_, i) => ({ path: `attachments/附件-${String(i + 1).padStart(3, '0')}.pdf`, source: join(sources, `附件-${String(i + 1).padStart(3, '0')}.pdf`) })),
          privateKey: keys.privateKeyPem,
        },
        packageFile,
      ),
    );
    const packageBytes = (await stat(packageFile)).size;
    console.log(
      `  writePackage      ${written.seconds.toFixed(2)} s  ${(packageBytes / MiB / written.seconds).toFixed(0)} MiB/s  package ${mb(packageBytes)}  peak RSS ${mb(written.peakRss)} (start ${mb(written.startRss)})`,
    );

    await rm(sources, { recursive: true, force: true }); // only the package and its extraction on disk now
    const imported = await measured(() =>
      openPackage(packageFile, {
        stagingDir: join(root, 'workspace', 'staging'),
        trust: [trustedKey(keys.publicKeyRaw, 'bench-enterprise')],
        expect: { kind: 'submission', cycleId: 'bench-cycle', minSequence: 1 },
      }),
    );
    const staged = imported.result.files.reduce((sum, file) => sum + file.size, 0);
    console.log(
      `  openPackage       ${imported.seconds.toFixed(2)} s  ${(packageBytes / MiB / imported.seconds).toFixed(0)} MiB/s  verified ${imported.result.files.length} files, ${mb(staged)}  peak RSS ${mb(imported.peakRss)} (start ${mb(imported.startRss)}, +${mb(imported.peakRss - imported.startRss)})`,
    );
    await imported.result.dispose();
    if (staged !== payloadBytes) throw new Error('staged size differs from the payload');
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
