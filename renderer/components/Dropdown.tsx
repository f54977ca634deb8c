/**
 * A toolbar or filter dropdown that behaves like a menu: it closes on Esc (focus back on its
 * button) and on a click anywhere outside it. `useDismiss` is the same rule for the grid's popups.
 */
import { useEffect, useRef, useState, type ReactNode, type RefObject } from 'react';

/** Calls `close` on Esc or on a mouse press outside `ref` while `open`. */
export function useDismiss(ref: RefObject<HTMLElement | null>, open: boolean, close: () => void): void {
  const latest = useRef(close);
  useEffect(() => {
    latest.current = close;
  });
  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (ref.current && !ref.current.contains(e.target as Node)) latest.current();
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.preventDefault();
      e.stopPropagation();
      latest.current();
    };
    document.addEventListener('mousedown', onDown, true);
    document.addEventListener('keydown', onKey, true);
    return () => {
      document.removeEventListener('mousedown', onDown, true);
      document.removeEventListener('keydown', onKey, true);
    };
  }, [open, ref]);
}

/** `closeOnPick`: a menu of actions, closed once a button in it is clicked. */
export function Dropdown({ summary, summaryLabel, className, closeOnPick, children }: { summary: ReactNode; summaryLabel?: string; className?: string; closeOnPick?: boolean; children: ReactNode }) {
  const ref = useRef<HTMLDetailsElement>(null);
  const [open, setOpen] = useState(false);
  // The element's own state, not only React's: the toggle event that tells React the menu opened
  // comes a task later, and an Esc pressed before it must still close the menu.
  const close = () => {
    if (ref.current) ref.current.open = false;
    setOpen(false);
    ref.current?.querySelector('summary')?.focus();
  };
  useDismiss(ref, open, close);
  return (
    <details
      ref={ref}
      className={`dropdown${className ? ` ${className}` : ''}`}
      open={open}
      onToggle={(e) => setOpen(e.currentTarget.open)}
      onKeyDown={(e) => {
        if (e.key !== 'Escape' || !e.currentTarget.open) return;
        e.preventDefault();
        e.stopPropagation();
        close();
      }}
      onClick={(e) => closeOnPick && (e.target as HTMLElement).closest('.dropdown-body button') && setOpen(false)}
    >
      {/* The accessible name starts with the visible text (WCAG 2.5.3), then says what it picks. */}
      <summary aria-label={summaryLabel && typeof summary === 'string' ? `${summary} (${summaryLabel})` : summaryLabel}>{summary}</summary>
      {children}
    </details>
  );
}
