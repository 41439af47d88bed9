/**
 * Page URL normalization for storage keys: two visits to the same article
 * must find the same highlights even when one came from a newsletter link
 * (`?utm_source=…`), a WeChat share (`&scene=1&sharer_shareid=…`) or a jump
 * to an anchor (`#p3`). Pure: uses the WHATWG `URL` parser, which Node and
 * every browser implement, and no other platform API.
 *
 * What is kept is what selects the document: scheme, host (lower-cased by the
 * parser, default port dropped), path as given, and the query parameters that
 * are not tracking, sorted so their order does not matter. What is dropped:
 * the fragment (including text fragments `#:~:text=`), user name and password
 * (never stored), and the parameters below.
 */

/** Tracking and share parameters on any site, compared lower-cased. */
export const TRACKING_PARAMETERS: ReadonlySet<string> = new Set([
  // Ad and analytics click ids.
  'fbclid',
  'gclid',
  'gclsrc',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'yclid',
  'twclid',
  'ttclid',
  'li_fat_id',
  'igshid',
  'mc_cid',
  'mc_eid',
  '_hsenc',
  '_hsmi',
  'mkt_tok',
  'oly_anon_id',
  'oly_enc_id',
  'vero_id',
  'wickedid',
  '_ga',
  '_gl',
  'ref_src',
  // Chinese platforms: Alibaba's spm/scm, share sources on Weibo, QQ, Toutiao, Bilibili, Douyin, Baidu.
  'spm',
  'scm',
  'from',
  'wfr',
  'tt_from',
  'vd_source',
  'sharetoken',
  'shareid',
  'isfromtt',
  'ivk_sa',
  'bd_vid',
  's_trans',
  's_channel',
  'is_copy_url',
  'is_from_webapp',
]);

/**
 * WeChat article links (`mp.weixin.qq.com/s?__biz=…&mid=…&idx=…&sn=…`): the
 * first four identify the article, these are the reader's session. Only on
 * that host: elsewhere `lang`, `key` or `version` may select the content.
 */
export const WECHAT_SESSION_PARAMETERS: ReadonlySet<string> = new Set([
  'chksm',
  'scene',
  'subscene',
  'ascene',
  'sessionid',
  'clicktime',
  'enterid',
  'isappinstalled',
  'devicetype',
  'version',
  'nettype',
  'lang',
  'exportkey',
  'pass_ticket',
  'wx_header',
  'key',
  'uin',
  'abtest_cookie',
  'mpshare',
  'srcid',
  'poc_token',
  'realreporttime',
  'acctmode',
  'countrycode',
  'fontscale',
]);
const WECHAT_HOST = 'mp.weixin.qq.com';

/** Parameter name prefixes that are always tracking (`utm_source`, `share_…`, Matomo's `pk_…`, `mtm_…`). */
export const TRACKING_PREFIXES: readonly string[] = ['utm_', 'share_', 'sharer_', 'pk_', 'mtm_', 'hmsr', 'hmpl', 'hmcu', 'hmkw', 'hmci'];

export function isTrackingParameter(name: string, host = ''): boolean {
  const lower = name.toLowerCase();
  if (host === WECHAT_HOST && WECHAT_SESSION_PARAMETERS.has(lower)) return true;
  return TRACKING_PARAMETERS.has(lower) || TRACKING_PREFIXES.some((p) => lower.startsWith(p));
}

/**
 * The storage key for a page URL, or `null` when it is not an http(s) URL
 * (extension pages, `file:`, `data:`, `about:` have no highlights of their own).
 * Idempotent: normalizing a normalized URL returns it unchanged.
 */
export function normalizePageUrl(input: string): string | null {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.hostname === '') return null;

  // Raw pairs are kept as written (not re-encoded through URLSearchParams,
  // which would turn %20 into + and could change what a server receives);
  // only their decoded names are looked at.
  const kept: { name: string; raw: string }[] = [];
  for (const raw of url.search.replace(/^\?/, '').split('&')) {
    if (raw === '') continue;
    const name = decodeName(raw.split('=', 1)[0]);
    if (!isTrackingParameter(name, url.hostname)) kept.push({ name, raw });
  }
  kept.sort((a, b) => compare(a.name, b.name) || compare(a.raw, b.raw));

  const query = kept.length > 0 ? `?${kept.map((p) => p.raw).join('&')}` : '';
  return `${url.protocol}//${url.host}${url.pathname}${query}`;
}

function decodeName(raw: string): string {
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return raw;
  }
}

/** Code-unit order, so the result does not depend on the runtime's locale. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
