// Writes resources/icon.ico (the Windows icon of the exe, installer and shortcuts) from
// resources/icon.svg: Chromium draws it at each size, the .ico holds those PNGs. Run by hand
// after changing the SVG: `npx tsx scripts/icon-ico.ts`. (A ready .ico also spares
// electron-builder its icon tool, a download this offline machine cannot make.)
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { findChromium } from '../electron/core/reports/print-chromium';

const SIZES = [16, 24, 32, 48, 64, 128, 256];
const root = join(import.meta.dirname, '..');
const svg = readFileSync(join(root, 'resources/icon.svg'), 'utf8');

const browser = await chromium.launch({ executablePath: findChromium() ?? undefined, args: ['--no-sandbox'] });
const pngs: Buffer[] = [];
for (const size of SIZES) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg.replace('<svg', `<svg width="${size}" height="${size}"`)}</body></html>`);
  pngs.push(await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } }));
  await page.close();
}
await browser.close();

// ICONDIR, one ICONDIRENTRY a size (0 means 256), then the PNGs.
const head = Buffer.alloc(6 + 16 * SIZES.length);
head.writeUInt16LE(0, 0);
head.writeUInt16LE(1, 2);
head.writeUInt16LE(SIZES.length, 4);
let offset = head.length;
SIZES.forEach((size, i) => {
  const e = 6 + 16 * i;
  head.writeUInt8(size % 256, e);
  head.writeUInt8(size % 256, e + 1);
  head.writeUInt16LE(1, e + 4); // planes
  head.writeUInt16LE(32, e + 6); // bits per pixel
  head.writeUInt32LE(pngs[i]!.length, e + 8);
  head.writeUInt32LE(offset, e + 12);
  offset += pngs[i]!.length;
});
writeFileSync(join(root, 'resources/icon.ico'), Buffer.concat([head, ...pngs]));
console.log(`resources/icon.ico: ${SIZES.join(', ')} px, ${offset} bytes`);
