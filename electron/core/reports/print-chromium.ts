/**
 * PDF printing outside Electron (CLI, browser host, tests): a headless Chromium driven by
 * Playwright. It uses the Chromium on this machine — PANGKALAN_CHROMIUM, Debian's
 * /usr/bin/chromium, or on Windows the Microsoft Edge every office PC has — never a download.
 */
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { pdfFooter } from './html';
import type { PdfPrinter } from './service';

const CANDIDATES = [
  process.env.PANGKALAN_CHROMIUM,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
  'C:\\Program Files\\Microsoft\\Edge\\Application\\msedge.exe',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
];

export function findChromium(): string | null {
  return CANDIDATES.find((p): p is string => Boolean(p) && existsSync(p!)) ?? null;
}

export class ChromiumMissingError extends Error {
  constructor() {
    super('Chromium tidak ditemukan untuk membuat PDF. Pasang Chromium (Debian: apt-get install chromium) atau setel PANGKALAN_CHROMIUM ke program Chrome/Edge.');
  }
}

/** One browser for many reports (the browser host prints on request); close() when done. */
export function chromiumPrinter(): PdfPrinter & { close(): Promise<void> } {
  let browser: Promise<Browser> | null = null;
  const print = async (html: string, opts: { title: string }): Promise<Buffer> => {
    const exe = findChromium();
    if (!exe) throw new ChromiumMissingError();
    const { chromium } = await import('playwright-core');
    browser ??= chromium.launch({ executablePath: exe, args: ['--no-sandbox', '--disable-gpu'] });
    // JavaScript off: the report is HTML and SVG drawn in the core; text from the data never runs.
    const page = await (await browser).newPage({ javaScriptEnabled: false });
    try {
      // No network: the page is complete in itself (inline CSS and SVG, data: logo).
      await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
      await page.setContent(html, { waitUntil: 'load' });
      return await page.pdf({
        format: 'A4',
        landscape: true,
        printBackground: true,
        displayHeaderFooter: true,
        headerTemplate: '<span></span>',
        footerTemplate: pdfFooter(opts.title),
        margin: { top: '12mm', bottom: '14mm', left: '12mm', right: '12mm' },
      });
    } finally {
      await page.close();
    }
  };
  return Object.assign(print, {
    close: async () => {
      if (browser) await (await browser).close();
      browser = null;
    },
  });
}
