/**
 * The messages between the import's reading half (read-worker.ts, or read-files.ts in-process)
 * and its writer (reader.ts → run.ts), in one place for both sides. Each side narrows what it
 * receives with the guard below before using it: a message of the wrong shape is a failure of
 * the reader, never data.
 */
import type { District } from '../../../shared/areas';
import type { FileReport } from '../../../shared/import';
import { MESSAGES } from '../../../shared/messages';
import type { Refusal } from './errors';
import type { MappingOverrides } from './mapping';
import type { FileInput } from './read-file';

/** What the reader needs, all of it plain data (it is copied to the worker). */
export interface ReaderSetup {
  inputs: FileInput[];
  districts: readonly District[];
  now: Date;
  /** Remembered column mappings by district code ('' for files with a district column). */
  saved: Record<string, MappingOverrides>;
}

/** What the writer is handed, in order, for every import. */
export type ReadEvent =
  /** File `index` is being read. */
  | { t: 'file'; index: number }
  /** Records of file `index` (packed, see read-files.ts unpackRecords); `expected`: about how many rows the file has (progress only). */
  | { t: 'rows'; index: number; count: number; sheets: string[]; data: unknown[]; expected: number | null }
  /** Forget every record of file `index` received so far: it is read again from the start. */
  | { t: 'restart'; index: number }
  /** File `index` is read: imported (its records all sent), or refused (drop its records). */
  | { t: 'report'; index: number; report: FileReport }
  | { t: 'done' };

/**
 * The reading stopped: with a refusal the user can act on (the reader ran out of memory), or
 * with an internal failure (`message` and `stack` for the developer's log).
 */
export interface ReadFailure {
  t: 'error';
  refusal: Refusal | null;
  message: string;
  stack?: string;
}

/** Worker → main thread: loaded (a spare reader waiting for its job), started on its job, then the events. */
export type WorkerMessage = { t: 'loaded' } | { t: 'ready' } | ReadEvent | ReadFailure;

/** Main thread → worker: the job (for a reader started ahead), and one credit per batch of rows taken. */
export type MainMessage = { t: 'job'; setup: ReaderSetup } | { t: 'ack' };

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isIndex = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;

function isRefusal(v: unknown): v is Refusal {
  return isObj(v) && typeof v.key === 'string' && Object.hasOwn(MESSAGES.id, v.key) && (v.params === undefined || isObj(v.params));
}

function isReport(v: unknown): v is FileReport {
  return (
    isObj(v) &&
    typeof v.file === 'string' &&
    (v.status === 'imported' || v.status === 'refused') &&
    Array.isArray(v.sheets) &&
    Array.isArray(v.refused) &&
    Array.isArray(v.warnings) &&
    Array.isArray(v.duplicates) &&
    (v.messageKey === undefined || isRefusal(v.messageKey))
  );
}

/** A message from the worker, narrowed; null when it is not one of WorkerMessage. */
export function workerMessage(m: unknown): WorkerMessage | null {
  if (!isObj(m)) return null;
  switch (m.t) {
    case 'loaded':
    case 'ready':
    case 'done':
      return { t: m.t };
    case 'file':
    case 'restart':
      return isIndex(m.index) ? { t: m.t, index: m.index } : null;
    case 'rows':
      return isIndex(m.index) &&
        isIndex(m.count) &&
        Array.isArray(m.sheets) &&
        m.sheets.every((s) => typeof s === 'string') &&
        Array.isArray(m.data) &&
        (m.expected === null || typeof m.expected === 'number')
        ? (m as Extract<ReadEvent, { t: 'rows' }>)
        : null;
    case 'report':
      return isIndex(m.index) && isReport(m.report) ? { t: 'report', index: m.index, report: m.report } : null;
    case 'error':
      return typeof m.message === 'string' && (m.refusal === null || isRefusal(m.refusal))
        ? { t: 'error', refusal: m.refusal, message: m.message, ...(typeof m.stack === 'string' ? { stack: m.stack } : {}) }
        : null;
    default:
      return null;
  }
}

function isSetup(v: unknown): v is ReaderSetup {
  return (
    isObj(v) &&
    Array.isArray(v.inputs) &&
    v.inputs.every((i) => isObj(i) && typeof i.name === 'string' && (i.path === undefined || typeof i.path === 'string') && (i.data === undefined || i.data instanceof Uint8Array)) &&
    Array.isArray(v.districts) &&
    v.now instanceof Date &&
    isObj(v.saved)
  );
}

/** A message from the main thread, narrowed; null when it is not one of MainMessage. */
export function mainMessage(m: unknown): MainMessage | null {
  if (!isObj(m)) return null;
  if (m.t === 'ack') return { t: 'ack' };
  if (m.t === 'job' && isSetup(m.setup)) return { t: 'job', setup: m.setup };
  return null;
}

/** The job a worker was started with (workerData), narrowed; null for a reader started ahead. */
export function workerSetup(data: unknown): ReaderSetup | null {
  return isSetup(data) ? data : null;
}

