/**
 * The governor's reports, checked the way a reader would: each .xlsx opened with openpyxl (not
 * exceljs) for values, number formats, merged kop/title cells, print area, orientation, repeated
 * header rows, footer and frozen panes; converted to PDF by LibreOffice and found one page wide;
 * printed to PDF by Chromium and every page rendered (pdftoppm) and found not blank. Totals are
 * compared with sums computed here straight from the database.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DB } from '../../electron/core/db/open';
import { zipEntries } from '../../electron/core/import/zip-guard';
import { chromiumPrinter, findChromium } from '../../electron/core/reports/print-chromium';
import { previewReport, reportPdf, reportXlsxFile } from '../../electron/core/reports/service';
import { summarise } from '../../electron/core/registry/query';
import { summariseShipments } from '../../electron/core/shipments/query';
import { chartOption, groupSlices } from '../../shared/charts';
import { CountryResolver } from '../../shared/countries';
import { compactNumber, longDate, shortMonth } from '../../shared/locale';
import { countryResolver } from '../../electron/core/reference/countries';
import { DEFAULT_LETTERHEAD, fittedWidths, isPlaceholderSigner, type ReportModel } from '../../shared/reports';
import { RegistryWriter } from '../../electron/core/registry/write';
import { seedDemo } from '../../electron/core/seed/demo';
import { seedShipmentsDemo, seedTradeDemo } from '../../electron/core/seed/demo-trade';
import { REPORT_NAMES, type ReportName } from '../../shared/reports';
import { cli } from './helpers';

interface Cell { value: string | number | null; type: string; formula: string | null; format: string; bold: boolean }
interface Inspected {
  title: string; orientation: string; paperSize: number; fitToWidth: number; fitToHeight: number; fitToPage: boolean;
  printArea: string[]; printTitleRows: string; freeze: string; footer: { left: string; right: string };
  merged: string[]; maxRow: number; maxColumn: number; cells: Record<string, Cell>;
}

let dir: string;
let db: DB;
const files = new Map<ReportName, string>();
const inspect = (path: string): Inspected => JSON.parse(execFileSync('/usr/bin/python3', ['test/support/inspect_xlsx.py', path], { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 })) as Inspected;
const colLetter = (n: number) => String.fromCharCode(64 + n);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pangkalan-reports-'));
  db = openDatabase(join(dir, 'laporan.db'));
  seedDemo(db, 3000);
  // A name a district typed as a formula: it must stay text in the .xlsx.
  new RegistryWriter(db).insert({ business_name: '=HYPERLINK("http://contoh.invalid","klik")', district_code: '6201', workers_total: 3, investment_idr: 1000 });
  seedShipmentsDemo(db, 2000);
  seedTradeDemo(db);
  for (const name of REPORT_NAMES) {
    const path = join(dir, `${name}.xlsx`);
    await reportXlsxFile(db, name, name === 'neraca-perdagangan' ? {} : { province: '62' }, path);
    files.set(name, path);
  }
}, 120_000);
afterAll(() => {
  db?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Sums computed independently of the report code. */
function ikmTotals() {
  return db
    .prepare(`SELECT count(*) AS count, sum(workers_male) AS l, sum(workers_female) AS p, sum(workers_total) AS t, sum(investment_idr) AS inv, sum(production_value_idr) AS prod
      FROM ikm WHERE deleted_at IS NULL AND substr(district_code, 1, 2) = '62'`)
    .get() as { count: number; l: number; p: number; t: number; inv: number; prod: number };
}
function shipmentTotals() {
  return db.prepare(`SELECT count(*) AS n, sum(fob_usd) AS fob, sum(net_weight_kg) AS kg FROM shipment WHERE deleted_at IS NULL AND substr(district_code, 1, 2) = '62'`).get() as { n: number; fob: number; kg: number };
}

/** The totals row: the row whose second or third column says JUMLAH. */
function totalsRow(x: Inspected): number {
  const r = Object.entries(x.cells).find(([k, c]) => /^[B-D]\d+$/.test(k) && typeof c.value === 'string' && c.value.startsWith('JUMLAH'));
  if (!r) throw new Error('no totals row');
  return Number(r[0].replace(/^[A-Z]+/, ''));
}
const at = (x: Inspected, col: number, row: number) => x.cells[`${colLetter(col)}${row}`];

describe('report .xlsx, read back with openpyxl', () => {
  it.each(REPORT_NAMES)('%s: kop, title, print setup, footer, frozen header', (name) => {
    const x = inspect(files.get(name)!);
    const last = colLetter(x.maxColumn);
    expect(x.orientation).toBe('landscape');
    expect(x.paperSize).toBe(9); // A4
    expect([x.fitToPage, x.fitToWidth]).toEqual([true, 1]);
    expect(x.printArea).toEqual([`$A$1:$${last}$${x.maxRow}`]);
    expect(x.printTitleRows).toMatch(/^\$9:\$(9|10)$/);
    expect(x.freeze).toBe(`A${Number(x.printTitleRows.split(':$')[1]) + 1}`);
    expect(x.footer.right).toBe('Halaman &P dari &N');
    expect(x.merged).toEqual(expect.arrayContaining([`A1:${last}1`, `A2:${last}2`, `A6:${last}6`, `A7:${last}7`]));
    expect(at(x, 1, 1)!.value).toBe('PEMERINTAH PROVINSI KALIMANTAN TENGAH');
    expect(at(x, 1, 2)!.value).toBe('DINAS PERDAGANGAN DAN PERINDUSTRIAN');
    expect(String(at(x, 1, 6)!.value)).toBe(String(at(x, 1, 6)!.value).toUpperCase());
    // The signature block: place and date the Indonesian way, name, NIP.
    const texts = Object.values(x.cells).map((c) => String(c.value));
    expect(texts.some((t) => /^Palangka Raya, \d{1,2} (Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Desember) \d{4}$/.test(t))).toBe(true);
    expect(texts).toContain('NIP. 19700101 199503 1 001');
    expect(texts.indexOf('Pembina Utama Muda (IV/c)')).toBe(texts.indexOf('NIP. 19700101 199503 1 001') - 1); // pangkat/golongan above the NIP
    // The logo is a real picture in the sheet's drawing.
    const entries = zipEntries(readFileSync(files.get(name)!))!.map((e) => e.name);
    expect(entries).toEqual(expect.arrayContaining(['xl/drawings/drawing1.xml', 'xl/media/image0.png', 'xl/drawings/_rels/drawing1.xml.rels']));
  });

  it('rekap per kabupaten: every district of the province, numbers as numbers, totals = database sums', () => {
    const x = inspect(files.get('rekap-ikm-kabupaten')!);
    const t = totalsRow(x);
    const districts = (db.prepare(`SELECT count(*) AS n FROM district WHERE province_code = '62'`).get() as { n: number }).n;
    expect(t - 11).toBe(districts);
    const sums = ikmTotals();
    // One IKM of Kab. Kotawaringin Barat (6201) reported only its total of workers: that district's
    // L/P, and so the totals' L/P, are unknown ("–"), never 0; Jumlah still counts everyone.
    expect([3, 4, 5, 6, 7, 8].map((c) => at(x, c, t)!.value)).toEqual([sums.count, '–', '–', sums.t, sums.inv, sums.prod]);
    expect(Object.values(x.cells).some((c) => String(c.value).startsWith('– pada L/P: sebagian IKM hanya melaporkan jumlah'))).toBe(true);
    for (let r = 11; r < t; r++) {
      const [l, p, total] = [4, 5, 6].map((c) => at(x, c, r)?.value);
      if (l === '–') expect([p, at(x, 2, r)!.value]).toEqual(['–', 'Kab. Kotawaringin Barat']);
      else expect(Number(l ?? 0) + Number(p ?? 0)).toBe(Number(total ?? 0)); // L + P = Jumlah wherever L and P show
    }
    expect(at(x, 3, t)!.formula).toBe(`=SUM(C11:C${t - 1})`);
    expect([at(x, 3, 11)!.format, at(x, 7, 11)!.format, at(x, 7, 11)!.type]).toEqual(['#,##0', '"Rp "#,##0', 'int']);
    expect(x.merged).toEqual(expect.arrayContaining(['D9:F9', 'A9:A10'])); // TENAGA KERJA over L / P / Jumlah
    expect([at(x, 4, 9)!.value, at(x, 4, 10)!.value, at(x, 6, 10)!.value]).toEqual(['Tenaga Kerja (orang)', 'L', 'Jumlah']);
  });

  it('rekap per komoditi and daftar IKM: the same totals; a formula-like name stays text', () => {
    const sums = ikmTotals();
    const k = inspect(files.get('rekap-ikm-komoditi')!);
    const tk = totalsRow(k);
    expect([4, 5, 6, 7, 8, 9].map((c) => at(k, c, tk)!.value)).toEqual([sums.count, '–', '–', sums.t, sums.inv, sums.prod]);
    const d = inspect(files.get('daftar-ikm')!);
    const td = totalsRow(d);
    expect(td - 11).toBe(sums.count); // one row per IKM
    expect([9, 10, 11, 12, 13].map((c) => at(d, c, td)!.value)).toEqual(['–', '–', sums.t, sums.inv, sums.prod]);
    const injected = Object.values(d.cells).find((c) => String(c.value).startsWith('=HYPERLINK'));
    expect(injected).toMatchObject({ type: 'str', formula: null });
    const nibs = Object.entries(d.cells).filter(([k]) => /^B\d+$/.test(k) && Number(k.slice(1)) > 10 && Number(k.slice(1)) < td);
    expect(nibs.length).toBeGreaterThan(100);
    expect(nibs.every(([, c]) => c.type === 'str' && /^\d{13}$/.test(String(c.value)))).toBe(true); // NIB as 13-digit text
  });

  it('ekspor per negara and per komoditi: US$ and kg totals = database sums, shares add up to 100%', () => {
    const s = shipmentTotals();
    for (const [name, first] of [['ekspor-negara', 4], ['ekspor-komoditi', 4]] as const) {
      const x = inspect(files.get(name)!);
      const t = totalsRow(x);
      expect(at(x, first, t)!.value).toBeCloseTo(s.fob, 2);
      expect(at(x, first + 1, t)!.value).toBeCloseTo(s.kg, 2);
      expect(at(x, first + 2, t)!.value).toBe(s.n);
      expect([at(x, first, 11)!.format, at(x, first + 3, 11)!.format]).toEqual(['"US$ "#,##0.00', '0.0%']);
      expect(at(x, first + 3, t)!.value).toBeCloseTo(1, 6);
    }
    const n = inspect(files.get('ekspor-negara')!);
    expect(at(n, 2, 10)!.value).toBe('Malaysia'); // the largest destination first, by its Indonesian name
  });

  it('neraca perdagangan: yearly export/import from BPS figures, balance and growth', () => {
    const x = inspect(files.get('neraca-perdagangan')!);
    const years = db.prepare(`SELECT year, coalesce(max(CASE WHEN month = 0 THEN export_usd END), sum(export_usd)) AS ex,
      coalesce(max(CASE WHEN month = 0 THEN import_usd END), sum(import_usd)) AS im FROM trade_stat GROUP BY year ORDER BY year`).all() as { year: number; ex: number; im: number }[];
    const t = totalsRow(x);
    expect(t - 10).toBe(years.length);
    years.forEach((y, i) => {
      expect(String(at(x, 2, 10 + i)!.value)).toContain(String(y.year));
      expect(at(x, 3, 10 + i)!.value).toBeCloseTo(y.ex, 0);
      expect(at(x, 5, 10 + i)!.value).toBeCloseTo(y.ex - y.im, 0);
      const partial = String(at(x, 2, 10 + i)!.value).endsWith('*');
      if (i > 0 && !partial) expect(at(x, 6, 10 + i)!.value).toBeCloseTo((y.ex - years[i - 1]!.ex) / years[i - 1]!.ex, 6);
      if (partial) expect(at(x, 6, 10 + i)).toBeUndefined(); // not compared with a whole year
    });
    expect(at(x, 3, t)!.value).toBeCloseTo(years.reduce((s, y) => s + y.ex, 0), 0);
  });
});

describe('report models', () => {
  /** What the grid's footer shows for a drill-down filter: the core's own sums of that filter. */
  function gridSums(m: ReportModel, d: NonNullable<ReportModel['drill']>['totals']) {
    if (!d) return null;
    if (d.tab === 'registry') {
      const s = summarise(db, d.filter);
      return { count: s.count, workers_total: s.workers_total, investment_idr: s.investment_idr, production_value_idr: s.production_value_idr };
    }
    const s = summariseShipments(db, d.filter);
    return { shipments: s.count, fob_usd: s.fob_usd, net_weight_kg: s.net_weight_kg };
  }
  const params = [{ province: '62' }, { province: '62', year: new Date().getFullYear() - 1 }, { district: '6201' }, {}];

  it.each(['rekap-ikm-kabupaten', 'rekap-ikm-komoditi', 'ekspor-negara', 'ekspor-komoditi', 'daftar-ikm'] as const)('%s: every drillable row and the totals sum, in the grid, to the printed figure', (name) => {
    for (const p of params) {
      const m = previewReport(db, name, p);
      expect(m.drill, `${name} ${JSON.stringify(p)}`).toBeDefined();
      type Drill = NonNullable<ReportModel['drill']>['totals'];
      const pairs: [Record<string, unknown>, Drill][] = [[m.totals!, m.drill!.totals], ...m.rows.map((r, i): [Record<string, unknown>, Drill] => [r, m.drill!.rows[i] ?? null])];
      let checked = 0;
      for (const [row, d] of pairs) {
        const g = gridSums(m, d);
        if (!g) continue;
        for (const [k, v] of Object.entries(g)) if (typeof row[k] === 'number') expect(v, `${name} ${JSON.stringify(p)} ${k} of ${String(row.district ?? row.commodity ?? row.country ?? row.hs ?? 'JUMLAH')}`).toBeCloseTo(row[k] as number, 2);
        checked++;
      }
      expect(checked).toBeGreaterThan(0);
    }
  });

  it('neraca: titled by the years asked, the years without BPS figures named, not left out', () => {
    const last = (db.prepare(`SELECT max(year) AS y FROM trade_stat`).get() as { y: number }).y;
    const m = previewReport(db, 'neraca-perdagangan', { year: last + 3 });
    expect(m.subtitle).toContain(`Tahun ${last - 1}–${last + 3}`);
    expect(m.rows.map((r) => String(r.year).replace('*', ''))).toEqual([-1, 0, 1, 2, 3].map((d) => String(last + d)));
    expect(m.rows.slice(2).every((r) => r.export_usd === '–')).toBe(true);
    expect(m.notes.join(' ')).toContain(`belum ada angka BPS untuk tahun ${last + 1}, ${last + 2} dan ${last + 3}`);
    expect(m.charts[0]!.series[0]!.values.slice(2)).toEqual([null, null, null]); // a gap in the line, not a drop to 0
    // A span with no figures at all is an empty report, not five rows of dashes.
    expect(previewReport(db, 'neraca-perdagangan', { year: last + 9 }).rowCount).toBe(0);
  });

  it('column widths fit the totals; pies group small slices as "Lainnya"; the example signer is recognised', () => {
    const m = previewReport(db, 'daftar-ikm', { province: '62' });
    const widths = fittedWidths(m);
    m.columns.forEach((c, i) => {
      if (typeof m.totals![c.key] === 'number' && c.kind === 'idr') expect(widths[i]).toBeGreaterThanOrEqual(String(m.totals![c.key]).length + 4);
    });
    const pie = groupSlices(['A', 'B', 'C', 'D', 'E'], [50, 40, 6, 2, 2]);
    expect(pie).toEqual({ labels: ['A', 'B', 'C', 'Lainnya'], values: [50, 40, 6, 4] });
    expect(groupSlices(['A', 'B', 'C'], [50, 49, 1])).toEqual({ labels: ['A', 'B', 'C'], values: [50, 49, 1] }); // one small slice keeps its name
    expect(groupSlices(Array.from({ length: 12 }, (_, i) => `N${i}`), Array.from({ length: 12 }, () => 10)).labels).toHaveLength(8);
    expect(isPlaceholderSigner(DEFAULT_LETTERHEAD)).toBe(true);
    expect(isPlaceholderSigner({ ...DEFAULT_LETTERHEAD, signer: 'Ir. H. Contoh, M.Si.', nip: '19680412 199303 1 007' })).toBe(false);
  });
});

describe('report PDFs', () => {
  const pages = (pdf: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
  const pageSize = (pdf: string) => /Page size:\s+([\d.]+) x ([\d.]+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))!.slice(1).map(Number);
  const pageText = (pdf: string, p: number) => execFileSync('pdftotext', ['-f', String(p), '-l', String(p), '-layout', pdf, '-'], { encoding: 'utf8' });
  /** Share of dark pixels of a page rendered to greyscale PGM. */
  function ink(pdf: string, p: number): number {
    const base = join(dir, `ink-${p}`);
    execFileSync('pdftoppm', ['-f', String(p), '-l', String(p), '-r', '24', '-gray', '-singlefile', pdf, base]);
    const buf = readFileSync(`${base}.pgm`);
    const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(buf.subarray(0, 40).toString('latin1'))!;
    const pixels = buf.subarray(header[0].length);
    let dark = 0;
    for (const v of pixels) if (v < 160) dark++;
    return dark / pixels.length;
  }

  it('LibreOffice prints every .xlsx one page wide: each page has the first and the last column', () => {
    const out = join(dir, 'lo');
    execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', out, ...files.values()], { stdio: 'ignore', timeout: 180_000 });
    for (const [name, xlsx] of files) {
      const pdf = join(out, `${name}.pdf`);
      const x = inspect(xlsx);
      const headerRow = Number(x.printTitleRows.split(':$')[1]);
      const lastHeader = String(at(x, x.maxColumn, headerRow)?.value ?? at(x, x.maxColumn, 9)!.value).split(' ')[0]!;
      const [w, h] = pageSize(pdf);
      expect(w).toBeGreaterThan(h!); // landscape
      for (let p = 1; p <= pages(pdf); p++) {
        const text = pageText(pdf, p);
        expect(text, `${name} page ${p}`).toMatch(/\bNo\b/);
        expect(text, `${name} page ${p}`).toContain(lastHeader);
      }
    }
  }, 240_000);

  it.skipIf(!findChromium())('Chromium prints each report: A4 landscape, page numbers, totals, charts; no blank page', async () => {
    const printer = chromiumPrinter();
    try {
      for (const name of REPORT_NAMES) {
        const pdf = join(dir, `${name}.pdf`);
        writeFileSync(pdf, await reportPdf(db, name, name === 'neraca-perdagangan' ? {} : { province: '62' }, printer));
        const [w, h] = pageSize(pdf);
        expect(Math.abs(w! - 842)).toBeLessThan(2); // A4 landscape, in points
        expect(Math.abs(h! - 595)).toBeLessThan(2);
        const n = pages(pdf);
        const all = Array.from({ length: n }, (_, i) => pageText(pdf, i + 1));
        all.forEach((t, i) => expect(t).toContain(`Halaman ${i + 1} dari ${n}`));
        expect(all[0]).toContain('DINAS PERDAGANGAN DAN PERINDUSTRIAN');
        const model = previewReport(db, name, name === 'neraca-perdagangan' ? {} : { province: '62' });
        expect(all.join('\n')).toContain(model.title.toUpperCase());
        expect(all.join('\n')).toContain('NIP. 19700101 199503 1 001');
        for (let p = 1; p <= n; p++) expect(ink(pdf, p), `${name} page ${p}`).toBeGreaterThan(0.002);
      }
      const sums = ikmTotals();
      const rekap = execFileSync('pdftotext', ['-layout', join(dir, 'rekap-ikm-kabupaten.pdf'), '-'], { encoding: 'utf8' });
      expect(rekap).toMatch(new RegExp(`JUMLAH\\s+${sums.count.toLocaleString('id-ID').replace('.', '\\.')}`));
      expect(rekap).toContain(sums.inv.toLocaleString('id-ID'));
      // The chart is vector art in the PDF: its title and the district names on its axis.
      expect(rekap).toContain('Jumlah IKM per kabupaten/kota');
    } finally {
      await printer.close();
    }
  }, 120_000);

  it('the screen in English, the paper in Indonesian: subtitles, country and month names, chart figures', () => {
    const regency = previewReport(db, 'rekap-ikm-kabupaten', { district: '6201' });
    expect(regency.subtitle).toMatch(/^Kabupaten Kotawaringin Barat, Provinsi Kalimantan Tengah · Keadaan per \d+ \p{L}+ \d{4}$/u);
    expect(regency.subtitleEn).toMatch(/^Kotawaringin Barat Regency, Kalimantan Tengah Province · As of \d+ \p{L}+ \d{4}$/u);
    expect(previewReport(db, 'rekap-ikm-kabupaten', { district: '6271', year: 2024 }).subtitleEn).toBe('Palangka Raya City, Kalimantan Tengah Province · Up to 2024');
    const negara = previewReport(db, 'ekspor-negara', { province: '62', from: '2025-03-01', to: '2025-08-31' });
    expect(negara.subtitle).toBe('Provinsi Kalimantan Tengah · 1 Maret 2025 s.d. 31 Agustus 2025');
    expect(negara.subtitleEn).toBe('Kalimantan Tengah Province · 1 March 2025 to 31 August 2025');
    expect(previewReport(db, 'ekspor-negara', {}).subtitleEn).toMatch(/^All of Kalimantan · \d+ \p{L}+ \d{4} to \d+ \p{L}+ \d{4}$/u);
    // The pie's labels: Indonesian names on paper, English ones for the English screen, country by country.
    const pie = negara.charts[0]!;
    const countries = countryResolver();
    expect(pie.labelsEn).toEqual(negara.rows.map((r) => countries.get(String(r.country_code))!.nameEn));
    expect(pie.labels).toEqual(negara.rows.map((r) => countries.get(String(r.country_code))!.name));
    expect(pie.labels.some((l, i) => l !== pie.labelsEn![i])).toBe(true);
    expect(countries.name('CN')).toBe('Tiongkok');
    expect(countries.name('CN', 'en')).toBe('China');
    expect(new CountryResolver(countries.countries, 'en').byName()[0]!.nameEn).toBe('Afghanistan');
    // Figures: Intl compact per language; Indonesian as the printed charts always had them.
    expect([842_100, 1_860_000, 1.9e9].map((v) => compactNumber(v))).toEqual(['842,1\u00a0rb', '1,86\u00a0jt', '1,9\u00a0M']); // Intl puts a no-break space before the unit
    expect([842_100, 1_860_000, 1.9e9].map((v) => compactNumber(v, 'en'))).toEqual(['842.1k', '1.86m', '1.9bn']);
    const axis = (lang: 'id' | 'en') => (chartOption({ kind: 'bar', id: 'x', title: 'x', labels: ['a'], series: [{ name: 's', values: [2_500_000] }], unit: 'US$' }, { lang }).yAxis as { axisLabel: { formatter(v: number): string } }).axisLabel.formatter(2_500_000);
    expect([axis('id'), axis('en')]).toEqual(['2,5\u00a0jt', '2.5m']);
    expect([longDate('2026-05-01'), longDate('2026-05-01', 'en'), shortMonth('2026-08'), shortMonth('2026-08', 'en')]).toEqual(['1 Mei 2026', '1 May 2026', 'Agu 2026', 'Aug 2026']);
  });
});

describe('report CLI', () => {
  it('writes .xlsx and refuses bad arguments with a clear line', () => {
    const out = join(dir, 'cli.xlsx');
    const ok = cli('report', 'ekspor-negara', '--db', join(dir, 'laporan.db'), '--year', String(new Date().getFullYear() - 1), '--province', '62', '--format', 'xlsx', '--out', out);
    expect(ok.status, ok.stderr).toBe(0);
    const x = inspect(out);
    expect(String(at(x, 1, 7)!.value)).toContain(`Tahun ${new Date().getFullYear() - 1}`);
    const bad = cli('report', 'rekap-bulanan', '--db', join(dir, 'laporan.db'), '--format', 'xlsx', '--out', out);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('Nama laporan: rekap-ikm-kabupaten');
    const date = cli('report', 'daftar-ikm', '--db', join(dir, 'laporan.db'), '--from', '12/03/2025', '--format', 'pdf', '--out', out);
    expect(date.status).toBe(2);
    expect(date.stderr).toContain('YYYY-MM-DD');
    expect(readdirSync(dir)).toContain('cli.xlsx');
  }, 60_000);
});
