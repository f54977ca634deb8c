/**
 * `npm run docs:reports`: prints every report of a demo database (3,000 IKM, 2,000 shipments,
 * BPS-like trade figures) to PDF with Chromium and renders page 1 to docs/laporan/<name>.png and
 * the chart appendix (the last page) to docs/laporan/<name>-lampiran.png (pdftoppm) — the
 * pictures in the README, and the pages to look at after changing a report.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../electron/core/db/open';
import { chromiumPrinter } from '../electron/core/reports/print-chromium';
import { reportPdf } from '../electron/core/reports/service';
import { seedDemoWorld } from '../electron/core/seed/world';
import { REPORT_NAMES } from '../shared/reports';

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'pangkalan-docs-'));
  const db = openDatabase(join(dir, 'demo.db'));
  seedDemoWorld(db, 3000, 2000);
  mkdirSync('docs/laporan', { recursive: true });
  const printer = chromiumPrinter();
  try {
    for (const name of REPORT_NAMES) {
      const pdf = join(dir, `${name}.pdf`);
      writeFileSync(pdf, await reportPdf(db, name, name === 'neraca-perdagangan' ? {} : { province: '62' }, printer));
      execFileSync('pdftoppm', ['-f', '1', '-l', '1', '-r', '70', '-png', '-singlefile', pdf, join('docs/laporan', name)]);
      console.error(`docs/laporan/${name}.png`);
      const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
      if (pages > 1 && name !== 'daftar-ikm') {
        execFileSync('pdftoppm', ['-f', String(pages), '-l', String(pages), '-r', '70', '-png', '-singlefile', pdf, join('docs/laporan', `${name}-lampiran`)]);
        console.error(`docs/laporan/${name}-lampiran.png`);
      }
    }
  } finally {
    await printer.close();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
void main();
