/**
 * Numbered schema migrations. Append only: an applied migration is recorded with a checksum of
 * its SQL, and editing it afterwards makes the app refuse the database rather than guess.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Kemenperin scale (Permenperin 64/2016), kept in SQL so it is computed, never typed in. */
const SCALE_SQL = `CASE
  WHEN workers_total IS NULL OR investment_idr IS NULL THEN NULL
  WHEN workers_total <= 19 AND investment_idr < 1000000000 THEN 'kecil'
  WHEN workers_total <= 19 THEN 'menengah'
  WHEN investment_idr <= 15000000000 THEN 'menengah'
  ELSE 'besar' END`;

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'registry',
    sql: `
CREATE TABLE province (
  code TEXT PRIMARY KEY CHECK (length(code) = 2),
  name TEXT NOT NULL
);
CREATE TABLE district (
  code TEXT PRIMARY KEY CHECK (length(code) = 4),
  province_code TEXT NOT NULL REFERENCES province(code),
  type TEXT NOT NULL CHECK (type IN ('Kabupaten','Kota')),
  name TEXT NOT NULL,
  variants TEXT NOT NULL DEFAULT ''
);
CREATE TABLE ikm (
  id INTEGER PRIMARY KEY,
  nib TEXT CHECK (nib IS NULL OR (length(nib) = 13 AND nib NOT GLOB '*[^0-9]*')),
  business_name TEXT NOT NULL CHECK (length(trim(business_name)) > 0),
  owner_name TEXT,
  district_code TEXT NOT NULL REFERENCES district(code),
  address TEXT,
  commodity TEXT,
  kbli TEXT CHECK (kbli IS NULL OR (length(kbli) = 5 AND kbli NOT GLOB '*[^0-9]*')),
  workers_male INTEGER CHECK (workers_male >= 0),
  workers_female INTEGER CHECK (workers_female >= 0),
  workers_total INTEGER CHECK (workers_total >= 0),
  investment_idr INTEGER CHECK (investment_idr >= 0),
  production_value_idr INTEGER CHECK (production_value_idr >= 0),
  year_established INTEGER,
  phone TEXT,
  kecamatan TEXT,
  desa TEXT,
  email TEXT,
  business_form TEXT,
  capacity_value REAL CHECK (capacity_value >= 0),
  capacity_unit TEXT,
  raw_material_value_idr INTEGER CHECK (raw_material_value_idr >= 0),
  scale TEXT GENERATED ALWAYS AS (${SCALE_SQL}) VIRTUAL,
  search_text TEXT NOT NULL DEFAULT '',
  name_key TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
);
CREATE UNIQUE INDEX ikm_nib_active ON ikm(nib) WHERE nib IS NOT NULL AND deleted_at IS NULL;
-- Narrow indexes over active rows: paging skips over index entries, not wide rows, and the
-- footer's count and sums are read from an index that covers them (also per district).
CREATE INDEX ikm_active_id ON ikm(id) WHERE deleted_at IS NULL;
CREATE INDEX ikm_district_sums ON ikm(district_code, workers_male, workers_female, workers_total, investment_idr,
  production_value_idr) WHERE deleted_at IS NULL;
CREATE INDEX ikm_name_key ON ikm(name_key, district_code) WHERE deleted_at IS NULL;
CREATE INDEX ikm_business_name ON ikm(business_name COLLATE NOCASE) WHERE deleted_at IS NULL;
CREATE INDEX ikm_commodity ON ikm(commodity COLLATE NOCASE) WHERE deleted_at IS NULL;
CREATE INDEX ikm_kbli ON ikm(kbli) WHERE deleted_at IS NULL;
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  ikm_id INTEGER NOT NULL REFERENCES ikm(id),
  action TEXT NOT NULL CHECK (action IN ('create','update','delete','restore','import')),
  field TEXT,
  old_value TEXT,
  new_value TEXT,
  at TEXT NOT NULL,
  os_user TEXT NOT NULL,
  batch_id INTEGER
);
CREATE INDEX audit_log_ikm ON audit_log(ikm_id, id);
CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
`,
  },
  {
    version: 2,
    name: 'import-batches',
    sql: `
CREATE TABLE import_batch (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  os_user TEXT NOT NULL,
  files TEXT NOT NULL,
  inserted INTEGER NOT NULL,
  updated INTEGER NOT NULL,
  unchanged INTEGER NOT NULL,
  refused INTEGER NOT NULL,
  backup_path TEXT,
  undone_at TEXT
);
CREATE INDEX audit_log_batch ON audit_log(batch_id, id) WHERE batch_id IS NOT NULL;
`,
  },
  {
    version: 3,
    name: 'sort-indexes',
    // The grid sorts numbers with empty values last: these expression indexes match that ORDER BY,
    // so a sorted million-row view pages over an index instead of sorting the table each time.
    sql: `
CREATE INDEX ikm_sort_investment ON ikm((investment_idr IS NULL), investment_idr) WHERE deleted_at IS NULL;
CREATE INDEX ikm_sort_production ON ikm((production_value_idr IS NULL), production_value_idr) WHERE deleted_at IS NULL;
CREATE INDEX ikm_sort_workers ON ikm((workers_total IS NULL), workers_total) WHERE deleted_at IS NULL;
CREATE INDEX ikm_sort_year ON ikm((year_established IS NULL), year_established) WHERE deleted_at IS NULL;
`,
  },
  {
    version: 4,
    name: 'shipments-trade',
    // Export shipments (one PEB line each) and the province's trade statistics. A shipment's
    // identity (PEB + HS + country, or its date/exporter/HS/country/amounts without a PEB) makes a
    // re-imported file change nothing; import batches say what they imported.
    sql: `
CREATE TABLE shipment (
  id INTEGER PRIMARY KEY,
  date TEXT NOT NULL CHECK (date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  exporter_nib TEXT CHECK (exporter_nib IS NULL OR (length(exporter_nib) = 13 AND exporter_nib NOT GLOB '*[^0-9]*')),
  exporter_name TEXT NOT NULL CHECK (length(trim(exporter_name)) > 0),
  ikm_id INTEGER REFERENCES ikm(id),
  district_code TEXT REFERENCES district(code),
  product TEXT,
  hs_code TEXT CHECK (hs_code IS NULL OR (length(hs_code) BETWEEN 4 AND 10 AND hs_code NOT GLOB '*[^0-9]*')),
  country_code TEXT NOT NULL CHECK (length(country_code) = 2),
  quantity REAL CHECK (quantity >= 0),
  unit TEXT,
  net_weight_kg REAL CHECK (net_weight_kg >= 0),
  fob_usd REAL CHECK (fob_usd >= 0),
  port TEXT,
  peb_number TEXT,
  peb_date TEXT CHECK (peb_date IS NULL OR peb_date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  coo_form TEXT,
  identity TEXT NOT NULL,
  search_text TEXT NOT NULL DEFAULT '',
  batch_id INTEGER REFERENCES import_batch(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
);
CREATE UNIQUE INDEX shipment_identity ON shipment(identity) WHERE deleted_at IS NULL;
CREATE INDEX shipment_date ON shipment(date, country_code, fob_usd, net_weight_kg) WHERE deleted_at IS NULL;
CREATE INDEX shipment_country ON shipment(country_code, date) WHERE deleted_at IS NULL;
CREATE INDEX shipment_district ON shipment(district_code, date) WHERE deleted_at IS NULL;
CREATE INDEX shipment_hs ON shipment(hs_code, date) WHERE deleted_at IS NULL;
CREATE INDEX shipment_exporter ON shipment(exporter_nib) WHERE exporter_nib IS NOT NULL;
CREATE INDEX shipment_ikm ON shipment(ikm_id) WHERE ikm_id IS NOT NULL;
CREATE TABLE shipment_audit (
  id INTEGER PRIMARY KEY,
  shipment_id INTEGER NOT NULL REFERENCES shipment(id),
  action TEXT NOT NULL CHECK (action IN ('create','update','delete','restore','import')),
  field TEXT,
  old_value TEXT,
  new_value TEXT,
  at TEXT NOT NULL,
  os_user TEXT NOT NULL,
  batch_id INTEGER
);
CREATE INDEX shipment_audit_shipment ON shipment_audit(shipment_id, id);
CREATE INDEX shipment_audit_batch ON shipment_audit(batch_id, id) WHERE batch_id IS NOT NULL;
ALTER TABLE import_batch ADD COLUMN kind TEXT NOT NULL DEFAULT 'ikm' CHECK (kind IN ('ikm','shipment','trade'));
CREATE TABLE trade_stat (
  year INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 2200),
  month INTEGER NOT NULL CHECK (month BETWEEN 0 AND 12),
  export_usd REAL CHECK (export_usd >= 0),
  import_usd REAL CHECK (import_usd >= 0),
  source TEXT,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (year, month)
) WITHOUT ROWID;
`,
  },
  {
    version: 5,
    name: 'goekspor',
    // Go Ekspor: featured products per governor's decree, legality and certificates with the date
    // each step started, program activities and attendance, the pipeline stage per IKM, and one
    // audit table for all of it (stage moves included).
    sql: `
CREATE TABLE ge_decree (
  id INTEGER PRIMARY KEY,
  number TEXT NOT NULL CHECK (length(trim(number)) > 0),
  date TEXT NOT NULL CHECK (date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  province_code TEXT NOT NULL REFERENCES province(code),
  title TEXT,
  created_at TEXT NOT NULL,
  deleted_at TEXT
);
CREATE UNIQUE INDEX ge_decree_number ON ge_decree(number) WHERE deleted_at IS NULL;
CREATE TABLE ge_featured (
  id INTEGER PRIMARY KEY,
  decree_id INTEGER NOT NULL REFERENCES ge_decree(id),
  ikm_id INTEGER NOT NULL REFERENCES ikm(id),
  product TEXT NOT NULL CHECK (length(trim(product)) > 0),
  commodity TEXT,
  created_at TEXT NOT NULL,
  deleted_at TEXT
);
CREATE INDEX ge_featured_ikm ON ge_featured(ikm_id) WHERE deleted_at IS NULL;
CREATE INDEX ge_featured_decree ON ge_featured(decree_id) WHERE deleted_at IS NULL;
CREATE TABLE ge_certificate (
  id INTEGER PRIMARY KEY,
  ikm_id INTEGER NOT NULL REFERENCES ikm(id),
  type TEXT NOT NULL CHECK (type IN ('nib','pirt','bpom_md','bpom_ml','halal','sni','merek','lainnya')),
  label TEXT,
  number TEXT,
  issued_on TEXT CHECK (issued_on IS NULL OR issued_on GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  expires_on TEXT CHECK (expires_on IS NULL OR expires_on GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  status TEXT NOT NULL CHECK (status IN ('belum','proses','terbit','kedaluwarsa')),
  status_since TEXT NOT NULL CHECK (status_since GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  notes TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
);
CREATE INDEX ge_certificate_ikm ON ge_certificate(ikm_id, type) WHERE deleted_at IS NULL;
CREATE INDEX ge_certificate_status ON ge_certificate(status, type) WHERE deleted_at IS NULL;
CREATE TABLE ge_certificate_step (
  id INTEGER PRIMARY KEY,
  certificate_id INTEGER NOT NULL REFERENCES ge_certificate(id),
  status TEXT NOT NULL CHECK (status IN ('belum','proses','terbit','kedaluwarsa')),
  started_on TEXT NOT NULL,
  at TEXT NOT NULL,
  os_user TEXT NOT NULL
);
CREATE INDEX ge_certificate_step_cert ON ge_certificate_step(certificate_id, id);
CREATE TABLE ge_activity (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('sosialisasi','pelatihan','pendampingan','pameran','temu_bisnis')),
  title TEXT NOT NULL CHECK (length(trim(title)) > 0),
  date TEXT NOT NULL CHECK (date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  place TEXT,
  organiser TEXT,
  created_at TEXT NOT NULL,
  deleted_at TEXT
);
CREATE TABLE ge_participant (
  activity_id INTEGER NOT NULL REFERENCES ge_activity(id),
  ikm_id INTEGER NOT NULL REFERENCES ikm(id),
  attended INTEGER NOT NULL DEFAULT 1 CHECK (attended IN (0, 1)),
  note TEXT,
  PRIMARY KEY (activity_id, ikm_id)
) WITHOUT ROWID;
CREATE INDEX ge_participant_ikm ON ge_participant(ikm_id, attended);
CREATE TABLE ge_stage (
  ikm_id INTEGER PRIMARY KEY REFERENCES ikm(id),
  stage TEXT NOT NULL CHECK (stage IN ('terdaftar','legalitas','sertifikasi','pendampingan','pameran','ekspor')),
  since TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX ge_stage_stage ON ge_stage(stage);
CREATE TABLE ge_audit (
  id INTEGER PRIMARY KEY,
  ikm_id INTEGER REFERENCES ikm(id),
  entity TEXT NOT NULL CHECK (entity IN ('stage','decree','featured','certificate','activity','participant')),
  entity_id INTEGER,
  action TEXT NOT NULL CHECK (action IN ('create','update','delete','move','import')),
  field TEXT,
  old_value TEXT,
  new_value TEXT,
  note TEXT,
  at TEXT NOT NULL,
  os_user TEXT NOT NULL
);
CREATE INDEX ge_audit_ikm ON ge_audit(ikm_id, id);
`,
  },
  {
    version: 6,
    name: 'change-log-trade-province-demo',
    // One audit table for the writes that have no audit of their own (trade figures, settings —
    // letterhead, signer, Go Ekspor limits, saved mappings, preferences —, demo data): old and new
    // value as JSON, with the OS user. Trade figures get their province: the rows typed before
    // this are the office's own, so they go to the province named in the saved letterhead's
    // government line, else Kalimantan Tengah (the default letterhead's, which they printed
    // under until now). demo_range records which ids the demo created, so "Hapus data contoh"
    // removes exactly those.
    sql: `
CREATE TABLE change_log (
  id INTEGER PRIMARY KEY,
  entity TEXT NOT NULL CHECK (entity IN ('trade_stat','setting','demo')),
  key TEXT NOT NULL,
  action TEXT NOT NULL CHECK (action IN ('create','update','delete','import','restore')),
  old_value TEXT,
  new_value TEXT,
  at TEXT NOT NULL,
  os_user TEXT NOT NULL,
  batch_id INTEGER
);
CREATE INDEX change_log_entity ON change_log(entity, key, id);
CREATE TABLE trade_stat_by_province (
  province_code TEXT NOT NULL REFERENCES province(code),
  year INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 2200),
  month INTEGER NOT NULL CHECK (month BETWEEN 0 AND 12),
  export_usd REAL CHECK (export_usd >= 0),
  import_usd REAL CHECK (import_usd >= 0),
  source TEXT,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (province_code, year, month)
) WITHOUT ROWID;
INSERT INTO trade_stat_by_province (province_code, year, month, export_usd, import_usd, source, updated_at)
  SELECT coalesce((SELECT p.code FROM province p JOIN settings s ON s.key = 'report.letterhead'
                   WHERE instr(upper(coalesce(json_extract(s.value, '$.government'), '')), upper(p.name)) > 0
                   ORDER BY length(p.name) DESC LIMIT 1), '62'),
         year, month, export_usd, import_usd, source, updated_at
  FROM trade_stat;
DROP TABLE trade_stat;
ALTER TABLE trade_stat_by_province RENAME TO trade_stat;
CREATE TABLE demo_range (
  entity TEXT PRIMARY KEY CHECK (entity IN ('ikm','shipment','ge_decree','ge_featured','ge_certificate','ge_activity')),
  first_id INTEGER NOT NULL,
  last_id INTEGER NOT NULL,
  at TEXT NOT NULL,
  removed_at TEXT
);
`,
  },
  {
    version: 7,
    name: 'import-provenance',
    // Where a record's values came from: for each import batch that created or changed it, the
    // file, sheet and worksheet row (the detail panel shows the latest batch not undone). A table
    // of its own, so undoing a batch leaves the record's earlier provenance as it was.
    sql: `
CREATE TABLE import_source (
  ikm_id INTEGER NOT NULL REFERENCES ikm(id),
  batch_id INTEGER NOT NULL REFERENCES import_batch(id),
  file TEXT NOT NULL,
  sheet TEXT NOT NULL,
  row INTEGER NOT NULL,
  PRIMARY KEY (ikm_id, batch_id)
) WITHOUT ROWID;
`,
  },
  {
    version: 8,
    name: 'import-batch-every-kind',
    // Go Ekspor lists are import batches too (history, backup, undo): the kind may be 'goekspor',
    // and ge_audit rows name the batch that wrote them. SQLite cannot change a CHECK in place: the
    // table is copied, dropped and made again under its own name (so the shipments' and
    // import_source's references to it stay as they are); the foreign keys are checked at commit,
    // when every batch is back.
    sql: `
PRAGMA defer_foreign_keys = ON;
CREATE TEMP TABLE import_batch_copy AS SELECT * FROM import_batch;
DROP TABLE import_batch;
CREATE TABLE import_batch (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  os_user TEXT NOT NULL,
  files TEXT NOT NULL,
  inserted INTEGER NOT NULL,
  updated INTEGER NOT NULL,
  unchanged INTEGER NOT NULL,
  refused INTEGER NOT NULL,
  backup_path TEXT,
  undone_at TEXT,
  kind TEXT NOT NULL DEFAULT 'ikm' CHECK (kind IN ('ikm','shipment','trade','goekspor'))
);
INSERT INTO import_batch (id, at, os_user, files, inserted, updated, unchanged, refused, backup_path, undone_at, kind)
  SELECT id, at, os_user, files, inserted, updated, unchanged, refused, backup_path, undone_at, kind FROM import_batch_copy;
DROP TABLE import_batch_copy;
ALTER TABLE ge_audit ADD COLUMN batch_id INTEGER;
CREATE INDEX ge_audit_batch ON ge_audit(batch_id, id) WHERE batch_id IS NOT NULL;
`,
  },
  {
    version: 9,
    name: 'shipment-import-source',
    // Where a shipment's values came from, as import_source is for IKM: for each import batch that
    // created or changed it, the file, sheet and worksheet row (the detail panel shows the latest
    // batch not undone). A table of its own, so undoing a batch leaves the earlier origin as it was.
    sql: `
CREATE TABLE shipment_source (
  shipment_id INTEGER NOT NULL REFERENCES shipment(id),
  batch_id INTEGER NOT NULL REFERENCES import_batch(id),
  file TEXT NOT NULL,
  sheet TEXT NOT NULL,
  row INTEGER NOT NULL,
  PRIMARY KEY (shipment_id, batch_id)
) WITHOUT ROWID;
`,
  },
];
