/**
 * PDF printing in the app: the report's HTML served once at app://pangkalan/print/<id> (its own
 * CSP: inline styles and data: images only) to a hidden, sandboxed window without JavaScript,
 * printed by Electron's printToPDF with the same page size and footer as the CLI's Chromium.
 */
import { BrowserWindow } from 'electron';
import { pdfFooter } from '../core/reports/html';
import { addPrintPage } from './security';

export async function printPdf(html: string, opts: { title: string }): Promise<Buffer> {
  // Served, not a data: URL: a 5,000-row list is larger than data: URLs may be.
  const page = addPrintPage(html);
  const win = new BrowserWindow({ show: false, webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false } });
  try {
    await win.loadURL(page.url);
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
    page.remove();
  }
}
