/** Undo/redo of grid edits and row deletions; each entry knows how to go back and forth. */
import { useCallback, useRef, useState } from 'react';

export interface UndoEntry {
  undo(): Promise<unknown>;
  redo(): Promise<unknown>;
}

export function useUndo(limit = 200) {
  const done = useRef<UndoEntry[]>([]);
  const undone = useRef<UndoEntry[]>([]);
  const [, setTick] = useState(0);
  const bump = () => setTick((t) => t + 1);
  return {
    push: useCallback((e: UndoEntry) => {
      done.current = [...done.current.slice(-(limit - 1)), e];
      undone.current = [];
      bump();
    }, [limit]),
    undo: useCallback(async () => {
      const e = done.current.pop();
      if (!e) return false;
      await e.undo();
      undone.current.push(e);
      bump();
      return true;
    }, []),
    redo: useCallback(async () => {
      const e = undone.current.pop();
      if (!e) return false;
      await e.redo();
      done.current.push(e);
      bump();
      return true;
    }, []),
    canUndo: done.current.length > 0,
    canRedo: undone.current.length > 0,
  };
}
