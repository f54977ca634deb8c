/**
 * Whether the database lies on a network folder: a UNC path (\\server\share, as a redirected
 * %APPDATA% usually is), a mapped network drive (Z: → \\server\share) or, on Linux, an NFS/SMB
 * mount. SQLite's WAL needs shared memory that a network file system does not give, so such a
 * database is opened with a rollback journal instead (see openDatabase's `rollbackJournal`).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export interface NetworkFolder {
  /** Where the share is: the UNC root, or the drive and what it maps to. */
  share: string;
}

/** \\server\share\… or //server/share/…, but not the local \\?\C:\ and \\.\ device prefixes. */
export function uncShare(path: string): string | null {
  const p = path.replace(/\//g, '\\');
  const long = /^\\\\\?\\UNC\\([^\\]+)\\([^\\]+)/i.exec(p);
  if (long) return `\\\\${long[1]}\\${long[2]}`;
  const m = /^\\\\([^\\?.][^\\]*)\\([^\\]+)/.exec(p);
  return m ? `\\\\${m[1]}\\${m[2]}` : null;
}

/** The mapped drives `net use` lists (its column titles are localised; the lines are not). */
export function parseNetUse(output: string): Map<string, string> {
  const drives = new Map<string, string>();
  for (const line of output.split(/\r?\n/)) {
    const m = /(?:^|\s)([A-Za-z]):\s+(\\\\\S+)/.exec(line);
    if (m) drives.set(m[1]!.toUpperCase(), m[2]!);
  }
  return drives;
}

const NETWORK_FS = /^(nfs4?|cifs|smb3?|smbfs|9p|fuse\.sshfs|afs|ncpfs)$/;

/** The mount a Linux path is on, from /proc/mounts (longest mount point that holds it). */
export function linuxNetworkMount(path: string, mounts: string): NetworkFolder | null {
  let best: { point: string; type: string; source: string } | null = null;
  for (const line of mounts.split('\n')) {
    const [source = '', rawPoint = '', type = ''] = line.split(' ');
    const point = rawPoint.replace(/\\040/g, ' ');
    const inside = point === '/' || path === point || path.startsWith(point.endsWith('/') ? point : `${point}/`);
    if (inside && (!best || point.length > best.point.length)) best = { point, type, source };
  }
  return best && NETWORK_FS.test(best.type) ? { share: `${best.source} (${best.type})` } : null;
}

export interface Probe {
  platform?: NodeJS.Platform;
  /** `net use` output (Windows); read with a 2 s limit when not given. */
  netUse?: () => string;
  /** /proc/mounts (Linux). */
  mounts?: () => string;
}

export function networkFolder(path: string, probe: Probe = {}): NetworkFolder | null {
  const platform = probe.platform ?? process.platform;
  if (path === ':memory:') return null;
  if (platform === 'win32') {
    const unc = uncShare(path);
    if (unc) return { share: unc };
    const drive = /^([A-Za-z]):/.exec(path)?.[1]?.toUpperCase();
    if (!drive) return null;
    let listed = '';
    try {
      listed = (probe.netUse ?? (() => execFileSync('net', ['use'], { encoding: 'utf8', timeout: 2000, windowsHide: true })))();
    } catch {
      return null; // no network client service: no mapped drives either
    }
    const target = parseNetUse(listed).get(drive);
    return target ? { share: `${drive}: → ${target}` } : null;
  }
  if (platform === 'linux') {
    try {
      return linuxNetworkMount(resolve(path), (probe.mounts ?? (() => readFileSync('/proc/mounts', 'utf8')))());
    } catch {
      return null;
    }
  }
  return null;
}
