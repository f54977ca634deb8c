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
