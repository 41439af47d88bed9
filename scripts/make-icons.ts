/**
 * Draws the extension icons (public/icons/icon-{16,32,48,128}.png): a red
 * seal with 原 in white. Rendered by Chromium from SVG so the glyph comes from
 * Noto Serif CJK (Debian fonts-noto-cjk), then committed: builds do not need
 * Chromium or the fonts. Run: npx tsx scripts/make-icons.ts
 */
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';

const SIZES = [16, 32, 48, 128];
const OUT_DIR = resolve(import.meta.dirname, '..', 'public', 'icons');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

/** Small sizes drop the inner border: at 16 px it would only blur the glyph. */
function sealSvg(size: number): string {
  const innerBorder = size >= 48 ? `<rect x="7" y="7" width="86" height="86" rx="10" fill="none" stroke="#fff" stroke-width="3"/>` : '';
  const fontSize = size >= 48 ? 70 : 84;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 100 100">
  <rect x="0" y="0" width="100" height="100" rx="16" fill="#b3261e"/>
  ${innerBorder}
  <text x="50" y="52" text-anchor="middle" dominant-baseline="central"
        font-family="Noto Serif CJK SC" font-weight="900" font-size="${fontSize}" fill="#fff">原</text>
</svg>`;
}

async function main(): Promise<void> {
  await mkdir(OUT_DIR, { recursive: true });
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
  try {
    for (const size of SIZES) {
      const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
      await page.setContent(`<!doctype html><html><body style="margin:0;background:transparent">${sealSvg(size)}</body></html>`);
      await page.evaluate(() => document.fonts.ready);
      const path = resolve(OUT_DIR, `icon-${size}.png`);
      await page.locator('svg').screenshot({ path, omitBackground: true });
      await page.close();
      console.log(path);
    }
  } finally {
    await browser.close();
  }
}

await main();
