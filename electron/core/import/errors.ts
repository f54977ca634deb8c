/** A whole file that cannot be imported: the message (Bahasa Indonesia) says why and what to do. */
export class ImportFileError extends Error {
  /** `needsChoice`: the file was read, but the user must choose something (its district). */
  constructor(
    message: string,
    readonly needsChoice = false,
  ) {
    super(message);
    this.name = 'ImportFileError';
  }
}

/** The user cancelled the import: it stops the whole import, not just the file being read. */
export class ImportCancelledError extends ImportFileError {
  constructor() {
    super('Impor dibatalkan; tidak ada yang disimpan.');
    this.name = 'ImportCancelledError';
  }
}
