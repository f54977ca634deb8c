/**
 * Go Ekspor: the program's vocabulary (certificate types and statuses, activity kinds, pipeline
 * stages) and the export-readiness score. The score is a pure function of an IKM's facts so the
 * core, the CLI, the report and the tests all compute it the same way, item by item.
 */

export const CERT_TYPES = ['nib', 'pirt', 'bpom_md', 'bpom_ml', 'halal', 'sni', 'merek', 'lainnya'] as const;
export type CertType = (typeof CERT_TYPES)[number];
export const CERT_LABELS: Record<CertType, string> = {
  nib: 'NIB',
  pirt: 'SPP-IRT (PIRT)',
  bpom_md: 'BPOM MD',
  bpom_ml: 'BPOM ML',
  halal: 'Sertifikat halal',
  sni: 'SNI',
  merek: 'Merek/HKI',
  lainnya: 'Lainnya',
};

export const CERT_STATUSES = ['belum', 'proses', 'terbit', 'kedaluwarsa'] as const;
export type CertStatus = (typeof CERT_STATUSES)[number];

export const ACTIVITY_KINDS = ['sosialisasi', 'pelatihan', 'pendampingan', 'pameran', 'temu_bisnis'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];
export const ACTIVITY_LABELS: Record<ActivityKind, string> = {
  sosialisasi: 'Sosialisasi',
  pelatihan: 'Pelatihan',
  pendampingan: 'Pendampingan',
  pameran: 'Pameran',
  temu_bisnis: 'Temu bisnis',
};

export const STAGES = ['terdaftar', 'legalitas', 'sertifikasi', 'pendampingan', 'pameran', 'ekspor'] as const;
export type Stage = (typeof STAGES)[number];
export const STAGE_LABELS: Record<Stage, string> = {
  terdaftar: 'Terdaftar',
  legalitas: 'Legalitas',
  sertifikasi: 'Sertifikasi',
  pendampingan: 'Pendampingan',
  pameran: 'Pameran',
  ekspor: 'Ekspor pertama',
};

/** Months a certificate may stay "proses" before it is flagged as stuck (configurable). */
export type StuckMonths = Record<CertType, number>;
export const DEFAULT_STUCK_MONTHS: StuckMonths = { nib: 3, pirt: 6, bpom_md: 12, bpom_ml: 12, halal: 10, sni: 12, merek: 18, lainnya: 12 };
/** A certificate expiring within this many days is flagged. */
export const EXPIRING_DAYS = 90;

export interface CertificateFacts {
  type: CertType;
  status: CertStatus;
  /** ISO date the current status started. */
  status_since: string;
  expires_on: string | null;
}

/** What the score is computed from, for one IKM. */
export interface ReadinessFacts {
  nib: string | null;
  kbli: string | null;
  certificates: CertificateFacts[];
  /** Activities attended (present), by kind. */
  attended: Partial<Record<ActivityKind, number>>;
  featured: boolean;
  shipments: number;
}

export type ItemState = 'ok' | 'partial' | 'missing' | 'na';
export type Why =
  | { code: 'certValid'; type: CertType; until: string | null }
  | { code: 'certRunning'; type: CertType; since: string }
  | { code: 'certExpired'; type: CertType }
  | { code: 'none' | 'notFood' | 'neverAttended' | 'featured' | 'notFeatured' | 'noShipments' }
  | { code: 'nibInRegistry'; nib: string }
  | { code: 'attended'; n: number }
  | { code: 'shipped'; n: number };
export interface ReadinessItem {
  key: ReadinessKey;
  label: string;
  weight: number;
  state: ItemState;
  points: number;
  /** Why it has this state, in Bahasa Indonesia (the report's words). */
  detail: string;
  /** The same reason as a UI key (`ge.why.<code>`) and its parameters, for the screen in either language. */
  why: Why;
  /** What to do next when it is not done. */
  next: string;
}
export interface Readiness {
  /** 0–100: points earned over the weights of the items that apply. */
  score: number;
  items: ReadinessItem[];
  /** Labels of the items not (fully) done, in program order. */
  missing: string[];
  next: string;
  /** The rule `next` comes from (null: everything done) and whether it is only in process, so the screen can say it in its language. */
  nextKey: ReadinessKey | null;
  nextPartial: boolean;
}

/**
 * The rules, in program order. Weights sum to 100. A certificate counts when "terbit" and not past
 * its expiry date; "proses" earns half. Izin edar (PIRT or BPOM) and halal apply to food and
 * beverage makers (KBLI 10/11, or KBLI unknown); for other IKM they are "tidak wajib" and left out
 * of the denominator.
 */
export const READINESS_RULES = [
  { key: 'nib', label: 'NIB', weight: 15, next: 'Urus NIB melalui OSS', labelEn: 'NIB', nextEn: 'Get an NIB through OSS' },
  { key: 'izin_edar', label: 'Izin edar (PIRT/BPOM)', weight: 10, next: 'Ajukan SPP-IRT atau izin edar BPOM', labelEn: 'Distribution permit (PIRT/BPOM)', nextEn: 'Apply for SPP-IRT or a BPOM permit' },
  { key: 'halal', label: 'Sertifikat halal', weight: 15, next: 'Ikutkan pendampingan sertifikasi halal', labelEn: 'Halal certificate', nextEn: 'Enrol in halal certification mentoring' },
  { key: 'merek', label: 'Merek/HKI', weight: 10, next: 'Daftarkan merek ke DJKI', labelEn: 'Trademark/IP', nextEn: 'Register the trademark with DJKI' },
  { key: 'mutu', label: 'Standar mutu (SNI/lainnya)', weight: 5, next: 'Ajukan SNI atau sertifikat mutu', labelEn: 'Quality standard (SNI/other)', nextEn: 'Apply for SNI or a quality certificate' },
  { key: 'pelatihan', label: 'Pelatihan/sosialisasi ekspor', weight: 10, next: 'Ikutkan pelatihan atau sosialisasi ekspor', labelEn: 'Export training/outreach', nextEn: 'Enrol in export training or outreach' },
  { key: 'pendampingan', label: 'Pendampingan', weight: 10, next: 'Ikutkan program pendampingan', labelEn: 'Mentoring', nextEn: 'Enrol in a mentoring programme' },
  { key: 'pameran', label: 'Pameran/temu bisnis', weight: 10, next: 'Ikutkan pameran atau temu bisnis', labelEn: 'Trade fair/business matching', nextEn: 'Take part in a trade fair or business matching' },
  { key: 'unggulan', label: 'Produk unggulan (SK Gubernur)', weight: 5, next: 'Usulkan sebagai produk unggulan', labelEn: 'Featured product (governor decree)', nextEn: 'Propose as a featured product' },
  { key: 'ekspor', label: 'Ekspor pertama', weight: 10, next: 'Fasilitasi ekspor pertama', labelEn: 'First export', nextEn: 'Facilitate the first export' },
] as const;
export type ReadinessKey = (typeof READINESS_RULES)[number]['key'];

/** Food and beverage makers (KBLI 10xxx, 11xxx) need izin edar and halal; unknown KBLI counts as food. */
export const isFood = (kbli: string | null): boolean => kbli == null || /^1[01]/.test(kbli);

/** 2025-03-10 → 10/03/2025, as dates read in Indonesia. */
const dmy = (iso: string): string => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

const addDays = (iso: string, days: number): string => new Date(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** Whole months between two ISO dates (the day of month counts: 15 Jan → 14 Feb is 0). */
export function monthsBetween(from: string, to: string): number {
  const [y1, m1, d1] = from.slice(0, 10).split('-').map(Number) as [number, number, number];
  const [y2, m2, d2] = to.slice(0, 10).split('-').map(Number) as [number, number, number];
  return (y2 - y1) * 12 + (m2 - m1) - (d2 < d1 ? 1 : 0);
}

export const daysBetween = (from: string, to: string): number => Math.round((Date.parse(to.slice(0, 10)) - Date.parse(from.slice(0, 10))) / 86_400_000);

export type CertFlag = 'expired' | 'expiring' | 'stuck';
/** Warnings of one certificate on `today`: past its expiry, expiring within 90 days, or stuck in "proses". */
export function certificateFlags(c: CertificateFacts, today: string, stuck: StuckMonths = DEFAULT_STUCK_MONTHS): CertFlag[] {
  const flags: CertFlag[] = [];
  if (c.status === 'terbit' && c.expires_on) {
    if (c.expires_on < today) flags.push('expired');
    else if (c.expires_on <= addDays(today, EXPIRING_DAYS)) flags.push('expiring');
  }
  if (c.status === 'proses' && monthsBetween(c.status_since, today) >= (stuck[c.type] ?? DEFAULT_STUCK_MONTHS[c.type])) flags.push('stuck');
  return flags;
}

/** The best state among certificates of the given types on `today`. */
function certState(certs: CertificateFacts[], types: readonly CertType[], today: string): Found {
  const mine = certs.filter((c) => types.includes(c.type));
  const valid = mine.find((c) => c.status === 'terbit' && (!c.expires_on || c.expires_on >= today));
  if (valid) return { state: 'ok', detail: `${CERT_LABELS[valid.type]} terbit${valid.expires_on ? `, berlaku s.d. ${dmy(valid.expires_on)}` : ''}`, why: { code: 'certValid', type: valid.type, until: valid.expires_on } };
  const running = mine.find((c) => c.status === 'proses');
  if (running) return { state: 'partial', detail: `${CERT_LABELS[running.type]} masih proses sejak ${dmy(running.status_since)}`, why: { code: 'certRunning', type: running.type, since: running.status_since } };
  const expired = mine.find((c) => c.status === 'kedaluwarsa' || (c.status === 'terbit' && c.expires_on && c.expires_on < today));
  if (expired) return { state: 'missing', detail: `${CERT_LABELS[expired.type]} kedaluwarsa`, why: { code: 'certExpired', type: expired.type } };
  return { state: 'missing', detail: 'Belum ada', why: { code: 'none' } };
}

type Found = { state: ItemState; detail: string; why: Why };

function attendedState(facts: ReadinessFacts, kinds: ActivityKind[]): Found {
  const n = kinds.reduce((s, k) => s + (facts.attended[k] ?? 0), 0);
  return n > 0 ? { state: 'ok', detail: `Hadir di ${n} kegiatan`, why: { code: 'attended', n } } : { state: 'missing', detail: 'Belum pernah hadir', why: { code: 'neverAttended' } };
}

/** The export-readiness score of one IKM, with every item's state, what is missing and the next step. */
export function scoreReadiness(facts: ReadinessFacts, today: string): Readiness {
  const food = isFood(facts.kbli);
  const items: ReadinessItem[] = READINESS_RULES.map((rule) => {
    let r: Found;
    switch (rule.key) {
      case 'nib': {
        r = certState(facts.certificates, ['nib'], today);
        if (r.state !== 'ok' && facts.nib) r = { state: 'ok', detail: `NIB ${facts.nib} di registri`, why: { code: 'nibInRegistry', nib: facts.nib } };
        break;
      }
      case 'izin_edar':
        r = food ? certState(facts.certificates, ['pirt', 'bpom_md', 'bpom_ml'], today) : { state: 'na', detail: 'Tidak wajib (bukan produk pangan)', why: { code: 'notFood' } };
        break;
      case 'halal':
        r = food ? certState(facts.certificates, ['halal'], today) : { state: 'na', detail: 'Tidak wajib (bukan produk pangan)', why: { code: 'notFood' } };
        break;
      case 'merek':
        r = certState(facts.certificates, ['merek'], today);
        break;
      case 'mutu':
        r = certState(facts.certificates, ['sni', 'lainnya'], today);
        break;
      case 'pelatihan':
        r = attendedState(facts, ['pelatihan', 'sosialisasi']);
        break;
      case 'pendampingan':
        r = attendedState(facts, ['pendampingan']);
        break;
      case 'pameran':
        r = attendedState(facts, ['pameran', 'temu_bisnis']);
        break;
      case 'unggulan':
        r = facts.featured ? { state: 'ok', detail: 'Tercantum dalam SK Gubernur', why: { code: 'featured' } } : { state: 'missing', detail: 'Belum tercantum', why: { code: 'notFeatured' } };
        break;
      case 'ekspor':
        r = facts.shipments > 0 ? { state: 'ok', detail: `${facts.shipments} pengapalan tercatat`, why: { code: 'shipped', n: facts.shipments } } : { state: 'missing', detail: 'Belum ada pengapalan', why: { code: 'noShipments' } };
        break;
    }
    const points = r.state === 'ok' ? rule.weight : r.state === 'partial' ? rule.weight / 2 : 0;
    const next = r.state === 'partial' ? `Kawal proses ${rule.label} sampai terbit` : rule.next;
    return { key: rule.key, label: rule.label, weight: rule.weight, state: r.state, points: r.state === 'na' ? 0 : points, detail: r.detail, why: r.why, next };
  });
  const applicable = items.filter((i) => i.state !== 'na');
  const max = applicable.reduce((s, i) => s + i.weight, 0);
  const earned = applicable.reduce((s, i) => s + i.points, 0);
  const open = items.filter((i) => i.state === 'missing' || i.state === 'partial');
  return {
    score: max === 0 ? 0 : Math.round((100 * earned) / max),
    items,
    missing: open.map((i) => (i.state === 'partial' ? `${i.label} (proses)` : i.label)),
    next: open[0]?.next ?? 'Pertahankan: semua syarat terpenuhi',
    nextKey: open[0]?.key ?? null,
    nextPartial: open[0]?.state === 'partial',
  };
}

export const RULE_BY_KEY = new Map(READINESS_RULES.map((r) => [r.key, r]));

/** The next step in Indonesian or English ("Kawal proses Sertifikat halal sampai terbit" / "See the Halal certificate through to issue"). */
export function nextStepText(r: Pick<Readiness, 'next' | 'nextKey' | 'nextPartial'>, lang: 'id' | 'en'): string {
  if (lang === 'id') return r.next;
  const rule = r.nextKey ? RULE_BY_KEY.get(r.nextKey) : undefined;
  if (!rule) return 'Keep it up: every requirement is met';
  return r.nextPartial ? `See the ${rule.labelEn} through to issue` : rule.nextEn;
}

/** A readiness item's name in the UI language. */
export const ruleLabel = (key: ReadinessKey, lang: 'id' | 'en'): string => {
  const rule = RULE_BY_KEY.get(key);
  return rule ? (lang === 'en' ? rule.labelEn : rule.label) : key;
};
