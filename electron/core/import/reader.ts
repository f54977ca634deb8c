/**
 * Starts the reading half of an import (read-files.ts) beside the writer: in a worker thread, so
 * that parsing the workbook and writing its records use two cores, or in-process when no worker
 * can be started. The worker's entry is read-worker.ts: run from source (tests, CLI, browser host
 * under tsx) it is loaded through tsx; in the bundled Electron main process it is its own chunk
 * (electron.vite.config.ts, `import-reader` → out/main/import-reader.js).
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ImportCancelledError, ImportFileError } from './errors';
import { AHEAD, readFiles } from './read-files';
import { workerMessage, type MainMessage, type ReadEvent, type ReaderSetup, type ReadFailure } from './reader-protocol';

export interface Reader {
  /**
   * The next event. Rejects once the reading failed — with an ImportFileError the user can act
   * on (the reader ran out of memory), or the reader's own error — or, with
   * ImportCancelledError, once the signal aborts.
   */
  next(): Promise<ReadEvent>;
  /** Stops the reading (when done, failed or cancelled). */
  close(): Promise<void>;
  /** Whether it runs in a worker thread. */
  readonly threaded: boolean;
}

/**
 * Events waiting for the writer, in order; next() waits for one. A failure of the reading is
 * queued in its place (the writer has taken what came before it); a cancellation fails at once.
 */
class Queue {
  private readonly items: (ReadEvent | ReadFailure)[] = [];
  private head = 0;
  private waiter: { resolve(e: ReadEvent): void; reject(e: unknown): void } | null = null;
  private failure: unknown = null;

  push(e: ReadEvent | ReadFailure): void {
    const w = this.waiter;
    if (!w) return void this.items.push(e);
    this.waiter = null;
    if (e.t === 'error') w.reject(failure(e));
    else w.resolve(e);
  }

  fail(error: unknown): void {
    this.failure ??= error;
    const w = this.waiter;
    this.waiter = null;
    w?.reject(error);
  }

  next(): Promise<ReadEvent> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.head < this.items.length) {
      const e = this.items[this.head++]!;
      if (this.head > 1024 && this.head * 2 > this.items.length) {
        this.items.splice(0, this.head);
        this.head = 0;
      }
      return e.t === 'error' ? Promise.reject(failure(e)) : Promise.resolve(e);
    }
    return new Promise((resolve, reject) => (this.waiter = { resolve, reject }));
  }
}

const breathe = () => new Promise<void>((r) => setImmediate(r));

/** The error the writer gets for a reading that stopped. */
function failure(e: ReadFailure): Error {
  return e.refusal ? new ImportFileError(e.refusal) : Object.assign(new Error(e.message), { stack: e.stack });
}

const failed = (e: unknown): ReadFailure => ({ t: 'error', refusal: e instanceof ImportFileError ? e.messageKey : null, message: (e as Error)?.message ?? String(e), stack: (e as Error)?.stack });

const post = (w: Worker, m: MainMessage) => w.postMessage(m);

/**
 * A worker's young generation is smaller than the main thread's by default; exceljs makes short-
 * lived objects by the million, and with the main thread's size it spends a fifth less in GC.
 * Its old generation is capped, so V8 collects before it grows without end: a 100,000-row import
 * peaks at 320–350 MB (uncapped: 380–480 MB). A tighter cap (320 MB) kept it 15 MB lower but
 * made V8 mark the whole heap 28 times in that read instead of 17, on threads that take CPU the
 * writer needs: the import was slower in each of four paired runs. A district list that needs
 * more than this is far beyond any real one (and is refused with what to do).
 */
const LIMITS = { maxYoungGenerationSizeMb: 48, maxOldGenerationSizeMb: 1024 };

function workerEntry(setup: ReaderSetup | null): Worker {
  const here = import.meta.url;
  if (new URL(here).pathname.endsWith('.ts')) {
    // From source: tsx compiles the worker's TypeScript as it does the main thread's (its
    // require hook, which runs in the worker itself, not in a thread of its own as ESM hooks do).
    const api = createRequire(here).resolve('tsx/cjs/api');
    const entry = fileURLToPath(new URL('./read-worker.ts', here));
    const code = `require(${JSON.stringify(api)}).require(${JSON.stringify(entry)}, ${JSON.stringify(entry)});`;
    return new Worker(code, { eval: true, workerData: setup ?? undefined, resourceLimits: LIMITS });
  }
  const file = [new URL('./import-reader.js', here), new URL('../import-reader.js', here)].find((u) => existsSync(fileURLToPath(u)));
  if (!file) throw new Error('import-reader.js not found');
  return new Worker(file, { workerData: setup ?? undefined, resourceLimits: LIMITS });
}

/**
 * A reader started ahead of time, its modules (exceljs, the parsers) already loaded: the next
 * import starts reading at once instead of a second later. A host that asks for one (the app, the
 * browser host) gets a new one after each import; once loaded, an idle one never keeps the
 * process alive.
 */
let spare: Promise<{ worker: Worker; detach(): void } | null> | null = null;
let keepSpare = false;

export function prestartReader(): Promise<unknown> {
  keepSpare = true;
  spare ??= new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = workerEntry(null);
    } catch {
      return resolve(null);
    }
    // Only our own listeners are removed later: Worker keeps listeners of its own.
    const detach = () => {
      worker.off('message', onMessage);
      worker.off('error', fail);
      worker.off('exit', fail);
    };
    const fail = () => {
      detach();
      spare = null;
      resolve(null);
    };
    const onMessage = (raw: unknown) => {
      if (workerMessage(raw)?.t !== 'loaded') return fail();
      worker.unref(); // idle from now on (adding a 'message' listener refs it again)
      resolve({ worker, detach });
    };
    worker.on('message', onMessage);
    worker.on('error', fail);
    worker.on('exit', fail);
  });
  return spare;
}

/** The spare reader if one is ready (it is handed the job), else a new one started with it. */
async function takeWorker(setup: ReaderSetup): Promise<Worker> {
  const ready = spare ? await spare : null;
  spare = null;
  if (!ready) return workerEntry(setup);
  ready.detach();
  const w = ready.worker;
  w.ref();
  post(w, { t: 'job', setup });
  return w;
}

/** The reader in a worker thread, or null if none could be started. */
async function threadedReader(setup: ReaderSetup, queue: Queue): Promise<Reader | null> {
  let worker: Worker;
  try {
    worker = await takeWorker(setup);
  } catch {
    return null;
  }
  return new Promise((resolve) => {
    let state: 'starting' | 'running' | 'closed' = 'starting';
    const reader: Reader = {
      threaded: true,
      async next() {
        const e = await queue.next();
        // The worker may read one more batch ahead.
        if (e.t === 'rows' && state === 'running') post(worker, { t: 'ack' });
        return e;
      },
      async close() {
        state = 'closed';
        await worker.terminate();
        // The next import (the commit after a preview, the next district) finds one ready.
        if (keepSpare) void prestartReader();
      },
    };
    worker.on('message', (raw: unknown) => {
      const m = workerMessage(raw);
      if (m?.t === 'ready' && state === 'starting') {
        state = 'running';
        resolve(reader);
      } else if (state === 'starting') {
        // Not the reader we meant to start (a malformed job): read in-process instead.
        state = 'closed';
        void worker.terminate();
        resolve(null);
      } else if (state === 'running') {
        if (m && m.t !== 'ready' && m.t !== 'loaded') queue.push(m);
        else queue.push({ t: 'error', refusal: null, message: `reader sent an unexpected message: ${JSON.stringify(raw)?.slice(0, 200)}` });
      }
    });
    worker.on('error', (e: Error & { code?: string }) => {
      if (state === 'starting') {
        state = 'closed';
        void worker.terminate();
        resolve(null);
      } else if (state === 'running') queue.push(e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? { t: 'error', refusal: { key: 'imp.outOfMemory' }, message: e.message } : failed(e));
    });
    worker.on('exit', (code) => {
      if (state === 'starting') resolve(null);
      else if (state === 'running') queue.push({ t: 'error', refusal: { key: 'imp.readerStopped', params: { code } }, message: `reader exited (${code})` });
    });
  });
}

/** The reader on this thread: it and the writer take turns. */
function inlineReader(setup: ReaderSetup, queue: Queue): Reader {
  let closed = false;
  let waiting = 0;
  let wake: (() => void) | null = null;
  const resume = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  const send = (e: ReadEvent): void | Promise<void> => {
    if (closed) throw new ImportCancelledError();
    queue.push(e);
    if (e.t === 'rows' && ++waiting >= AHEAD) return new Promise<void>((r) => (wake = r));
  };
  const tick = async () => {
    await breathe();
    if (closed) throw new ImportCancelledError();
  };
  readFiles(setup, send, tick).then(
    () => queue.push({ t: 'done' }),
    (e: unknown) => closed || queue.push(failed(e)),
  );
  return {
    threaded: false,
    async next() {
      const e = await queue.next();
      if (e.t === 'rows') {
        waiting--;
        resume();
      }
      return e;
    },
    async close() {
      closed = true;
      resume();
    },
  };
}

export async function startReader(setup: ReaderSetup, opts: { signal?: AbortSignal; inline?: boolean } = {}): Promise<Reader> {
  const queue = new Queue();
  const onAbort = () => queue.fail(new ImportCancelledError());
  if (opts.signal?.aborted) onAbort();
  opts.signal?.addEventListener('abort', onAbort, { once: true });
  const reader = (!opts.inline && (await threadedReader(setup, queue))) || inlineReader(setup, queue);
  return {
    threaded: reader.threaded,
    next: () => reader.next(),
    close: async () => {
      opts.signal?.removeEventListener('abort', onAbort);
      await reader.close();
    },
  };
}
