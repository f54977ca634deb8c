/**
 * Issue 13, typed failures: calendar-valid dates, sane years, control characters stripped,
 * logo pixel limits from the header, a cell cap for CSV rows, PDF printing without JavaScript,
 * LIKE wildcards taken literally, and database failures mapped to their own codes and messages.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../electron/core/api/dispatch';
import { createHandlers } from '../../electron/core/api/handlers';
import { writeRows } from '../../electron/core/export/rows';
import { readCsv } from '../../electron/core/import/read-csv';
import { chromiumPrinter, findChromium } from '../../electron/core/reports/print-chromium';
import { seedDemo } from '../../electron/core/seed/demo';
import { parseDate, parseYear } from '../../shared/parse';
import { imageSize } from '../../shared/image';
import { tempApi, tempDir } from './helpers';

function setup(rows = 30) {
  return tempApi((db) => {
    if (rows) seedDemo(db, rows);
  });
}

/** A PNG of the given size: the signature and the IHDR chunk are all the size check reads. */
function pngHeader(width: number, height: number): string {
  const b = Buffer.alloc(33);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(b, 0);
  b.writeUInt32BE(13, 8);
  b.write('IHDR', 12, 'ascii');
  b.writeUInt32BE(width, 16);
  b.writeUInt32BE(height, 20);
  b[24] = 8;
  b[25] = 6;
  return `data:image/png;base64,${b.toString('base64')}`;
}

describe('dates and years', () => {
  it('2024-02-30 is refused in decrees, activities, certificates, report parameters and shipment filters; 2024-02-29 is fine', async () => {
    const { dispatch, call } = setup();
    const bad = [
      ['goekspor.saveDecree', { number: 'SK 1', date: '2024-02-30', province_code: '62' }],
      ['goekspor.saveActivity', { kind: 'pelatihan', title: 'Pelatihan', date: '2023-02-29' }],
      ['goekspor.saveCertificate', { ikm_id: 1, type: 'halal', status: 'terbit', issued_on: '2024-04-31' }],
      ['reports.preview', { name: 'ekspor-negara', params: { from: '2024-13-01' } }],
      ['shipments.query', { filter: { to: '2024-02-30' }, sort: [], offset: 0, limit: 10 }],
    ] as const;
    for (const [m, a] of bad) expect(await dispatch(m, a), m).toMatchObject({ ok: false, error: { code: 'bad_request', message: expect.stringMatching(/kalender/) } });
    await call('goekspor.saveDecree', { number: 'SK 1', date: '2024-02-29', province_code: '62' });
    expect(parseDate('30/02/2024').ok).toBe(false);
    expect(parseDate('29/02/2024')).toEqual({ ok: true, value: '2024-02-29' });
  });

  it('a year typed 3000 is refused as the future, never read as an Excel serial of 1908', async () => {
    expect(parseYear(3000)).toMatchObject({ ok: false, error: { key: 'err.yearFuture' } });
    expect(parseYear(1950)).toEqual({ ok: true, value: 1950 });
    expect(parseYear(42000)).toEqual({ ok: true, value: 2014 }); // a date serial still reads as its year
    const { call } = setup();
    const r = (await call('ikm.update', { changes: [{ id: 1, field: 'year_established', value: 3000 }] })) as { ok: boolean };
    expect(r.ok).toBe(false);
  });
});

describe('control characters', () => {
  it('are stripped from text on write (grid, Go Ekspor, letterhead, trade source) and never written raw to CSV', async () => {
    const { call, db } = setup();
    await call('ikm.update', { changes: [{ id: 1, field: 'business_name', value: 'UD\u0000 Maju\u001b Jaya\u007f' }] });
    expect(db.prepare('SELECT business_name FROM ikm WHERE id = 1').get()).toEqual({ business_name: 'UD Maju Jaya' });
    const d = (await call('goekspor.saveDecree', { number: 'SK\u0000 9', date: '2024-01-02', province_code: '62', title: 'Judul\u0007' })) as { number: string; title: string };
    expect([d.number, d.title]).toEqual(['SK 9', 'Judul']);
    const lh = (await call('reports.letterhead', {})) as Record<string, unknown>;
    const saved = (await call('reports.setLetterhead', { ...lh, signer: 'SITI\u0000 RAHMAH', nip: '1975\u000c1231' })) as { signer: string; nip: string };
    expect([saved.signer, saved.nip]).toEqual(['SITI RAHMAH', '19751231']);
    // Rows already stored with a NUL (before this fix) are cleaned in the export itself.
    const out = join(tempDir(), 'x.csv');
    await writeRows([{ a: 'A\u0000B', b: 'C\u001bD' }], ['a', 'b'], 'csv', out);
    expect(readFileSync(out, 'utf8')).toBe('a,b\r\nAB,CD\r\n');
  });
});

describe('logo limits', () => {
  it('reads the pixel size from PNG and JPEG headers; a 30000×30000 logo is refused, a 600×600 one kept', async () => {
    const { dispatch, call } = setup(0);
    expect(imageSize(Buffer.from(pngHeader(30000, 30000).split(',')[1]!, 'base64'))).toEqual({ width: 30000, height: 30000 });
    // JPEG: SOI, an APP0 segment, then SOF0 with height 480 and width 640.
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0x00, 0x00, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x01, 0xe0, 0x02, 0x80, 0x03, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(imageSize(jpeg)).toEqual({ width: 640, height: 480 });
    const lh = (await call('reports.letterhead', {})) as Record<string, unknown>;
    const r = await dispatch('reports.setLetterhead', { ...lh, logo: pngHeader(30000, 30000) });
    expect(r).toMatchObject({ ok: false, error: { code: 'bad_request', message: expect.stringMatching(/30000×30000 piksel terlalu besar/) } });
    expect(await dispatch('reports.setLetterhead', { ...lh, logo: 'data:image/png;base64,AAAA' })).toMatchObject({ ok: false });
    expect(await dispatch('reports.setLetterhead', { ...lh, logo: pngHeader(600, 600) })).toMatchObject({ ok: true });
  });
});

describe('CSV rows have a cell cap like sheets', () => {
  it('a line of 22 million separators is read as 1,000 cells, without holding 22 million strings', () => {
    const before = process.memoryUsage().heapUsed;
    const sheets = readCsv('lebar.csv', Buffer.from(`Nama;NIB${';'.repeat(22_000_000)}\nUD A;1\n`));
    const rows = [...(sheets[0]!.rows as Iterable<{ cells: unknown[] }>)];
    expect(rows[0]!.cells).toHaveLength(1000);
    expect(rows[1]!.cells).toEqual(['UD A', '1']);
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(400 * 1024 * 1024);
  });
});

describe('PDF printing runs no JavaScript', () => {
  it.skipIf(!findChromium())('a script in the report HTML does not run in the Chromium printer', async () => {
    const printer = chromiumPrinter();
    try {
      const pdf = await printer('<html><body><p id="t">TEKS ASLI</p><script>document.getElementById("t").textContent = "SKRIP JALAN"</script></body></html>', { title: 'x' });
      const file = join(tempDir(), 'x.pdf');
      writeFileSync(file, pdf);
      const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
      expect(text).toContain('TEKS ASLI');
      expect(text).not.toContain('SKRIP JALAN');
    } finally {
      await printer.close();
    }
  }, 60_000);
});

describe('LIKE wildcards are literal', () => {
  it('"%" or "_" in the certificate and board searches match nothing, not everything', async () => {
    const { call } = setup();
    await call('goekspor.saveCertificate', { ikm_id: 1, type: 'halal', status: 'proses', number: 'ID-123' });
    await call('goekspor.enrol', { ikm_id: 2 });
    expect(((await call('goekspor.certificates', { search: '%' })) as unknown[]).length).toBe(0);
    expect(((await call('goekspor.certificates', { search: '_' })) as unknown[]).length).toBe(0);
    expect(((await call('goekspor.certificates', { search: 'ID-123' })) as unknown[]).length).toBe(1);
    const board = (await call('goekspor.board', { search: '%' })) as { cards?: unknown[] } | unknown[];
    expect(JSON.stringify(board)).not.toMatch(/"ikm_id":2/);
    expect(((await call('ikm.query', { filter: { search: '%' }, sort: [], offset: 0, limit: 10 })) as { total: number }).total).toBe(0);
  });
});

describe('database failures have their own codes and Indonesian messages', () => {
  it('constraint, busy, read-only and disk-full: never `internal` with SQLite English', async () => {
    const { db, path, dispatch } = setup();
    const english = /constraint failed|database is locked|readonly|disk is full|SQLITE/i;
    db.exec(`CREATE TRIGGER no_edit BEFORE UPDATE OF owner_name ON ikm BEGIN SELECT RAISE(ABORT, 'no'); END`);
    const c = await dispatch('ikm.update', { changes: [{ id: 1, field: 'owner_name', value: 'X' }] });
    expect(c).toMatchObject({ ok: false, error: { code: 'constraint', key: 'err.db.constraint' } });
    db.exec('DROP TRIGGER no_edit');

    const other = new Database(path);
    other.exec('BEGIN IMMEDIATE');
    db.pragma('busy_timeout = 0');
    const b = await dispatch('ikm.update', { changes: [{ id: 1, field: 'owner_name', value: 'Y' }] });
    other.exec('ROLLBACK');
    other.close();
    expect(b).toMatchObject({ ok: false, error: { code: 'busy', message: expect.stringMatching(/coba lagi/) } });

    // The app's connection may grow no more (max_page_count is per connection; imports write on
    // their own, see import/batch.ts): new records until one does not fit.
    const pages = db.pragma('page_count', { simple: true }) as number;
    db.pragma(`max_page_count = ${pages}`);
    let f: Awaited<ReturnType<typeof dispatch>> | null = null;
    for (let i = 0; i < 5000 && !f; i++) {
      const res = await dispatch('ikm.create', { values: { district_code: '6202', address: `Jl. ${'Panjang '.repeat(55)}${i}` } });
      if (!res.ok) f = res;
    }
    expect(f).toMatchObject({ ok: false, error: { code: 'disk_full', message: expect.stringMatching(/Disk penuh/) } });

    const ro = new Database(path, { readonly: true });
    const roDispatch = createDispatcher(ro, createHandlers({ dbPath: path, version: 'test' }));
    const r = await roDispatch('trade.set', { year: 2024, month: 0, export_usd: 1, import_usd: 1, source: null });
    expect(r).toMatchObject({ ok: false, error: { code: 'read_only', message: expect.stringMatching(/hanya-baca/) } });
    ro.close();
    for (const e of [c, b, f, r]) expect(JSON.stringify(e)).not.toMatch(english);
  });
});
