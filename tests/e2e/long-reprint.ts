/** A page that reprints the Opinion, followed by a long tail of other text: seconds of engine work in the background. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { FIXTURE_PAGES } from './extension-browser';

export function longReprintPage(): string {
  const html = readFileSync(resolve(FIXTURE_PAGES, 'xinhua-opinion.html'), 'utf8');
  const filler = '<p>本报讯，各地区各部门认真学习贯彻会议精神，结合实际抓好落实，推动各项工作取得新进展。</p>\n'.repeat(30_000);
  return html.replace('</body>', `${filler}</body>`);
}
