/**
 * A stand-in for Electron's Windows x64 zip (electronDist), so electron-builder can lay out the
 * packaged app here without downloading Electron: electron.exe is a real, tiny PE32+ executable
 * (x64, with a version resource, which electron-builder edits and signs resources into) carrying
 * Electron's fuse wire after the sentinel, as the real one does, so the fuses get flipped too.
 * It cannot run; the packaged main process is run by Node with a stub `electron` (electron-stub.ts).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { NtExecutable, NtExecutableResource, Resource } from 'resedit';

/** @electron/fuses' sentinel; the wire follows it: version 1, length, one byte a fuse. */
export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** Electron 45's defaults, in wire order: RunAsNode, CookieEncryption, NodeOptions, NodeCliInspect, AsarIntegrity, OnlyLoadAppFromAsar, BrowserV8Snapshot, FileProtocolPrivileges, WasmTrapHandlers. */
const DEFAULT_WIRE = '101100011';

export const FUSE_NAMES = ['runAsNode', 'enableCookieEncryption', 'enableNodeOptionsEnvironmentVariable', 'enableNodeCliInspectArguments', 'enableEmbeddedAsarIntegrityValidation', 'onlyLoadAppFromAsar', 'loadBrowserProcessSpecificV8Snapshot', 'grantFileProtocolExtraPrivileges'] as const;

function fakeExe(): Buffer {
  const exe = NtExecutable.createEmpty(false, false);
  const res = NtExecutableResource.from(exe);
  // One language, as Electron's own: electron-builder's asar-integrity step requires exactly one.
  const vi = Resource.VersionInfo.create(1033, {}, [{ lang: 1033, codepage: 1200, values: { ProductName: 'Electron', FileDescription: 'Electron', CompanyName: 'GitHub, Inc.', FileVersion: '45.4.1', ProductVersion: '45.4.1' } }]);
  vi.outputToResourceEntries(res.entries);
  res.outputResource(exe);
  exe.setExtraData(Buffer.concat([Buffer.from(FUSE_SENTINEL, 'latin1'), Buffer.from([1, DEFAULT_WIRE.length]), Buffer.from(DEFAULT_WIRE, 'latin1')]));
  return Buffer.from(exe.generate());
}

/** Writes the stand-in to `dir` (electron.exe, resources/, locales/, version) and returns it. */
export function writeFakeElectronDist(dir: string, version = '45.4.1'): string {
  mkdirSync(join(dir, 'resources'), { recursive: true });
  mkdirSync(join(dir, 'locales'), { recursive: true });
  writeFileSync(join(dir, 'electron.exe'), fakeExe());
  for (const l of ['id', 'en-US', 'de', 'ja']) writeFileSync(join(dir, 'locales', `${l}.pak`), 'stand-in');
  writeFileSync(join(dir, 'version'), version);
  writeFileSync(join(dir, 'LICENSE'), 'stand-in for the Electron zip');
  return dir;
}

/** The fuse wire of a built executable: fuse name → on/off. */
export function readFuses(exe: Buffer): Record<string, boolean> {
  const at = exe.indexOf(FUSE_SENTINEL, 0, 'latin1');
  if (at < 0) throw new Error('no fuse sentinel');
  const len = exe[at + FUSE_SENTINEL.length + 1]!;
  const wire = exe.subarray(at + FUSE_SENTINEL.length + 2, at + FUSE_SENTINEL.length + 2 + len);
  return Object.fromEntries(FUSE_NAMES.map((name, i) => [name, wire[i] === 0x31]));
}
