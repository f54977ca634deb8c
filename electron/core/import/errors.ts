import { message, type MessageKey } from '../../../shared/messages';

/** Why a whole file is refused: a message key (shared/messages.ts, "imp.*") and its parameters. */
export interface Refusal {
  key: MessageKey;
  params?: Record<string, string | number>;
}

/**
 * A whole file that cannot be imported. It carries its reason as a message key (FileReport
 * .messageKey), so each screen says it in its own language; `message` is the Indonesian text (the
 * CLI, the error report). A plain text is still taken (importers not yet moved to keys): it then
 * reads the same in both languages.
 */
export class ImportFileError extends Error {
  readonly messageKey: Refusal;

  /** `needsChoice`: the file was read, but the user must choose something (its district). */
  constructor(
    reason: Refusal | string,
    readonly needsChoice = false,
  ) {
    const r: Refusal = typeof reason === 'string' ? { key: 'err.refused', params: { detail: reason } } : reason;
    super(message('id', r.key, r.params));
    this.messageKey = r;
    this.name = 'ImportFileError';
  }

  /** The refusal of a message key: `ImportFileError.of('imp.crc')`, `ImportFileError.of('imp.duplicateSheet', { name })`. */
  static of(key: MessageKey, params?: Record<string, string | number>): ImportFileError {
    return new ImportFileError(params ? { key, params } : { key });
  }

  get key(): MessageKey {
    return this.messageKey.key;
  }

  get params(): Record<string, string | number> {
    return this.messageKey.params ?? {};
  }
}

/** The user cancelled the import: it stops the whole import, not just the file being read. */
export class ImportCancelledError extends ImportFileError {
  constructor() {
    super({ key: 'imp.cancelled' });
    this.name = 'ImportCancelledError';
  }
}
