/** A whole file that cannot be imported: the message (Bahasa Indonesia) says why and what to do. */
export class ImportFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportFileError';
  }
}
