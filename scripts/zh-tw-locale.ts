/**
 * public/_locales/zh_TW/messages.json is zh_CN's catalog in traditional
 * characters, converted by OpenCC (cn → tw: Taiwan character forms, no
 * vocabulary swaps, so 文件 stays 文件 and is not made 檔案). Written by
 *
 *   npx tsx scripts/zh-tw-locale.ts
 *
 * and checked by tests/unit/platform/locales.test.ts, which fails while the
 * committed file differs from what this script would write (a key added to
 * zh_CN and not yet here, or an edited message).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as OpenCC from 'opencc-js';

const LOCALES = resolve(import.meta.dirname, '..', 'public', '_locales');
export const ZH_CN_CATALOG = resolve(LOCALES, 'zh_CN', 'messages.json');
export const ZH_TW_CATALOG = resolve(LOCALES, 'zh_TW', 'messages.json');

/**
 * The zh_TW catalog for zh_CN's source text: every `message` and
 * `description` string converted, keys, placeholders and layout untouched.
 */
export function zhTwCatalog(zhCnSource: string): string {
  const convert = OpenCC.Converter({ from: 'cn', to: 'tw' });
  return zhCnSource.replace(
    /("(?:message|description)":\s*)"((?:[^"\\]|\\.)*)"/g,
    (_, key: string, text: string) => `${key}"${convert(text)}"`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  writeFileSync(ZH_TW_CATALOG, zhTwCatalog(readFileSync(ZH_CN_CATALOG, 'utf8')));
  console.log(`wrote ${ZH_TW_CATALOG}`);
}
