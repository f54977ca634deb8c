/**
 * Worker thread entry: reads and parses the import's files (read-files.ts) and posts the events
 * to the main thread, which writes the records meanwhile. At most AHEAD batches of records are
 * in flight: a writer that falls behind holds the reading, so memory stays bounded. Messages both
 * ways are those of reader-protocol.ts.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { ImportFileError } from './errors';
import { AHEAD, readFiles } from './read-files';
import { mainMessage, workerSetup, type ReadEvent, type ReaderSetup, type WorkerMessage } from './reader-protocol';

const port = parentPort!;
const post = (m: WorkerMessage) => port.postMessage(m);
let credit = AHEAD;
let wake: (() => void) | null = null;
let started = false;

const send = (e: ReadEvent): void | Promise<void> => {
  post(e);
  if (e.t !== 'rows' || --credit > 0) return;
  return new Promise<void>((resolve) => (wake = resolve));
};

function run(setup: ReaderSetup): void {
  started = true;
  // Buffers arrive as plain Uint8Arrays.
  for (const input of setup.inputs) if (input.data) input.data = Buffer.from(input.data.buffer, input.data.byteOffset, input.data.byteLength);
  post({ t: 'ready' });
  readFiles(setup, send, async () => {}).then(
    () => post({ t: 'done' }),
    (e: unknown) => post({ t: 'error', refusal: e instanceof ImportFileError ? e.messageKey : null, message: (e as Error)?.message ?? String(e), stack: (e as Error)?.stack }),
  );
}

port.on('message', (raw: unknown) => {
  const m = mainMessage(raw);
  if (m?.t === 'ack') {
    credit++;
    const w = wake;
    wake = null;
    w?.();
  } else if (m?.t === 'job' && !started) run(m.setup);
});

// Started with its job, or started ahead (its modules loaded) and handed the job when it comes.
const setup = workerSetup(workerData);
if (setup) run(setup);
else post({ t: 'loaded' });
