/**
 * One confirmation dialog for the whole app: `const confirm = useConfirm(); if (await confirm({…}))`.
 * A modal <dialog> (focus kept inside, Esc cancels); the safe choice, Batal, has the focus first.
 */
import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';

export interface ConfirmRequest {
  title: string;
  body: string;
  /** The label of the action button: says what happens ("Hapus 1.000 baris"). */
  confirm: string;
  danger?: boolean;
}
type Confirm = (r: ConfirmRequest) => Promise<boolean>;

const Ctx = createContext<Confirm>(() => Promise.resolve(false));

export function ConfirmProvider({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const [open, setOpen] = useState<(ConfirmRequest & { resolve(ok: boolean): void }) | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const confirm = useCallback<Confirm>((r) => new Promise<boolean>((resolve) => setOpen({ ...r, resolve })), []);
  useEffect(() => {
    if (!open || !dialog.current) return;
    if (!dialog.current.open) dialog.current.showModal();
    cancelButton.current?.focus();
  }, [open]);
  const close = (ok: boolean) => {
    open?.resolve(ok);
    dialog.current?.close();
    setOpen(null);
  };
  return (
    <Ctx.Provider value={confirm}>
      {children}
      {open && (
        <dialog
          ref={dialog}
          className="confirm-dialog"
          aria-labelledby="confirm-title"
          aria-describedby="confirm-body"
          onCancel={(e) => {
            e.preventDefault();
            close(false);
          }}
        >
          <h2 id="confirm-title">{open.title}</h2>
          <p id="confirm-body">{open.body}</p>
          <div className="confirm-actions">
            <button type="button" ref={cancelButton} onClick={() => close(false)}>
              {t('confirm.cancel')}
            </button>
            <button type="button" className={open.danger ? 'danger' : 'primary'} onClick={() => close(true)}>
              {open.confirm}
            </button>
          </div>
        </dialog>
      )}
    </Ctx.Provider>
  );
}

export const useConfirm = (): Confirm => useContext(Ctx);
