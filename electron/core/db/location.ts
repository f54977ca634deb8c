import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * The database's default place in the user's data folder, as Electron's app.getPath('userData')
 * would give (%APPDATA%\Pangkalan IKM on Windows); PANGKALAN_DB overrides it.
 */
export function defaultDbPath(): string {
  if (process.env.PANGKALAN_DB) return process.env.PANGKALAN_DB;
  const base =
    process.platform === 'win32'
      ? (process.env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'))
      : process.platform === 'darwin'
        ? join(homedir(), 'Library', 'Application Support')
        : (process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'));
  return join(base, 'Pangkalan IKM', 'pangkalan-ikm.db');
}
