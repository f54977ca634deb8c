/**
 * The registry's file under the probe's unlucky cases (issue 13), each reproduced on a real file:
 * bytes flipped in a copy, a stale -wal after a manual restore, the file deleted or replaced while
 * the app runs, a read-only file or folder (as a non-root user), a backup that cannot finish, a
 * full disk (a 2 MB tmpfs, where the machine allows mounting one).
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, statfsSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, unlinkSync, writeFileSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../electron/core/api/dispatch';
import { createHandlers } from '../../electron/core/api/handlers';
import { backupBeforeMigration, createBackup, dailyBackup, KEEP, listBackups } from '../../electron/core/backup/backups';
import { DatabaseError, openDatabase, openedFile } from '../../electron/core/db/open';
import { RegistrySession } from '../../electron/core/db/session';
import { seedDemo } from '../../electron/core/seed/demo';
import { cli, tempDir } from './helpers';

const TSX = join(process.cwd(), 'node_modules/tsx/dist/cli.mjs');
const count = (db: Database.Database) => (db.prepare('SELECT count(*) AS n FROM ikm WHERE deleted_at IS NULL').get() as { n: number }).n;

function registry(rows = 200) {
  const dir = tempDir();
  const path = join(dir, 'registri.db');
  const db = openDatabase(path);
  seedDemo(db, rows);
  return { dir, path, db };
}

/** Overwrites a few pages in the middle of the file with junk (a bad sector, a bad copy). */
function damage(path: string): void {
  const size = statSync(path).size;
  const fd = openSync(path, 'r+');
  writeSync(fd, Buffer.alloc(4096 * 3, 0xa5), 0, 4096 * 3, Math.floor(size / 4096 / 2) * 4096);
  closeSync(fd);
}

const dispatcher = (session: RegistrySession | Database.Database, dbPath: string) => createDispatcher(session, createHandlers({ dbPath, version: 'test' }));
const firstId = (db: Database.Database) => (db.prepare('SELECT id FROM ikm ORDER BY id LIMIT 1').get() as { id: number }).id;
const edit = (id: number) => ({ changes: [{ id, field: 'commodity' as const, value: `Rotan ${Math.random()}` }] });
const fixture = (name: string) => ({ name, dataBase64: readFileSync(join('test/fixtures', name)).toString('base64'), district: '6202' });

describe('opening a damaged file', () => {
  it('refuses a copy with flipped bytes, says how to restore, and the CLI restores it (damaged file kept)', async () => {
    const { path, db } = registry(3000);
    await createBackup(db, path, 'manual');
    db.close();
    damage(path);
    let err: unknown;
    try {
      openDatabase(path);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(DatabaseError);
    expect((err as DatabaseError).kind).toBe('damaged');
    expect((err as Error).message).toMatch(/rusak/);
    expect((err as Error).message).toMatch(/npm run cli -- restore "manual-\d{8}-\d{6}\.db" --db/);
    const stats = cli('stats', '--db', path);
    expect(stats.status).toBe(1);
    expect(stats.stderr).toMatch(/rusak.*Cara memulihkan/);
    const r = cli('restore', listBackups(path)[0]!.id, '--db', path);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const back = openDatabase(path);
    expect(count(back)).toBe(3000);
    back.close();
    expect(readdirSync(join(path, '..', 'cadangan')).some((f) => /^rusak-\d{8}-\d{6}\.db$/.test(f))).toBe(true);
  }, 60_000);
});

describe('a large file checked in the background (check "auto" above SYNC_CHECK_BYTES)', () => {
  it('reads answer at once, writes wait for the check; damage found refuses all but the backups, and a restore clears it', async () => {
    const { path, db } = registry(3000);
    await createBackup(db, path, 'manual');
    db.close();
    damage(path);
    const session = RegistrySession.open(path, { check: 'background' });
    expect(session.checking).not.toBeNull();
    const dispatch = dispatcher(session, path);
    // Reads answer while the check runs (a read of a damaged page may fail on its own).
    expect(await dispatch('areas.list', {})).toMatchObject({ ok: true });
    const write = await dispatch('ikm.update', edit(1)); // waited for the check, then refused
    expect(write).toMatchObject({ ok: false, error: { code: 'damaged', message: expect.stringMatching(/rusak.*Cara memulihkan/) } });
    expect(await dispatch('ikm.query', { filter: {}, sort: [], offset: 0, limit: 5 })).toMatchObject({ ok: false, error: { code: 'damaged' } });
    expect(await dispatch('app.info', {})).toMatchObject({ ok: true, result: { checking: false, damaged: expect.stringMatching(/rusak/) } });
    const id = listBackups(path)[0]!.id;
    expect(await dispatch('backups.restore', { id })).toMatchObject({ ok: true, result: { ikmCount: 3000, previous: expect.stringMatching(/rusak-/) } });
    expect(await dispatch('app.info', {})).toMatchObject({ ok: true, result: { ikmCount: 3000, damaged: null } });
    expect(await dispatch('ikm.update', edit(firstId(session.db)))).toMatchObject({ ok: true });
    session.db.close();
  }, 60_000);
});

describe('a stale -wal beside a restored file', () => {
  /** A child process writes `rows` and is killed before it closes: its -wal stays behind. */
  const crashWriting = (path: string, rows: number) => {
    const code = `import { openDatabase } from './electron/core/db/open'; import { seedDemo } from './electron/core/seed/demo';
      const db = openDatabase(${JSON.stringify(path)}); db.pragma('wal_autocheckpoint = 0'); seedDemo(db, ${rows}, 7); process.kill(process.pid, 'SIGKILL');`;
    spawnSync(process.execPath, [TSX, '-e', code], { encoding: 'utf8' });
    expect(statSync(`${path}-wal`).size).toBeGreaterThan(100_000);
  };

  it('damages the file when SQLite replays it (reproduced), so it is set aside and the backup opens whole', () => {
    const { dir, path, db } = registry(300);
    db.close();
    const backup = join(dir, 'salinan.db');
    copyFileSync(path, backup);
    const more = openDatabase(path);
    seedDemo(more, 3000, 5);
    more.close();
    crashWriting(path, 2000);
    const wal = readFileSync(`${path}-wal`);
    // By hand: the backup copied over the registry, the old -wal still beside it.
    copyFileSync(backup, path);
    // What SQLite alone does with it: replays the stale -wal onto the backup.
    const raw = new Database(path, { readonly: true });
    const replayed = (() => {
      try {
        return `${raw.pragma('integrity_check', { simple: true })} ${count(raw)}`;
      } catch (e) {
        return (e as Error).message;
      }
    })();
    expect(replayed).not.toMatch(/^ok /);
    raw.close();
    writeFileSync(`${path}-wal`, wal);
    const opened = openDatabase(path);
    expect(opened.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(count(opened)).toBe(300);
    expect(openedFile(opened).notices.join(' ')).toMatch(/disisihkan/);
    opened.close();
    expect(readdirSync(join(dir, 'cadangan')).some((f) => /^wal-disisihkan-.*\.db-wal$/.test(f))).toBe(true);
  }, 60_000);

  it('replays the -wal of a crash of the same file (nothing lost)', () => {
    const { path, db } = registry(300);
    db.close();
    crashWriting(path, 500);
    const opened = openDatabase(path);
    expect(count(opened)).toBe(800);
    expect(openedFile(opened).notices).toEqual([]);
    opened.close();
  }, 60_000);
});

describe('the file deleted, moved or replaced while the app runs', () => {
  it('refuses edits and imports with db_moved instead of writing into an unlinked file', async () => {
    const { dir, path, db } = registry(50);
    const dispatch = dispatcher(db, path);
    const id = firstId(db);
    expect(await dispatch('ikm.update', edit(id))).toMatchObject({ ok: true });
    renameSync(path, join(dir, 'dipindah.db'));
    for (const ext of ['-wal', '-shm']) if (existsSync(path + ext)) renameSync(path + ext, join(dir, `dipindah.db${ext}`));
    const e = await dispatch('ikm.update', edit(id));
    expect(e).toMatchObject({ ok: false, error: { code: 'db_moved' } });
    if (!e.ok) expect(e.error.message).toMatch(/dihapus atau dipindahkan.*Kembalikan berkasnya/);
    const imp = await dispatch('import.commit', { files: [fixture('kotim_2025_libreoffice.xlsx')] });
    expect(imp).toMatchObject({ ok: false, error: { code: 'db_moved' } });
    expect(existsSync(path), 'no new, empty registry at the same path').toBe(false);
    // Deleted outright: the same.
    unlinkSync(join(dir, 'dipindah.db'));
    expect(await dispatch('ikm.update', edit(id))).toMatchObject({ ok: false, error: { code: 'db_moved' } });
    expect((await dispatch('app.info', {})).ok).toBe(true);
    db.close();
  });

  it('refuses writes when another file was put at the path', async () => {
    const { dir, path, db } = registry(50);
    const other = openDatabase(join(dir, 'lain.db'));
    other.close();
    const dispatch = dispatcher(db, path);
    renameSync(join(dir, 'lain.db'), path);
    const e = await dispatch('ikm.update', edit(firstId(db)));
    expect(e).toMatchObject({ ok: false, error: { code: 'db_moved' } });
    if (!e.ok) expect(e.error.message).toMatch(/diganti dengan berkas lain/);
    db.close();
  });

  it('an import whose file disappears while it runs rolls back at commit', async () => {
    const { dir, path, db } = registry(50);
    const dispatch = dispatcher(db, path);
    const pending = dispatch('import.commit', { files: [fixture('kotim_2025_libreoffice.xlsx')] });
    // Once the import holds the write lock, move the file away.
    for (let i = 0; i < 400 && !readdirSync(join(dir, 'cadangan')).some((f) => f.endsWith('.db')); i++) await new Promise((r) => setTimeout(r, 10));
    renameSync(path, join(dir, 'dipindah.db'));
    const r = await pending;
    expect(r).toMatchObject({ ok: false, error: { code: 'db_moved' } });
    expect(existsSync(path)).toBe(false);
    db.close();
  });
});

describe('backups', () => {
  it('a damaged copy never counts: the ten good ones stay', async () => {
    const { path, db } = registry(3000);
    for (let i = 0; i < KEEP; i++) await createBackup(db, path, 'import', { now: new Date(Date.UTC(2026, 0, 1 + i)) });
    db.close();
    const good = listBackups(path).map((b) => b.id);
    expect(good).toHaveLength(KEEP);
    damage(path);
    const raw = new Database(path); // not through openDatabase: its quick_check would refuse the file
    await expect(createBackup(raw, path, 'import')).rejects.toMatchObject({ code: 'backup_failed', message: expect.stringMatching(/pemeriksaan integritas.*cadangan yang lama tetap disimpan/) });
    raw.close();
    expect(listBackups(path).map((b) => b.id)).toEqual(good);
    expect(readdirSync(join(path, '..', 'cadangan')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  }, 60_000);

  it('lists date, size, IKM count and reason; keeps ten; a daily one once a day; one before a migration', async () => {
    const { path, db } = registry(120);
    const day = new Date(2026, 5, 10, 8);
    expect(await dailyBackup(db, path, day)).toMatch(/harian-/);
    expect(await dailyBackup(db, path, new Date(2026, 5, 10, 17))).toBeNull();
    expect(backupBeforeMigration(db, path)).toMatch(/sebelum-migrasi-/);
    const list = listBackups(path);
    expect(list.map((b) => b.reason).sort()).toEqual(['daily', 'migration']);
    for (const b of list) expect(b).toMatchObject({ ikmCount: 120, size: expect.any(Number), at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
    for (let i = 0; i < 12; i++) await createBackup(db, path, 'manual');
    expect(listBackups(path)).toHaveLength(KEEP);
    db.close();
  });

  it('a backup that cannot read the file gives up (no hang), and the next import is not blocked', async () => {
    const { path, db: seeded } = registry(2000);
    seeded.close();
    const blocker = new Database(path);
    blocker.pragma('locking_mode = EXCLUSIVE');
    blocker.exec('BEGIN EXCLUSIVE');
    blocker.prepare('UPDATE ikm SET commodity = commodity').run();
    const reader = new Database(path, { timeout: 0 });
    const t = Date.now();
    await expect(createBackup(reader, path, 'import', { stallMs: 300 })).rejects.toMatchObject({ code: 'backup_failed' });
    expect(Date.now() - t).toBeLessThan(20_000);
    reader.close();
    blocker.exec('COMMIT');
    blocker.close();
    const db = openDatabase(path);
    const dispatch = dispatcher(db, path);
    expect(await dispatch('import.commit', { files: [fixture('kotim_2025_libreoffice.xlsx')] })).toMatchObject({ ok: true });
    db.close();
  }, 60_000);

  it('restores through the contract: current backed up first, WAL handled, app on the restored file', async () => {
    const { path, db } = registry(100);
    const session = RegistrySession.of(db);
    const dispatch = dispatcher(session, path);
    const made = await dispatch('backups.create', {});
    if (!made.ok) throw new Error(made.error.message);
    const id = (made.result as { id: string }).id;
    seedDemo(session.db, 40, 9);
    expect(session.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(await dispatch('app.info', {})).toMatchObject({ ok: true, result: { ikmCount: 140 } });
    const r = await dispatch('backups.restore', { id });
    expect(r).toMatchObject({ ok: true, result: { ikmCount: 100, previous: expect.stringMatching(/sebelum-pemulihan-/) } });
    expect(await dispatch('app.info', {})).toMatchObject({ ok: true, result: { ikmCount: 100 } });
    expect(await dispatch('ikm.update', edit(firstId(session.db)))).toMatchObject({ ok: true });
    const list = await dispatch('backups.list', {});
    if (!list.ok) throw new Error(list.error.message);
    expect((list.result as { backups: { reason: string; ikmCount: number }[] }).backups.find((b) => b.reason === 'restore')?.ikmCount).toBe(140);
    // The browser host has no folder dialog: a copy comes back as a download.
    const copy = await dispatch('backups.copy', { id });
    expect(copy).toMatchObject({ ok: true, result: { name: id, dataBase64: expect.any(String) } });
    expect(await dispatch('backups.restore', { id: '../registri.db' })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await dispatch('backups.restore', { id: 'tidak-ada.db' })).toMatchObject({ ok: false, error: { code: 'backup_failed' } });
    session.db.close();
    const check = new Database(path, { readonly: true });
    expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
    check.close();
  });
});

/** Runs a script as the unprivileged user `nobody` (root ignores file permissions). */
function asNobody(script: string): { status: number | null; stdout: string; stderr: string } {
  return spawnSync('runuser', ['-u', 'nobody', '--', process.execPath, TSX, '-e', script], { encoding: 'utf8', cwd: process.cwd(), timeout: 60_000, env: { ...process.env, HOME: '/tmp' } });
}
const canDropRoot = process.getuid?.() === 0 && spawnSync('runuser', ['-u', 'nobody', '--', 'true']).status === 0;

describe.skipIf(!canDropRoot)('a read-only file or folder (as user nobody)', () => {
  const probe = (path: string) => `
    import { readFileSync } from 'node:fs';
    import { createDispatcher } from './electron/core/api/dispatch';
    import { createHandlers } from './electron/core/api/handlers';
    import { openDatabase } from './electron/core/db/open';
    const db = openDatabase(${JSON.stringify(path)});
    const dispatch = createDispatcher(db, createHandlers({ dbPath: ${JSON.stringify(path)}, version: 't' }));
    const id = db.prepare('SELECT id FROM ikm LIMIT 1').get().id;
    const file = { name: 'k.xlsx', dataBase64: readFileSync('test/fixtures/kotim_2025_libreoffice.xlsx').toString('base64'), district: '6202' };
    (async () => {
      const info = await dispatch('app.info', {});
      const edit = await dispatch('ikm.update', { changes: [{ id, field: 'commodity', value: 'Rotan' }] });
      const t = Date.now();
      const imp = await dispatch('import.commit', { files: [file] });
      const again = await dispatch('import.commit', { files: [file] });
      console.log(JSON.stringify({ info, edit, imp, again, importMs: Date.now() - t }));
      process.exit(0);
    })();`;

  const check = (out: string) => {
    const r = JSON.parse(out) as Record<string, { ok: boolean; result?: { readOnly: string; ikmCount: number }; error?: { code: string; message: string } }> & { importMs: number };
    expect(r.info!.result!.readOnly).toMatch(/tidak dapat ditulisi/);
    expect(r.info!.result!.ikmCount).toBe(30);
    for (const k of ['edit', 'imp', 'again']) {
      expect(r[k], k).toMatchObject({ ok: false, error: { code: 'read_only' } });
      expect(r[k]!.error!.message).toMatch(/hanya-baca/);
      expect(r[k]!.error!.message).not.toMatch(/attempt to write/);
    }
    expect(r.importMs).toBeLessThan(30_000);
  };

  it('chmod 444 file: opens read-only, writes refused with read_only, the import does not hang', () => {
    const { dir, path, db } = registry(30);
    db.close();
    chmodSync(dir, 0o777);
    chmodSync(path, 0o444);
    const r = asNobody(probe(path));
    expect(r.stderr).toBe('');
    check(r.stdout);
    chmodSync(path, 0o644);
  }, 90_000);

  it('a folder nobody may write: read from a snapshot, writes refused the same way', () => {
    const { dir, path, db } = registry(30);
    db.close();
    chmodSync(dir, 0o555);
    const r = asNobody(probe(path));
    chmodSync(dir, 0o755);
    expect(r.stderr).toBe('');
    check(r.stdout);
  }, 90_000);
});

const TMPFS = join('/tmp', `pangkalan-penuh-${process.pid}`);
const canMount = (() => {
  if (process.getuid?.() !== 0) return false;
  mkdirSync(TMPFS, { recursive: true });
  const ok = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', TMPFS]).status === 0;
  if (ok) spawnSync('umount', [TMPFS]);
  rmSync(TMPFS, { recursive: true, force: true });
  return ok;
})();

describe.skipIf(!canMount)('a full disk (2 MB tmpfs)', () => {
  it('answers disk_full in Indonesian, and what was saved stays whole', async () => {
    mkdirSync(TMPFS, { recursive: true });
    spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', TMPFS]);
    try {
      const path = join(TMPFS, 'registri.db');
      const db = openDatabase(path);
      seedDemo(db, 200);
      const dispatch = dispatcher(db, path);
      let full: Awaited<ReturnType<typeof dispatch>> | null = null;
      // The rest of the disk taken by another file, then new records until one does not fit.
      const fs = statfsSync(TMPFS);
      writeFileSync(join(TMPFS, 'lain.bin'), Buffer.alloc(Math.max(0, Number(fs.bavail * fs.bsize) - 48 * 1024)));
      for (let i = 0; i < 5000 && !full; i++) {
        const r = await dispatch('ikm.create', { values: { district_code: '6202', address: `Jl. ${'Panjang '.repeat(55)}${i}` } });
        if (!r.ok) full = r;
      }
      if (full && !full.ok && full.error.code !== 'disk_full') console.log(full.error.message);
      expect(full).toMatchObject({ ok: false, error: { code: 'disk_full' } });
      if (full && !full.ok) expect(full.error.message).toMatch(/Disk penuh/);
      const backup = await dispatch('backups.create', {});
      expect(backup).toMatchObject({ ok: false, error: { code: 'backup_failed' } });
      expect(readdirSync(join(TMPFS, 'cadangan')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      db.close();
    } finally {
      spawnSync('umount', ['-l', TMPFS]);
      rmSync(TMPFS, { recursive: true, force: true });
    }
  }, 60_000);
});
