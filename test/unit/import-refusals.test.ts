/**
 * Refusals as message keys: a file the import refuses whole carries its reason as a key with
 * parameters, so the English UI says it in English and the Indonesian UI (and the CLI) as before;
 * and the messages between the reader worker and the writer are narrowed on receipt.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ImportFileError } from '../../electron/core/import/errors';
import { startReader } from '../../electron/core/import/reader';
import { mainMessage, workerMessage, workerSetup } from '../../electron/core/import/reader-protocol';
import { MAX_ROWS } from '../../electron/core/import/sheet';
import { fileMessage, type ImportResult } from '../../shared/import';
import { MESSAGES, message, type MessageKey } from '../../shared/messages';
import { tempApi } from './helpers';

const FIX = resolve(__dirname, '../fixtures');
const upload = (name: string) => ({ name, dataBase64: readFileSync(join(FIX, name)).toString('base64'), district: '6202' });

describe('refusals are message keys', () => {
  const keys = (Object.keys(MESSAGES.id) as MessageKey[]).filter((k) => k.startsWith('imp.'));

  it('every refusal has an English text of its own, with the same parameters', () => {
    expect(keys.length).toBeGreaterThan(30);
    for (const k of keys) {
      expect(MESSAGES.en[k], k).not.toBe(MESSAGES.id[k]);
      const params = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(params(MESSAGES.en[k]), k).toEqual(params(MESSAGES.id[k]));
    }
    // The row limit is written out in each language's way.
    expect(message('id', 'imp.tooManyRows')).toContain(MAX_ROWS.toLocaleString('id-ID'));
    expect(message('en', 'imp.tooManyRows')).toContain(MAX_ROWS.toLocaleString('en-US'));
  });

  it('a damaged file refused in a preview reads in English once the UI language is English, in Indonesian before', async () => {
    const { dispatch, call, db } = tempApi();
    const r: ImportResult = await call('import.preview', { files: [upload('rusak_crc.xlsx'), upload('campur_encoding.csv')] });
    const [crc, csv] = r.files;
    expect(crc).toMatchObject({ status: 'refused', messageKey: { key: 'imp.crc' } });
    expect(csv).toMatchObject({ status: 'refused', messageKey: { key: 'imp.mixedEncoding', params: { line: 4 } } });
    // The Indonesian text stays what the CLI and the error report print.
    expect(crc!.message).toBe(message('id', 'imp.crc'));
    expect(fileMessage(crc!, 'id')).toMatch(/^Berkas rusak: .*CRC tidak cocok/);

    // The renderer switches language through settings, then shows the report's key in it.
    await call('settings.set', { key: 'ui.lang', value: 'en' });
    const lang = (await dispatch('settings.get', { key: 'ui.lang' })) as { ok: true; result: 'en' | 'id' };
    expect(lang.result).toBe('en');
    expect(fileMessage(crc!, lang.result)).toMatch(/^The file is damaged: .*CRC check does not match/);
    expect(fileMessage(csv!, lang.result)).toMatch(/two character encodings.*from line 4/);
    for (const f of [crc!, csv!]) expect(fileMessage(f, 'en')).not.toMatch(/\b(berkas|tidak|impor|lembar|ulang)\b/i);
    db.close();
  });

  it('a refusal in a report or thrown through the dispatcher keeps its key, never "invalid request"', async () => {
    const { dispatch, call, db } = tempApi();
    const r: ImportResult = await call('import.preview', { files: [{ name: 'x.xlsx', dataBase64: Buffer.from('PK').toString('base64'), district: '9999' }] });
    expect(r.files[0]!.messageKey).toEqual({ key: 'imp.unknownDistrict', params: { code: '9999' } });
    expect(fileMessage(r.files[0]!, 'en')).toBe('District code "9999" is not known.');
    // Thrown: the envelope carries the key and its parameters (the client words it in the UI's language).
    const undo = await dispatch('import.undo', { batchId: 999 });
    expect(undo).toEqual({ ok: false, error: { code: 'bad_request', key: 'imp.batchNotFound', params: { id: 999 }, message: 'Impor nomor 999 tidak ditemukan.' } });
    expect(message('en', 'imp.batchNotFound', { id: 999 })).toBe('Import number 999 was not found.');
    db.close();
  });

  it('a plain-text refusal (an importer not yet on keys) reads the same in both languages', () => {
    const e = new ImportFileError('Pilih kegiatan untuk daftar peserta ini.');
    expect(e.message).toBe('Pilih kegiatan untuk daftar peserta ini.');
    expect(message('en', e.key, e.params)).toBe(e.message);
  });
});

describe('the reader protocol narrows what it receives', () => {
  it('takes the messages it knows', () => {
    const report = { file: 'a.xlsx', status: 'refused', message: 'x', messageKey: { key: 'imp.crc' }, sheets: [], accepted: 0, updated: 0, unchanged: 0, refused: [], warnings: [], duplicates: [] };
    expect(workerMessage({ t: 'loaded' })).toEqual({ t: 'loaded' });
    expect(workerMessage({ t: 'file', index: 0 })).toEqual({ t: 'file', index: 0 });
    expect(workerMessage({ t: 'rows', index: 1, count: 1, sheets: ['S'], data: [0, 2, 0], expected: null })).toMatchObject({ t: 'rows', count: 1 });
    expect(workerMessage({ t: 'report', index: 0, report })).toEqual({ t: 'report', index: 0, report });
    expect(workerMessage({ t: 'error', refusal: { key: 'imp.outOfMemory' }, message: 'oom' })).toEqual({ t: 'error', refusal: { key: 'imp.outOfMemory' }, message: 'oom' });
    expect(mainMessage({ t: 'ack' })).toEqual({ t: 'ack' });
    const setup = { inputs: [{ name: 'a.xlsx', data: new Uint8Array(2) }], districts: [], now: new Date(), saved: {} };
    expect(mainMessage({ t: 'job', setup })).toEqual({ t: 'job', setup });
    expect(workerSetup(setup)).toBe(setup);
  });

  it.each([
    ['not an object', 'ack'],
    ['an unknown kind', { t: 'rowz', index: 0 }],
    ['an index that is not one', { t: 'file', index: -1 }],
    ['rows without their data', { t: 'rows', index: 0, count: 1, sheets: ['S'], expected: null }],
    ['sheet names that are not text', { t: 'rows', index: 0, count: 1, sheets: [1], data: [], expected: null }],
    ['a report without its lists', { t: 'report', index: 0, report: { file: 'a', status: 'imported' } }],
    ['a report with another status', { t: 'report', index: 0, report: { file: 'a', status: 'ok', sheets: [], refused: [], warnings: [], duplicates: [] } }],
    ['a refusal with a key nobody wrote', { t: 'error', refusal: { key: 'imp.nope' }, message: 'x' }],
    ['an error without a message', { t: 'error', refusal: null }],
  ])('refuses %s', (_, m) => expect(workerMessage(m)).toBeNull());

  it.each([
    ['a bare string', 'ack'],
    ['a job without its setup', { t: 'job' }],
    ['a setup whose inputs are not files', { t: 'job', setup: { inputs: [{ path: 1 }], districts: [], now: new Date(), saved: {} } }],
    ['a setup without its date', { t: 'job', setup: { inputs: [], districts: [], now: '2026-01-01', saved: {} } }],
  ])('the worker refuses %s', (_, m) => expect(mainMessage(m)).toBeNull());

  it('a reading that fails rejects next() after the events before it (not an event the writer must know)', async () => {
    // Districts that are not a list: the reader fails before its first file.
    const reader = await startReader({ inputs: [{ name: 'a.csv', data: Buffer.from('Nama Usaha;NIB\nA;1') }], districts: null as never, now: new Date(), saved: {} });
    await expect(reader.next()).rejects.toThrow();
    await reader.close();
  });
});
