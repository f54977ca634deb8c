/**
 * The registry's undo entries (the stack itself is renderer/grid/useUndo.ts):
 *
 *   cells   one edit, paste or Delete: every cell's {id, field, oldValue, newValue}.
 *           Undo writes the old values back with ONE ikm.update; redo writes the new ones.
 *   delete  rows deleted: undo = ikm.restore, redo = ikm.delete.
 *   create  a row added: undo = ikm.delete, redo = ikm.restore.
 */
import type { IkmFieldKey, IkmValue } from '../../../shared/fields';

export interface CellUndo {
  id: number;
  field: IkmFieldKey;
  oldValue: IkmValue;
  newValue: IkmValue;
}

export type UndoEntry =
  | { kind: 'cells'; cells: CellUndo[] }
  | { kind: 'delete'; ids: number[] }
  | { kind: 'create'; ids: number[] };
