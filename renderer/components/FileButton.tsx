/**
 * "Pilih berkas…" as a real button: reached with Tab, pressed with Enter/Space, with the focus
 * ring of every other button — the file input itself stays hidden and is opened by the click.
 */
import { useRef } from 'react';

interface Props {
  label: string;
  accept: string;
  multiple?: boolean;
  title?: string;
  /** Called with the chosen files; the input is cleared afterwards so the same file can be chosen again. */
  onFiles(files: FileList | null): Promise<unknown> | void;
}

export function FileButton({ label, accept, multiple, title, onFiles }: Props) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" className="primary" title={title} onClick={() => input.current?.click()}>
        {label}
      </button>
      <input
        ref={input}
        type="file"
        accept={accept}
        multiple={multiple}
        hidden
        aria-label={label}
        onChange={(e) => {
          const el = e.currentTarget;
          void Promise.resolve(onFiles(el.files)).finally(() => (el.value = ''));
        }}
      />
    </>
  );
}
