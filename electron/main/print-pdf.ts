/**
 * PDF printing in the app: the report's HTML in a hidden, sandboxed window without JavaScript,
 * printed by Electron's printToPDF with the same page size and footer as the CLI's Chromium.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BrowserWindow } from 'electron';
import { pdfFooter } from '../core/reports/html';

export async function printPdf(html: string, opts: { title: string }): Promise<Buffer> {
  // A file, not a data: URL: a 5,000-row list is larger than data: URLs may be.
  const dir = mkdtempSync(join(tmpdir(), 'pangkalan-pdf-'));
  const file = join(dir, 'laporan.html');
  writeFileSync(file, html);
  const win = new BrowserWindow({ show: false, webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false } });
  try {
    await win.loadFile(file);
    return await win.webContents.printToPDF({
      landscape: true,
      pageSize: 'A4',
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: pdfFooter(opts.title),
      margins: { top: 0.47, bottom: 0.55, left: 0.47, right: 0.47 },
    });
  } finally {
    win.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}
