/** The grid's right-click menu (also Shift+F10 / the menu key): a WAI-ARIA menu, ↑/↓ and Enter, Esc or a click outside closes it. */
import { useEffect, useRef, useState } from 'react';
import { useDismiss } from '../components/Dropdown';

export interface MenuItem {
  label: string;
  keys?: string;
  run(): void;
  /** A line above this item. */
  separator?: boolean;
}

export function ContextMenu({ x, y, label, items, onClose }: { x: number; y: number; label: string; items: MenuItem[]; onClose(): void }) {
  const ref = useRef<HTMLDivElement>(null);
  const [focus, setFocus] = useState(0);
  useDismiss(ref, true, onClose);
  useEffect(() => {
    (ref.current?.querySelectorAll<HTMLElement>('[role=menuitem]')[focus] ?? null)?.focus();
  }, [focus]);
  // Kept on screen near the pointer.
  const left = Math.min(x, window.innerWidth - 240);
  const top = Math.min(y, window.innerHeight - items.length * 30 - 16);
  return (
    <div
      ref={ref}
      className="context-menu"
      role="menu"
      aria-label={label}
      style={{ left, top }}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
          e.preventDefault();
          setFocus((f) => (f + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length);
        } else if (e.key === 'Tab') e.preventDefault();
      }}
    >
      {items.map((it, i) => (
        <button
          key={it.label}
          type="button"
          role="menuitem"
          tabIndex={i === focus ? 0 : -1}
          className={it.separator ? 'separated' : undefined}
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => {
            onClose();
            it.run();
          }}
        >
          <span>{it.label}</span>
          {it.keys && <kbd>{it.keys}</kbd>}
        </button>
      ))}
    </div>
  );
}
