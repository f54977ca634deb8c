/** Short notices at the bottom of the window, optionally with one action (e.g. "Urungkan"). */
import { createContext, useCallback, useContext, useRef, useState, type ReactNode } from 'react';

interface Toast {
  id: number;
  text: string;
  tone: 'info' | 'error';
  action?: { label: string; run(): void };
}
type Show = (text: string, opts?: { tone?: Toast['tone']; action?: Toast['action'] }) => void;

const Ctx = createContext<Show>(() => {});

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const next = useRef(1);
  const show = useCallback<Show>((text, opts = {}) => {
    const id = next.current++;
    setToasts((ts) => [...ts.slice(-2), { id, text, tone: opts.tone ?? 'info', action: opts.action }]);
    setTimeout(() => setToasts((ts) => ts.filter((t) => t.id !== id)), opts.tone === 'error' ? 9000 : 5000);
  }, []);
  return (
    <Ctx.Provider value={show}>
      {children}
      <div className="toasts" role="status" aria-live="polite">
        {toasts.map((t) => (
          <div key={t.id} className={`toast toast-${t.tone}`}>
            <span>{t.text}</span>
            {t.action && (
              <button
                type="button"
                onClick={() => {
                  t.action!.run();
                  setToasts((ts) => ts.filter((x) => x.id !== t.id));
                }}
              >
                {t.action.label}
              </button>
            )}
          </div>
        ))}
      </div>
    </Ctx.Provider>
  );
}

export const useToast = (): Show => useContext(Ctx);
