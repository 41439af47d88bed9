/**
 * Page URLs as storage keys: the same article from a newsletter, a share or
 * an in-page link finds the same highlights.
 */
import { describe, expect, it } from 'vitest';
import { isTrackingParameter, normalizePageUrl } from '../../../src/core/highlight/page-url';

describe('page URL normalization', () => {
  it('drops the fragment, including a text fragment', () => {
    expect(normalizePageUrl('https://www.gov.cn/zhengce/202508/content_1.htm#p3')).toBe('https://www.gov.cn/zhengce/202508/content_1.htm');
    expect(normalizePageUrl('https://www.gov.cn/a.htm#:~:text=%E5%9F%8E%E5%B8%82')).toBe('https://www.gov.cn/a.htm');
  });

  it('drops utm_* and click ids, keeps the parameters that select the page', () => {
    expect(normalizePageUrl('https://news.example.cn/article?id=42&utm_source=wechat&utm_medium=social&fbclid=abc&gclid=x')).toBe(
      'https://news.example.cn/article?id=42',
    );
  });

  it('drops Chinese platforms’ share and tracking parameters', () => {
    expect(normalizePageUrl('https://item.example.com/p.html?spm=a21bo.1&id=7&from=timeline&share_token=zz&isFromTT=1')).toBe(
      'https://item.example.com/p.html?id=7',
    );
  });

  it('keeps the WeChat article id and drops the reader’s session, on WeChat only', () => {
    const wechat =
      'https://mp.weixin.qq.com/s?__biz=MzA3&mid=265&idx=1&sn=9f1c&chksm=84a1&scene=21&sessionid=17&key=abc&lang=zh_CN&sharer_shareid=5e#wechat_redirect';
    expect(normalizePageUrl(wechat)).toBe('https://mp.weixin.qq.com/s?__biz=MzA3&idx=1&mid=265&sn=9f1c');
    // Elsewhere lang and key may select the content.
    expect(normalizePageUrl('https://example.org/doc?lang=en&key=2')).toBe('https://example.org/doc?key=2&lang=en');
    expect(isTrackingParameter('lang')).toBe(false);
    expect(isTrackingParameter('lang', 'mp.weixin.qq.com')).toBe(true);
  });

  it('matches tracking names whatever their case', () => {
    expect(normalizePageUrl('https://example.org/a?UTM_Source=x&FBCLID=y&page=2')).toBe('https://example.org/a?page=2');
  });

  it('sorts the remaining parameters, so their order does not matter', () => {
    const a = normalizePageUrl('https://example.org/list?page=2&cat=policy&a=1');
    const b = normalizePageUrl('https://example.org/list?a=1&cat=policy&page=2');
    expect(a).toBe('https://example.org/list?a=1&cat=policy&page=2');
    expect(b).toBe(a);
  });

  it('keeps parameter values as written (no re-encoding)', () => {
    expect(normalizePageUrl('https://example.org/s?q=%E5%9F%8E%E5%B8%82%20a&x=a+b')).toBe(
      'https://example.org/s?q=%E5%9F%8E%E5%B8%82%20a&x=a+b',
    );
  });

  it('drops an empty query and empty pairs', () => {
    expect(normalizePageUrl('https://example.org/a?')).toBe('https://example.org/a');
    expect(normalizePageUrl('https://example.org/a?utm_source=x')).toBe('https://example.org/a');
    expect(normalizePageUrl('https://example.org/a?&&id=1&')).toBe('https://example.org/a?id=1');
  });

  it('lower-cases the host, drops the default port and credentials, keeps the path and its case', () => {
    expect(normalizePageUrl('HTTP://user:pw@WWW.Example.ORG:80/Path/To/Page.HTML')).toBe('http://www.example.org/Path/To/Page.HTML');
    expect(normalizePageUrl('https://example.org:8443/a')).toBe('https://example.org:8443/a');
    expect(normalizePageUrl('https://example.org')).toBe('https://example.org/');
  });

  it('rejects what is not an http(s) page', () => {
    for (const bad of [
      'file:///tmp/a.html',
      'chrome-extension://abc/viewer.html',
      'about:blank',
      'data:text/html,x',
      'javascript:alert(1)',
      'ftp://example.org/a',
      'not a url',
      '',
    ]) {
      expect(normalizePageUrl(bad), bad).toBeNull();
    }
  });

  it('is idempotent', () => {
    for (const url of [
      'https://mp.weixin.qq.com/s?__biz=MzA3&mid=265&idx=1&sn=9f1c&scene=21',
      'https://example.org/a?b=2&a=1&utm_x=1#f',
      'http://例子.测试/路径?参数=值',
    ]) {
      const once = normalizePageUrl(url)!;
      expect(normalizePageUrl(once)).toBe(once);
    }
  });
});
