/**
 * The Go Ekspor part of the API contract (featured products, legality and certificates,
 * activities, readiness, pipeline). Merged into shared/contract.ts; kept in its own file so the
 * program's methods read together.
 */
import { z } from 'zod';
import { isoDateSchema } from './parse';
import { stripControls } from './text';
import { ACTIVITY_KINDS, CERT_STATUSES, CERT_TYPES, STAGES, type ActivityKind, type CertFlag, type CertStatus, type CertType, type Readiness, type Stage, type StuckMonths } from './goekspor';
import type { ImportResult } from './import';
import type { ReportChart } from './reports';

const id = z.number().int().positive();
const isoDate = isoDateSchema;
// Control characters (NUL, ESC…) are stripped before the length is checked: never stored.
const text = (max: number, min = 0) => z.string().transform(stripControls).pipe(z.string().trim().min(min).max(max));
const optText = (max: number) => text(max).nullable().optional();
const file = z.object({ name: z.string().min(1).max(255), dataBase64: z.string().max(70_000_000) }).strict();

export interface IkmRef {
  ikm_id: number;
  nib: string | null;
  business_name: string;
  district_code: string;
}

export interface FeaturedProduct extends IkmRef {
  id: number;
  decree_id: number;
  product: string;
  commodity: string | null;
}
export interface Decree {
  id: number;
  number: string;
  date: string;
  province_code: string;
  title: string | null;
  products: FeaturedProduct[];
}

export interface CertificateStep {
  status: CertStatus;
  started_on: string;
  /** Days in this step (until the next one started, or until today). */
  days: number;
  at: string;
  os_user: string;
}
export interface Certificate extends IkmRef {
  id: number;
  type: CertType;
  label: string | null;
  number: string | null;
  issued_on: string | null;
  expires_on: string | null;
  status: CertStatus;
  status_since: string;
  /** Days since the current status started. */
  days_in_status: number;
  notes: string | null;
  flags: CertFlag[];
}

export interface Activity {
  id: number;
  kind: ActivityKind;
  title: string;
  date: string;
  place: string | null;
  organiser: string | null;
  participants: number;
  attended: number;
}
export interface Participant extends IkmRef {
  activity_id: number;
  attended: boolean;
  note: string | null;
}

export interface BoardCard extends IkmRef {
  stage: Stage;
  since: string;
  score: number;
  missing: string[];
  next: string;
  nextKey: Readiness['nextKey'];
  nextPartial: boolean;
  shipments: number;
  flags: number;
}
export interface GeAuditEntry {
  id: number;
  ikm_id: number | null;
  entity: string;
  entity_id: number | null;
  action: string;
  field: string | null;
  old_value: string | null;
  new_value: string | null;
  note: string | null;
  at: string;
  os_user: string;
}

export interface GoEksporDashboard {
  inProgram: number;
  exported: number;
  flagged: { expiring: number; expired: number; stuck: number };
  stageCounts: Record<Stage, number>;
  /** Stage × district: one series per stage over the districts' names. */
  charts: ReportChart[];
  halal: { ikm_id: number; business_name: string; district_code: string; status: CertStatus; since: string; days: number; stuck: boolean }[];
}

export const goEksporContract = {
  'goekspor.decrees': z.object({}).strict(),
  'goekspor.saveDecree': z
    .object({ id: id.optional(), number: text(100, 1), date: isoDate, province_code: z.string().regex(/^\d{2}$/), title: optText(300) })
    .strict(),
  'goekspor.deleteDecree': z.object({ id }).strict(),
  'goekspor.addFeatured': z.object({ decree_id: id, ikm_id: id, product: text(200, 1), commodity: optText(200) }).strict(),
  'goekspor.removeFeatured': z.object({ id }).strict(),
  'goekspor.certificates': z
    .object({ ikm_id: id.optional(), type: z.enum(CERT_TYPES).optional(), flagged: z.boolean().optional(), search: z.string().max(200).optional() })
    .strict(),
  'goekspor.saveCertificate': z
    .object({
      id: id.optional(),
      ikm_id: id,
      type: z.enum(CERT_TYPES),
      label: optText(100),
      number: optText(100),
      issued_on: isoDate.nullable().optional(),
      expires_on: isoDate.nullable().optional(),
      status: z.enum(CERT_STATUSES),
      /** When the (new) status started; today when left out. */
      status_since: isoDate.nullable().optional(),
      notes: optText(1000),
    })
    .strict(),
  'goekspor.deleteCertificate': z.object({ id }).strict(),
  'goekspor.certificateSteps': z.object({ id }).strict(),
  'goekspor.stuckMonths': z.object({}).strict(),
  'goekspor.setStuckMonths': z.object({ months: z.partialRecord(z.enum(CERT_TYPES), z.number().int().min(1).max(120)) }).strict(),
  'goekspor.activities': z.object({}).strict(),
  'goekspor.saveActivity': z
    .object({ id: id.optional(), kind: z.enum(ACTIVITY_KINDS), title: text(300, 1), date: isoDate, place: optText(300), organiser: optText(300) })
    .strict(),
  'goekspor.deleteActivity': z.object({ id }).strict(),
  'goekspor.participants': z.object({ activity_id: id }).strict(),
  'goekspor.setParticipant': z.object({ activity_id: id, ikm_id: id, attended: z.boolean(), note: optText(300) }).strict(),
  'goekspor.removeParticipant': z.object({ activity_id: id, ikm_id: id }).strict(),
  'goekspor.import': z.object({ kind: z.enum(['participants', 'certificates', 'featured']), activity_id: id.optional(), decree_id: id.optional(), file, dryRun: z.boolean() }).strict(),
  'goekspor.board': z.object({ search: z.string().max(200).optional(), district: z.string().regex(/^\d{4}$/).optional() }).strict(),
  'goekspor.enrol': z.object({ ikm_id: id }).strict(),
  'goekspor.move': z.object({ ikm_id: id, stage: z.enum(STAGES), note: optText(300) }).strict(),
  'goekspor.history': z.object({ ikm_id: id }).strict(),
  'goekspor.readiness': z.object({ ikm_id: id }).strict(),
  'goekspor.dashboard': z.object({ province: z.string().regex(/^\d{2}$/).optional() }).strict(),
  'goekspor.exportXlsx': z.object({}).strict(),
} as const;

export interface GoEksporResults {
  'goekspor.decrees': Decree[];
  'goekspor.saveDecree': Decree;
  'goekspor.deleteDecree': { deleted: number };
  'goekspor.addFeatured': FeaturedProduct;
  'goekspor.removeFeatured': { deleted: number };
  'goekspor.certificates': Certificate[];
  'goekspor.saveCertificate': Certificate;
  'goekspor.deleteCertificate': { deleted: number };
  'goekspor.certificateSteps': CertificateStep[];
  'goekspor.stuckMonths': StuckMonths;
  'goekspor.setStuckMonths': StuckMonths;
  'goekspor.activities': Activity[];
  'goekspor.saveActivity': Activity;
  'goekspor.deleteActivity': { deleted: number };
  'goekspor.participants': Participant[];
  'goekspor.setParticipant': Participant;
  'goekspor.removeParticipant': { deleted: number };
  'goekspor.import': ImportResult;
  'goekspor.board': { columns: { stage: Stage; total: number; cards: BoardCard[] }[] };
  'goekspor.enrol': BoardCard;
  'goekspor.move': BoardCard;
  'goekspor.history': GeAuditEntry[];
  'goekspor.readiness': Readiness & IkmRef & { stage: Stage };
  'goekspor.dashboard': GoEksporDashboard;
  'goekspor.exportXlsx': { name: string; dataBase64: string };
}
