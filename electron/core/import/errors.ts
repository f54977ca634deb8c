import { message, type MessageKey } from '../../../shared/messages';

/** A whole file that cannot be imported: the message (Bahasa Indonesia) says why and what to do. */
export class ImportFileError extends Error {
  /**
   * `needsChoice`: the file was read, but the user must choose something (its district).
   * `messageKey`: the message as a key of shared/messages.ts, so the report can show it in English too.
   */
  constructor(
    message: string,
    readonly needsChoice = false,
    readonly messageKey?: { key: MessageKey; params?: Record<string, string | number> },
  ) {
    super(message);
    this.name = 'ImportFileError';
  }

  /** The error of a message key: its Indonesian text, and the key for the UI's language. */
  static of(key: MessageKey, params?: Record<string, string | number>): ImportFileError {
    return new ImportFileError(message('id', key, params), false, { key, ...(params ? { params } : {}) });
  }
}

/** The user cancelled the import: it stops the whole import, not just the file being read. */
export class ImportCancelledError extends ImportFileError {
  constructor() {
    super('Impor dibatalkan; tidak ada yang disimpan.');
    this.name = 'ImportCancelledError';
  }
}
