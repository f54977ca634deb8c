import type { CellError } from '../../../shared/contract';

export class NotFoundError extends Error {
  constructor(readonly id: number) {
    super(`not found: ${id}`);
  }
}

/** A request whose values failed validation; carries the per-cell reasons. */
export class ValidationError extends Error {
  constructor(readonly errors: CellError[]) {
    super(errors.map((e) => e.message).join(' '));
  }
}
