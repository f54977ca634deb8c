/**
 * The core's entry layer, shared by Electron IPC and the browser host: takes an untrusted
 * (method, args) pair, validates both against the contract, runs the handler, and always answers
 * with an Envelope — an unknown method or a bad shape is a typed error, never a crash.
 */
import { contract, type Envelope, type Method } from '../../../shared/contract';
import { message, type MessageKey } from '../../../shared/messages';
import type { DB } from '../db/open';
import { ImportFileError } from '../import/errors';
import { databaseFailure, NotFoundError, ValidationError } from './errors';
import type { HandlerTable } from './handlers';

type ErrorCode = Extract<Envelope<unknown>, { ok: false }>['error']['code'];

const failure = (code: ErrorCode, key: MessageKey, params?: Record<string, string | number>): Envelope<never> => ({
  ok: false,
  error: { code, key, message: message('id', key, params) },
});

export function createDispatcher(db: DB, handlers: HandlerTable) {
  return async function dispatch(method: unknown, args: unknown): Promise<Envelope<unknown>> {
    if (typeof method !== 'string' || !Object.hasOwn(contract, method))
      return failure('unknown_method', 'err.unknownMethod', { method: String(method).slice(0, 60) });
    const parsed = contract[method as Method].safeParse(args ?? {});
    if (!parsed.success) {
      const detail = parsed.error.issues
        .slice(0, 3)
        .map((i) => `${i.path.join('.') || '(argumen)'}: ${i.message}`)
        .join('; ');
      return failure('bad_request', 'err.badRequest', { detail });
    }
    try {
      const handler = handlers[method as Method] as (db: DB, a: unknown) => unknown;
      return { ok: true, result: await handler(db, parsed.data) };
    } catch (e) {
      if (e instanceof NotFoundError) return failure('not_found', 'err.notFound', { id: e.id });
      if (e instanceof ValidationError) return failure('bad_request', 'err.badRequest', { detail: e.message });
      if (e instanceof ImportFileError) return failure('bad_request', 'err.badRequest', { detail: e.message });
      const db = databaseFailure(e);
      if (db) {
        console.error(`[pangkalan] ${method} gagal (${db}):`, e);
        return failure(db, `err.db.${db}`);
      }
      console.error(`[pangkalan] ${method} gagal:`, e);
      return failure('internal', 'err.internal', { detail: (e as Error).message ?? String(e) });
    }
  };
}
export type Dispatch = ReturnType<typeof createDispatcher>;
