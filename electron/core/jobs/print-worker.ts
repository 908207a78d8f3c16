/**
 * Entry of the print worker (bundled to out/print-worker.cjs by electron/scripts/build.mjs). It renders
 * PDFs and runs sensitivity analyses off the core's thread, one task at a time, in message order.
 */
import { parentPort } from 'node:worker_threads';
import { runTask, type Task } from './tasks';

const port = parentPort;
if (port) {
  let queue: Promise<void> = Promise.resolve();
  port.on('message', (message: { id: number; task: Task }) => {
    queue = queue.then(async () => {
      try {
        port.postMessage({ id: message.id, ok: true, result: await runTask(message.task) });
      } catch (error) {
        port.postMessage({ id: message.id, ok: false, message: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
      }
    });
  });
}
