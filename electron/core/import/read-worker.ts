/**
 * Worker thread entry: reads and parses the import's files (read-files.ts) and posts the events
 * to the main thread, which writes the records meanwhile. At most AHEAD batches of records are
 * in flight: a writer that falls behind holds the reading, so memory stays bounded.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { AHEAD, readFiles, type ReadEvent, type ReaderSetup } from './read-files';

const port = parentPort!;
let credit = AHEAD;
let wake: (() => void) | null = null;
port.on('message', (m: unknown) => {
  if (m !== 'ack') return;
  credit++;
  const w = wake;
  wake = null;
  w?.();
});

const send = (e: ReadEvent): void | Promise<void> => {
  port.postMessage(e);
  if (e.t !== 'rows' || --credit > 0) return;
  return new Promise<void>((resolve) => (wake = resolve));
};

function run(setup: ReaderSetup): void {
  // Buffers arrive as plain Uint8Arrays.
  for (const input of setup.inputs) if (input.data) input.data = Buffer.from(input.data.buffer, input.data.byteOffset, input.data.byteLength);
  port.postMessage({ t: 'ready' });
  readFiles(setup, send, async () => {})
    .then(() => port.postMessage({ t: 'done' } satisfies ReadEvent))
    .catch((e: unknown) => port.postMessage({ t: 'error', message: (e as Error)?.message ?? String(e), stack: (e as Error)?.stack } satisfies ReadEvent));
}

// Started with its job, or started ahead (its modules loaded) and handed the job when it comes.
if (workerData) run(workerData as ReaderSetup);
else {
  port.on('message', (m: unknown) => {
    if (m && typeof m === 'object' && (m as { t?: string }).t === 'job') run((m as { setup: ReaderSetup }).setup);
  });
  port.postMessage({ t: 'loaded' });
}
