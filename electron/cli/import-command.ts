/**
 * `npm run cli -- import <file>... --db <file> [--district <BPS code>] [--map "<header>=<field>"]... [--dry-run] [--json] [--take-file]`, and
 * the same for `import-shipments` and `import-trade-stats` (one JSON shape for all three).
 * Exit code non-zero only when a file could not be read at all.
 */
import { existsSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { openDatabase } from '../core/db/open';
import { importFiles, type FileReport } from '../core/import/run';
import { importShipments } from '../core/shipments/import';
import { importTradeStats } from '../core/trade/stats';
import { IKM_FIELD_KEYS } from '../../shared/fields';
import type { ImportResult } from '../../shared/import';
import { message, type MessageKey } from '../../shared/messages';
import { SHIPMENT_FIELD_KEYS, TRADE_FIELD_KEYS } from '../../shared/shipments';
import { parseArgs, UsageError } from './args';

/** The JSON shape promised by the import issue, per file. */
function jsonReport(f: FileReport) {
  return {
    file: f.file,
    status: f.status,
    ...(f.message ? { message: f.message } : {}),
    // The refusal's message key (shared/messages.ts): stable for scripts, whatever the wording.
    ...(f.messageKey ? { message_key: f.messageKey.key } : {}),
    // Per column: header, field, confidence and why (issue 11); '' = not imported.
    sheets: f.sheets.map((s) => ({
      name: s.name,
      header_row: s.headerRow,
      columns: s.columns.map((c) => ({
        column: c.column, header: c.header, field: c.field || null,
        ...(c.field ? { confidence: c.confidence ?? 1, source: c.source ?? 'header', why: (c.why ?? []).map((w) => message('id', w.key as MessageKey, w.params)) } : {}),
      })),
    })),
    /** "kolom berisi data yang tidak diimpor": never dropped unseen. */
    unmapped_columns: (f.unmapped ?? []).map((u) => ({ sheet: u.sheet, column: u.column, header: u.header, values: u.values, examples: u.examples })),
    accepted: f.accepted,
    updated: f.updated,
    unchanged: f.unchanged,
    refused: f.refused.map((r) => ({ sheet: r.sheet, row: r.row, ...(r.column ? { column: r.column } : {}), reason: r.reason })),
    warnings: f.warnings.map((r) => ({ sheet: r.sheet, row: r.row, ...(r.column ? { column: r.column } : {}), reason: r.reason })),
    duplicates: f.duplicates,
    // BPS tables: the province each table is stored under, and why (title / chosen / office).
    ...(f.provinces ? { provinces: f.provinces } : {}),
    // Per-field changes to existing records; a conflict (edited by hand after the last import) is kept unless --take-file.
    ...(f.changes ? { changes: f.changes } : {}),
  };
}

export type ImportKind = 'ikm' | 'shipments' | 'trade';

/** The fields a column can be named as, per import (the wizard's mapping lists the same). */
const FIELDS: Record<ImportKind, readonly string[]> = { ikm: IKM_FIELD_KEYS, shipments: SHIPMENT_FIELD_KEYS, trade: TRADE_FIELD_KEYS };
/** The column a table cannot be without: what a file refused for want of it is told to name. */
const KEY_FIELD: Record<ImportKind, string> = { ikm: 'business_name', shipments: 'country_code', trade: 'export_usd' };

/** `--map "Mitra Binaan=business_name"` (repeatable; an empty field ignores the column): the wizard's mapping corrections. */
function mappingOption(values: readonly string[] | undefined, kind: ImportKind): Record<string, string> | undefined {
  if (!values?.length) return undefined;
  const out: Record<string, string> = {};
  for (const v of values) {
    const at = v.lastIndexOf('=');
    const header = v.slice(0, at).trim();
    const field = v.slice(at + 1).trim();
    if (at < 0 || !header) throw new UsageError(`--map harus "<judul kolom>=<field>", misalnya --map "Mitra Binaan=${KEY_FIELD[kind]}", bukan "${v}".`);
    if (field && !FIELDS[kind].includes(field)) throw new UsageError(`--map: field "${field}" tidak dikenal. Pilihan: ${FIELDS[kind].join(', ')} (kosong = kolom tidak diimpor).`);
    out[header] = field;
  }
  return out;
}

export async function runImport(argv: string[], kind: ImportKind = 'ikm'): Promise<number> {
  const a = parseArgs(argv, { db: 'string', district: 'string', province: 'string', map: 'strings', 'dry-run': 'boolean', json: 'boolean', 'take-file': 'boolean' });
  const mapping = mappingOption(a.map, kind);
  if (a._.length === 0) throw new UsageError('Sebutkan berkas yang akan diimpor: npm run cli -- import <berkas>... --db <berkas>');
  if (!a.db) throw new UsageError('Opsi --db <berkas> wajib diisi.');
  if (a.province && !/^\d{2}$/.test(a.province)) throw new UsageError(`--province harus kode BPS 2 angka (misalnya 62), bukan "${a.province}".`);
  if (a.district && !/^\d{4}$/.test(a.district)) throw new UsageError(`--district harus kode BPS 4 angka (misalnya 6208), bukan "${a.district}".`);
  const db = openDatabase(resolve(a.db));
  try {
    const inputs = a._.map((p) => ({ name: basename(p), path: resolve(p), mapping }));
    const opts = { dryRun: a['dry-run'], district: a.district ?? null, takeFile: a['take-file'] };
    let result: ImportResult;
    if (kind === 'ikm') result = await importFiles(db, inputs, opts);
    else if (kind === 'shipments') result = await importShipments(db, inputs, opts);
    else {
      // Trade statistics: each file on its own (a province's BPS table is one file a year).
      const files: FileReport[] = [];
      for (const input of inputs) files.push(...(await importTradeStats(db, input, { ...opts, province: a.province ?? null })).files);
      result = { files, batchId: null, dryRun: Boolean(opts.dryRun), backupPath: null };
    }
    if (a.json) console.log(JSON.stringify({ files: result.files.map(jsonReport), batch: result.batchId, dry_run: result.dryRun }, null, 1));
    else {
      for (const f of result.files) {
        console.log(`${f.file}: ${f.status === 'imported' ? 'diimpor' : 'DITOLAK'}${f.message ? ` — ${f.message}` : ''}`);
        if (f.status === 'imported')
          console.log(`  baru ${f.accepted}, diperbarui ${f.updated}, tidak berubah ${f.unchanged}, ditolak ${f.refused.length}, kemungkinan ganda ${f.duplicates.length}`);
        else if (f.needsMapping)
          // No table found, only a row near one: its columns as read, and how to name the missing one here.
          for (const sh of f.sheets) {
            console.log(`  kolom yang dibaca (lembar ${sh.name}, baris ${sh.headerRow}): ${sh.columns.map((c) => `${c.column} "${c.header}"${c.field ? ` = ${c.field}` : ''}`).join(', ')}`);
            console.log(`  Sebutkan kolomnya dengan --map "<judul kolom>=${KEY_FIELD[kind]}".`);
          }
        const why = { title: 'disebut judul tabel', chosen: '--province', office: 'provinsi kantor' };
        for (const p of f.provinces ?? []) console.log(`  lembar ${p.sheet}: disimpan sebagai data provinsi ${p.code} (${why[p.source]})${p.year ? `, tahun ${p.year} (disebut judul tabel)` : ''}`);
        for (const u of f.unmapped ?? []) console.log(`  kolom berisi data yang tidak diimpor: lembar ${u.sheet}, kolom ${u.column}${u.header ? ` "${u.header}"` : ''} (${u.values} nilai, mis. ${u.examples.join('; ')})`);
        for (const r of f.refused) console.log(`  ditolak: lembar ${r.sheet}, baris ${r.row}${r.column ? `, kolom ${r.column}` : ''}: ${r.reason}`);
        for (const d of f.duplicates) console.log(`  periksa: lembar ${d.sheet}, baris ${d.row}: ${d.reason}`);
        for (const c of f.changes ?? [])
          for (const x of c.fields)
            console.log(
              `  ${x.conflict ? (x.taken ? 'konflik, nilai berkas dipakai' : 'konflik, nilai registri dipertahankan') : 'diubah'}: lembar ${c.sheet}, baris ${c.row}, ${c.business_name}, ${x.field}: ${x.from ?? '(kosong)'} → ${x.to ?? '(kosong)'}` +
                (x.conflict ? ` (diubah oleh ${x.conflict.os_user} pada ${x.conflict.at.slice(0, 10)})` : ''),
            );
        if ((f.changes ?? []).some((c) => c.fields.some((x) => x.conflict && !x.taken))) console.log('  Konflik dipertahankan seperti di registri; pakai --take-file untuk memakai nilai berkas.');
      }
      if (result.dryRun) console.log('Uji coba (--dry-run): tidak ada yang disimpan.');
      else if (result.batchId) console.log(`Impor nomor ${result.batchId}; cadangan basis data: ${result.backupPath ?? '-'}`);
    }
    // Unreadable files (missing, corrupt, not a spreadsheet) make the exit code non-zero.
    const unreadable = result.files.some((f) => f.status === 'refused' && !f.needsDistrict && !f.needsMapping);
    return unreadable || inputs.some((i) => !existsSync(i.path)) ? 1 : 0;
  } finally {
    db.close();
  }
}
