import { importFiles } from './electron/core/import/run';
import { openDatabase } from './electron/core/db/open';
import { readFileSync } from 'node:fs';
const db = openDatabase('/tmp/mapping-dbg3.db');
await importFiles(db, [{ name: 'k.csv', path: 'test/fixtures/corpus/katingan_peserta_semicolon.csv' }]);
const key = JSON.parse(readFileSync('test/fixtures/corpus/katingan_peserta_semicolon.csv.key.json', 'utf8'));
for (const w of key.records) { const g = db.prepare('SELECT * FROM ikm WHERE business_name = ?').get(w.business_name) as any; for (const [k, v] of Object.entries(w)) if (g?.[k] !== v) console.log(w.business_name, k, v, g?.[k]); }
