/**
 * Reports as the app and the CLI ask for them: the model for the preview, the .xlsx (in memory
 * or streamed to a file) and the PDF (HTML printed by whichever Chromium the host has).
 */
import { createWriteStream, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { localDay } from '../../../shared/parse';
import { DEFAULT_LETTERHEAD, letterheadSchema, type Letterhead, type ReportModel, type ReportName, type ReportParams } from '../../../shared/reports';
import type { DB } from '../db/open';
import { resourcesDir } from '../paths';
import { getSetting, setSetting } from '../settings/store';
import { buildReport, daftarRows } from './data';
import { reportHtml } from './html';
import { reportXlsxBuffer, writeReportXlsx, type XlsxLayout } from './xlsx';

/** Prints one HTML page to PDF (A4 landscape, with the page-number footer). */
export type PdfPrinter = (html: string, opts: { title: string }) => Promise<Buffer>;

/** A PDF of Daftar IKM prints at most this many rows; the .xlsx holds the whole list. */
export const PDF_ROW_LIMIT = 5000;

const SETTING = 'report.letterhead';

export function getLetterhead(db: DB): Letterhead {
  const saved = letterheadSchema.partial().safeParse(getSetting(db, SETTING) ?? {});
  return { ...DEFAULT_LETTERHEAD, ...(saved.success ? saved.data : {}) };
}

export function setLetterhead(db: DB, l: Letterhead): Letterhead {
  setSetting(db, SETTING, l);
  return getLetterhead(db);
}

/** The emblem printed when Settings has no logo of the province: the app's own. */
function defaultLogo(): Buffer | null {
  try {
    return readFileSync(join(resourcesDir(), 'icon.png'));
  } catch {
    return null;
  }
}

export function fileName(name: ReportName, params: ReportParams, ext: 'xlsx' | 'pdf'): string {
  const scope = [params.district ?? params.province, params.year ?? [params.from, params.to].filter(Boolean).join('_')].filter(Boolean).join('-');
  return `${name}${scope ? `-${scope}` : ''}.${ext}`;
}

export function previewReport(db: DB, name: ReportName, params: ReportParams): ReportModel {
  return buildReport(db, name, params, { preview: 200 });
}

/** Daftar IKM streams its rows from the database; the other reports are small models. */
function modelAndRows(db: DB, name: ReportName, params: ReportParams, now: Date) {
  const model = buildReport(db, name, params, { preview: 0, now });
  return { model, rows: name === 'daftar-ikm' ? daftarRows(db, params) : undefined };
}

export async function reportXlsx(db: DB, name: ReportName, params: ReportParams, now = new Date()): Promise<Buffer> {
  const { model, rows } = modelAndRows(db, name, params, now);
  return reportXlsxBuffer(model, getLetterhead(db), { rows, today: localDay(now), defaultLogo: defaultLogo() });
}

export async function reportXlsxFile(db: DB, name: ReportName, params: ReportParams, path: string, now = new Date()): Promise<XlsxLayout> {
  const { model, rows } = modelAndRows(db, name, params, now);
  const out = createWriteStream(path);
  const layout = await writeReportXlsx(model, getLetterhead(db), out, { rows, today: localDay(now), defaultLogo: defaultLogo() });
  await finished(out);
  return layout;
}

export function reportPageHtml(db: DB, name: ReportName, params: ReportParams, now = new Date()): { html: string; title: string } {
  const { model, rows } = modelAndRows(db, name, params, now);
  const logo = defaultLogo();
  const html = reportHtml(model, getLetterhead(db), {
    rows: rows ?? model.rows,
    limit: PDF_ROW_LIMIT,
    defaultLogo: logo ? `data:image/png;base64,${logo.toString('base64')}` : null,
    today: localDay(now),
  });
  return { html, title: model.title };
}

export async function reportPdf(db: DB, name: ReportName, params: ReportParams, print: PdfPrinter, now = new Date()): Promise<Buffer> {
  const { html, title } = reportPageHtml(db, name, params, now);
  return print(html, { title });
}
