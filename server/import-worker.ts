// The import worker thread: runs prepareImport (segmentation, splitting, alignment) off the
// server's event loop. Messages are { id, input } → { id, result } | { id, error }.
import { parentPort } from 'node:worker_threads';
import { prepareImport } from './import.ts';
import type { PrepareInput } from './import.ts';

parentPort!.on('message', async (msg: { id: number; input: PrepareInput }) => {
  try {
    parentPort!.postMessage({ id: msg.id, result: await prepareImport(msg.input) });
  } catch (error) {
    parentPort!.postMessage({ id: msg.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
