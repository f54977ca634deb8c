import { readFileSync, writeFileSync } from 'node:fs';

/** Replaces the text between `<!-- bench:NAME:start -->` and `<!-- bench:NAME:end -->` in README.md. */
export function writeReadmeSection(name: string, table: string): void {
  const start = `<!-- bench:${name}:start -->`;
  const end = `<!-- bench:${name}:end -->`;
  const readme = readFileSync('README.md', 'utf8');
  if (!readme.includes(start) || !readme.includes(end)) return;
  writeFileSync('README.md', readme.replace(new RegExp(`${start}[\\s\\S]*?${end}`), `${start}\n${table}\n${end}`));
  console.error(`README.md diperbarui (${name}).`);
}
