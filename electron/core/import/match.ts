/**
 * The matching rules of an import, in one place: is a row read from a file a business the
 * registry (or an earlier row of the import) already holds? Two businesses are never merged on a
 * guess: an NIB decides unless name AND district both disagree with it (an NIB typed wrong or
 * reused: a conflict to review); without an NIB, the same name in the same district is the same
 * business only when the owner or the address agree too (or the row repeats the record exactly).
 * Otherwise both are kept and the pair is listed for the user, who may merge them.
 */
import type { IkmFieldKey, IkmRecord, IkmValues } from '../../../shared/fields';
import { fold, nameKey } from '../../../shared/text';

/** Why a row was taken as a record already known. */
export type MatchedBy = 'nib' | 'owner' | 'address' | 'exact' | 'chosen';

export type Match =
  /** The same business: the row updates `record`. */
  | { kind: 'same'; record: IkmRecord; by: MatchedBy }
  /** A new business. `pair`: a record of the same name in the same district, kept apart (listed for review). */
  | { kind: 'new'; pair?: { record: IkmRecord; why: 'other_nib' | 'unconfirmed' } }
  /** The row's NIB belongs to a record whose name and district both differ: kept apart, without the NIB, and listed. */
  | { kind: 'nib_conflict'; record: IkmRecord };

/** An NIB that is no NIB: empty, `0`, a run of zeros (placeholders districts type). */
export function realNib(nib: unknown): string | null {
  if (nib == null) return null;
  const s = String(nib).trim();
  return s === '' || /^0+$/.test(s) ? null : s;
}

const HONORIFIC = /^(?:(?:h|hj|hajjah|haji|ibu|bu|bapak|bpk|pak|sdr|sdri|ny|nyonya|tn|tuan|dr|ir|drs|dra)\.?\s+)+/;

/** An owner's name as compared: folded, without titles (H., Hj., Ibu…), punctuation or spaces. */
export function ownerKey(name: unknown): string {
  return fold(name == null ? '' : String(name)).replace(HONORIFIC, '').replace(/[^\p{L}\p{N}]/gu, '');
}

/** An address as compared: folded, "jalan" as "jl", without punctuation or spaces. */
export function addressKey(address: unknown): string {
  return fold(address == null ? '' : String(address))
    .replace(/\bjalan\b/g, 'jl')
    .replace(/\bgang\b/g, 'gg')
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/** Edit distance up to `max` (more: max + 1). */
export function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      best = Math.min(best, cur[j]!);
    }
    if (best > max) return max + 1;
    prev = cur;
  }
  return prev[b.length]!;
}

/** Names that could be one business: the same key, one inside the other ("CV Rotan Jaya" / "Rotan Jaya"), or a typo apart. */
export function namesAgree(a: unknown, b: unknown): boolean {
  const x = nameKey(a == null ? '' : String(a));
  const y = nameKey(b == null ? '' : String(b));
  if (x === '' || y === '') return false;
  if (x === y) return true;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  if (short.length >= 5 && long.includes(short)) return true;
  return short.length >= 6 && distance(x, y, 2) <= 2;
}

/** Every value the row has is the record's: the row repeats it. */
export function repeats(values: IkmValues, record: IkmValues): boolean {
  for (const k of Object.keys(values) as IkmFieldKey[]) {
    const v = values[k];
    if (v != null && v !== (record[k] ?? null)) return false;
  }
  return true;
}

/** What besides the name says a row and a record are one business (null: nothing). */
export function corroboration(values: IkmValues, record: IkmValues): Exclude<MatchedBy, 'nib' | 'chosen'> | null {
  if (repeats(values, record)) return 'exact';
  const o = ownerKey(values.owner_name);
  if (o !== '' && o === ownerKey(record.owner_name)) return 'owner';
  const a = addressKey(values.address);
  if (a !== '' && a === addressKey(record.address)) return 'address';
  return null;
}

/**
 * Decides for one row. `byNib`: the active record holding the row's (real) NIB, if any;
 * `sameName`: active records of the row's name key in its district (oldest first). Looking them
 * up is the caller's (one indexed query each); this decides only.
 */
export function decide(values: IkmValues, nib: string | null, byNib: IkmRecord | undefined, sameName: readonly IkmRecord[]): Match {
  if (nib && byNib) {
    if (byNib.district_code === values.district_code || namesAgree(byNib.business_name, values.business_name)) return { kind: 'same', record: byNib, by: 'nib' };
    return { kind: 'nib_conflict', record: byNib };
  }
  let unconfirmed: IkmRecord | undefined;
  let otherNib: IkmRecord | undefined;
  for (const r of sameName) {
    // A record registered with another NIB is another business of the same name (a branch).
    if (nib && r.nib && r.nib !== nib) {
      otherNib ??= r;
      continue;
    }
    const by = corroboration(values, r);
    if (by) return { kind: 'same', record: r, by };
    unconfirmed ??= r;
  }
  if (unconfirmed) return { kind: 'new', pair: { record: unconfirmed, why: 'unconfirmed' } };
  if (otherNib) return { kind: 'new', pair: { record: otherNib, why: 'other_nib' } };
  return { kind: 'new' };
}
