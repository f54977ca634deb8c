/**
 * The registry a host (the app, the browser host) has open: its connection, which a restore
 * replaces. Handlers receive `session.db` afresh with every request, so after a restore every
 * screen reads the restored file.
 */
import { checkBackupFile } from '../backup/backups';
import { damagedMessage, openDatabase, openedFile, type DB, type OpenOptions } from './open';

export class RegistrySession {
  private current: DB;
  /** The background quick_check of a large file while it runs (writes wait for it). */
  checking: Promise<void> | null = null;
  /** Why the file was found damaged by that check (every request but the backups' is refused). */
  damaged: string | null = null;

  constructor(
    /** Null for an in-memory or already-open database given by a caller (tests). */
    private readonly opts: OpenOptions | null,
    db: DB,
  ) {
    this.current = db;
    this.startCheck();
  }

  /** A large file's quick_check runs in a worker after opening (openDatabase's check 'auto'). */
  private startCheck(): void {
    this.damaged = null;
    const f = openedFile(this.current);
    if (!f.checkPending) return;
    this.checking = checkBackupFile(this.current.name, 'live').then((r) => {
      if (!r.ok) this.damaged = damagedMessage(f.path, r.problems);
      this.checking = null;
    });
  }

  static open(path: string, opts: OpenOptions = {}): RegistrySession {
    return new RegistrySession(opts, openDatabase(path, opts));
  }

  /** A session around a connection opened elsewhere; reopening uses openDatabase's defaults. */
  static of(db: DB): RegistrySession {
    return new RegistrySession(null, db);
  }

  get db(): DB {
    return this.current;
  }

  get path(): string {
    return openedFile(this.current).path;
  }

  /** Closes the connection, lets `change` replace the file, and opens it again (also if `change` fails). */
  async replaceFile<T>(change: () => Promise<T> | T, check: 'quick' | 'none' = 'quick'): Promise<T> {
    const path = this.path;
    this.current.close();
    try {
      return await change();
    } finally {
      this.current = openDatabase(path, { ...(this.opts ?? {}), check });
      this.startCheck();
    }
  }
}
