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
import { ImportCancelledError } from './errors';
import { AHEAD, readFiles, type ReadEvent, type ReaderSetup } from './read-files';

export interface Reader {
  /** The next event; rejects with ImportCancelledError once the signal aborts. */
  next(): Promise<ReadEvent>;
  /** Stops the reading (when done, failed or cancelled). */
  close(): Promise<void>;
  /** Whether it runs in a worker thread. */
  readonly threaded: boolean;
}

/** Events waiting for the writer; next() waits for one, or fails once `fail` was called. */
class Queue {
  private readonly items: ReadEvent[] = [];
  private head = 0;
  private waiter: { resolve(e: ReadEvent): void; reject(e: unknown): void } | null = null;
  private failure: unknown = null;

  push(e: ReadEvent): void {
    if (this.waiter) {
      const w = this.waiter;
      this.waiter = null;
      w.resolve(e);
    } else this.items.push(e);
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
      return Promise.resolve(e);
    }
    return new Promise((resolve, reject) => (this.waiter = { resolve, reject }));
  }
}

const breathe = () => new Promise<void>((r) => setImmediate(r));

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
    const onMessage = (m: { t?: string }) => {
      if (m.t !== 'loaded') return fail();
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
  w.postMessage({ t: 'job', setup });
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
        if (e.t === 'rows' && state === 'running') worker.postMessage('ack');
        return e;
      },
      async close() {
        state = 'closed';
        await worker.terminate();
        // The next import (the commit after a preview, the next district) finds one ready.
        if (keepSpare) void prestartReader();
      },
    };
    worker.on('message', (m: ReadEvent | { t: 'ready' }) => {
      if (m.t === 'ready') {
        state = 'running';
        resolve(reader);
      } else queue.push(m);
    });
    worker.on('error', (e: Error & { code?: string }) => {
      if (e.code === 'ERR_WORKER_OUT_OF_MEMORY') e.message = 'Berkas terlalu besar untuk dibaca: memori pembaca habis. Bagi menjadi beberapa berkas (misalnya per kecamatan), lalu impor lagi.';
      if (state === 'starting') {
        state = 'closed';
        void worker.terminate();
        resolve(null);
      } else if (state === 'running') queue.push({ t: 'error', message: e.message, stack: e.stack });
    });
    worker.on('exit', (code) => {
      if (state === 'starting') resolve(null);
      else if (state === 'running') queue.push({ t: 'error', message: `Pembaca berkas berhenti (kode ${code}).` });
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
    (e: unknown) => closed || queue.push({ t: 'error', message: (e as Error)?.message ?? String(e), stack: (e as Error)?.stack }),
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
