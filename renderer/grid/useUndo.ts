/**
 * Undo/redo as data: a stack of what changed, not of closures, so it is easy to inspect. The
 * hook takes any kind of entry (the shipments grid's are in features/shipments/ShipmentsPage.tsx,
 * the registry's in features/registry/undoEntries.ts).
 *
 * The page supplies `apply(entry, direction)`, which talks to the core and reports success; an
 * entry that could not be applied (say, its NIB was taken meanwhile) stays where it was.
 */
import { useCallback, useRef, useState } from 'react';

export type ApplyUndo<E> = (entry: E, direction: 'undo' | 'redo') => Promise<boolean>;

export function useUndo<E>(apply: ApplyUndo<E>, limit = 200) {
  const done = useRef<E[]>([]);
  const undone = useRef<E[]>([]);
  const busy = useRef(false);
  const [, setTick] = useState(0);
  const bump = () => setTick((t) => t + 1);
  const applyRef = useRef(apply);
  applyRef.current = apply;

  const step = useCallback(async (from: E[], to: E[], direction: 'undo' | 'redo') => {
    if (busy.current) return false;
    const entry = from.pop();
    if (!entry) return false;
    busy.current = true;
    try {
      const ok = await applyRef.current(entry, direction);
      (ok ? to : from).push(entry);
      return ok;
    } finally {
      busy.current = false;
      bump();
    }
  }, []);

  return {
    push: useCallback(
      (e: E) => {
        done.current = [...done.current.slice(-(limit - 1)), e];
        undone.current = [];
        bump();
      },
      [limit],
    ),
    /** Forgets an entry that was undone another way (the toast's "Urungkan" button). */
    remove: useCallback((e: E) => {
      done.current = done.current.filter((x) => x !== e);
      bump();
    }, []),
    undo: useCallback(() => step(done.current, undone.current, 'undo'), [step]),
    redo: useCallback(() => step(undone.current, done.current, 'redo'), [step]),
    canUndo: done.current.length > 0,
    canRedo: undone.current.length > 0,
  };
}
