/**
 * The reference areas (provinces and districts of the five Kalimantan provinces), read from
 * resources/wilayah_kalimantan.csv and kept in the database so districts are foreign keys.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { DistrictResolver, type District, type Province } from '../../../shared/areas';
import { resourcesDir } from '../paths';

type DB = Database.Database;

export function readAreasCsv(dir?: string): { text: string; districts: District[]; provinces: Province[] } {
  const text = readFileSync(join(resourcesDir(dir), 'wilayah_kalimantan.csv'), 'utf8');
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/).filter((l) => l.trim() !== '');
  const header = lines.shift()?.split(',') ?? [];
  const col = (name: string) => header.indexOf(name);
  const districts: District[] = [];
  const provinces = new Map<string, Province>();
  for (const line of lines) {
    const c = line.split(',');
    const get = (name: string) => (c[col(name)] ?? '').trim();
    const d: District = {
      code: get('code'),
      provinceCode: get('province_code'),
      province: get('province'),
      type: get('type') === 'Kota' ? 'Kota' : 'Kabupaten',
      name: get('name'),
      variants: get('common_variants').split(/[;|]/).map((v) => v.trim()).filter(Boolean),
    };
    districts.push(d);
    provinces.set(d.provinceCode, { code: d.provinceCode, name: d.province });
  }
  return { text, districts, provinces: [...provinces.values()].sort((a, b) => a.code.localeCompare(b.code)) };
}

/** Upserts the shipped areas when the CSV changed since the last open (cheap on every start). */
export function syncReferenceAreas(db: DB, dir?: string): void {
  const { text, districts, provinces } = readAreasCsv(dir);
  const hash = createHash('sha256').update(text).digest('hex');
  const stored = db.prepare(`SELECT value FROM settings WHERE key = 'reference.areas.hash'`).get() as { value: string } | undefined;
  if (stored && JSON.parse(stored.value) === hash) return;
  const upP = db.prepare('INSERT INTO province (code, name) VALUES (?, ?) ON CONFLICT(code) DO UPDATE SET name = excluded.name');
  const upD = db.prepare(`INSERT INTO district (code, province_code, type, name, variants) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT(code) DO UPDATE SET province_code = excluded.province_code, type = excluded.type,
    name = excluded.name, variants = excluded.variants`);
  db.transaction(() => {
    for (const p of provinces) upP.run(p.code, p.name);
    for (const d of districts) upD.run(d.code, d.provinceCode, d.type, d.name, d.variants.join(';'));
    db.prepare(`INSERT INTO settings (key, value) VALUES ('reference.areas.hash', ?)
      ON CONFLICT(key) DO UPDATE SET value = excluded.value`).run(JSON.stringify(hash));
  })();
}

export function loadAreas(db: DB): { provinces: Province[]; districts: District[] } {
  const provinces = db.prepare('SELECT code, name FROM province ORDER BY code').all() as Province[];
  const names = new Map(provinces.map((p) => [p.code, p.name]));
  const rows = db.prepare('SELECT code, province_code, type, name, variants FROM district ORDER BY code').all() as {
    code: string;
    province_code: string;
    type: 'Kabupaten' | 'Kota';
    name: string;
    variants: string;
  }[];
  const districts = rows.map((r) => ({
    code: r.code,
    provinceCode: r.province_code,
    province: names.get(r.province_code) ?? '',
    type: r.type,
    name: r.name,
    variants: r.variants.split(';').filter(Boolean),
  }));
  return { provinces, districts };
}

const resolvers = new WeakMap<DB, DistrictResolver>();
export function districtResolver(db: DB): DistrictResolver {
  let r = resolvers.get(db);
  if (!r) {
    r = new DistrictResolver(loadAreas(db).districts);
    resolvers.set(db, r);
  }
  return r;
}
