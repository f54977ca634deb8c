/** The toolbar's undo and redo buttons, for a grid's useUndo (the keys are Ctrl+Z and Ctrl+Y). */
import { useI18n } from '../i18n/i18n';

interface Undoable {
  undo(): Promise<unknown>;
  redo(): Promise<unknown>;
  canUndo: boolean;
  canRedo: boolean;
}

export function UndoButtons({ undo }: { undo: Undoable }) {
  const { t } = useI18n();
  return (
    <>
      <button type="button" onClick={() => void undo.undo()} disabled={!undo.canUndo} title="Ctrl+Z">
        ↶ {t('toolbar.undo')}
      </button>
      <button type="button" onClick={() => void undo.redo()} disabled={!undo.canRedo} title="Ctrl+Y">
        ↷ {t('toolbar.redo')}
      </button>
    </>
  );
}
