/**
 * Text folding used everywhere names are compared or searched: lower case (full Unicode, unlike
 * SQLite's ASCII-only LOWER), accents stripped, runs of white space collapsed.
 */
export function fold(text: string | null | undefined): string {
  if (text == null) return '';
  const s = String(text);
  // Most names are plain ASCII: skip the (costly) Unicode decomposition for them.
  return (/^[\x20-\x7e]*$/.test(s) ? s : s.normalize('NFKD').replace(/[\u0300-\u036f]/g, ''))
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** The key that makes two business names "the same": folded, with every space and dot removed. */
export function nameKey(name: string | null | undefined): string {
  return fold(name).replace(/[\s.,'"`]/g, '');
}

/** A LIKE pattern's literal text: %, _ and the escape itself escaped (use with ESCAPE '\\'). */
export const likeEscape = (s: string): string => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** C0/C1 control characters other than tab and line breaks (NUL, ESC, DEL…): never stored, never exported. */
const HAS_CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
export function stripControls(text: string): string {
  return HAS_CONTROL.test(text) ? text.replace(CONTROLS, '') : text;
}

/**
 * Neutralises text that Excel (or LibreOffice) would run as a formula when pasted or opened:
 * a leading =, +, -, @ (also after tab/CR) gets an apostrophe-like guard.
 */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
