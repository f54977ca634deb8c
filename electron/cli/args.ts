/** Minimal, strict argument parsing for the CLI and the browser host: unknown flags are errors. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export class UsageError extends Error {}

type Spec = Record<string, 'string' | 'number' | 'boolean' | 'strings'>;
type Parsed<S extends Spec> = {
  [K in keyof S]?: S[K] extends 'number' ? number : S[K] extends 'boolean' ? boolean : S[K] extends 'strings' ? string[] : string;
} & { _: string[] };

export function parseArgs<S extends Spec>(argv: string[], spec: S): Parsed<S> {
  const out: Record<string, unknown> = { _: [] as string[] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('--')) {
      (out._ as string[]).push(a);
      continue;
    }
    const [name, inline] = a.slice(2).split('=', 2) as [string, string | undefined];
    const kind = spec[name];
    if (!kind) throw new UsageError(`Opsi tidak dikenal: --${name}`);
    if (kind === 'boolean') {
      out[name] = true;
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined || value.startsWith('--')) throw new UsageError(`Opsi --${name} memerlukan nilai.`);
    if (kind === 'number') {
      const n = Number(value);
      if (!Number.isInteger(n) || n < 0) throw new UsageError(`Opsi --${name} harus bilangan bulat positif, bukan "${value}".`);
      out[name] = n;
    } else if (kind === 'strings') {
      out[name] = [...((out[name] as string[]) ?? []), value];
    } else out[name] = value;
  }
  return out as Parsed<S>;
}

export function appVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../package.json'), 'utf8')) as { version: string };
    return pkg.version;
  } catch {
    return '0.0.0';
  }
}
