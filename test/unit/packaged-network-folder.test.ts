import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/open';
import { linuxNetworkMount, networkFolder, parseNetUse, uncShare } from '../../electron/core/db/network-folder';
import { tempDir } from './helpers';

// `net use` on an Indonesian Windows 11 (column titles localised, the drive lines are not).
const NET_USE_ID = `Koneksi baru akan diingat.


Status       Lokal     Jarak Jauh                Jaringan

-------------------------------------------------------------------------------
OK           H:        \\\\fs01\\profil$\\budi      Microsoft Windows Network
Tidak Tersedia Z:      \\\\nas\\disperindag        Microsoft Windows Network
OK                     \\\\nas\\IPC$                Microsoft Windows Network
Perintah berhasil diselesaikan.
`;

describe('database on a network folder', () => {
  it('recognises UNC paths, not the local \\\\?\\ and \\\\.\\ prefixes', () => {
    expect(uncShare('\\\\fs01\\profil$\\budi\\AppData\\Roaming\\Pangkalan IKM\\pangkalan-ikm.db')).toBe('\\\\fs01\\profil$');
    expect(uncShare('//nas/disperindag/ikm.db')).toBe('\\\\nas\\disperindag');
    expect(uncShare('\\\\?\\UNC\\nas\\data\\ikm.db')).toBe('\\\\nas\\data');
    expect(uncShare('\\\\?\\C:\\Users\\budi\\ikm.db')).toBeNull();
    expect(uncShare('\\\\.\\C:\\ikm.db')).toBeNull();
    expect(uncShare('C:\\Users\\budi\\AppData\\Roaming\\Pangkalan IKM\\pangkalan-ikm.db')).toBeNull();
  });

  it('reads mapped drives from net use, whatever its language', () => {
    expect([...parseNetUse(NET_USE_ID)]).toEqual([
      ['H', '\\\\fs01\\profil$\\budi'],
      ['Z', '\\\\nas\\disperindag'],
    ]);
  });

  it('on Windows: a redirected %APPDATA% (UNC), a mapped drive, a local disk', () => {
    const netUse = () => NET_USE_ID;
    const win = { platform: 'win32' as const, netUse };
    expect(networkFolder('\\\\fs01\\profil$\\budi\\AppData\\Roaming\\Pangkalan IKM\\pangkalan-ikm.db', win)).toEqual({ share: '\\\\fs01\\profil$' });
    expect(networkFolder('h:\\AppData\\Roaming\\Pangkalan IKM\\pangkalan-ikm.db', win)).toEqual({ share: 'H: → \\\\fs01\\profil$\\budi' });
    expect(networkFolder('C:\\Users\\budi\\AppData\\Roaming\\Pangkalan IKM\\pangkalan-ikm.db', win)).toBeNull();
    // No network client (net use fails): a drive letter is taken as local.
    expect(networkFolder('Z:\\ikm.db', { platform: 'win32', netUse: () => { throw new Error('System error 1222'); } })).toBeNull();
  });

  it('on Linux: the longest mount point holding the path decides', () => {
    const mounts = ['/dev/sda1 / ext4 rw 0 0', '//nas/data /mnt/nas cifs rw 0 0', 'fs01:/home /home nfs4 rw 0 0', '/dev/sdb1 /home/budi/lokal ext4 rw 0 0'].join('\n');
    expect(linuxNetworkMount('/mnt/nas/ikm/pangkalan.db', mounts)).toEqual({ share: '//nas/data (cifs)' });
    expect(linuxNetworkMount('/home/budi/.config/x.db', mounts)).toEqual({ share: 'fs01:/home (nfs4)' });
    expect(linuxNetworkMount('/home/budi/lokal/x.db', mounts)).toBeNull();
    expect(linuxNetworkMount('/mnt/nasx/y.db', mounts)).toBeNull();
    expect(networkFolder(join(tempDir(), 'x.db'))).toBeNull(); // this machine's temp folder is local
  });

  it('a rollback journal instead of WAL when asked', () => {
    const db = openDatabase(join(tempDir(), 'r.db'), { rollbackJournal: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('delete');
    db.close();
  });
});
