/**
 * Highlight records for the export, import and storage tests: one on a
 * canonical clause with a note and tags, one on the same clause from an
 * altered reprint, one on a page outside the corpus, one in the preamble.
 */
import type { Highlight } from '../../../src/core/highlight/record';

export const IDS = [
  '0b8f3c1e-9a4d-4e6f-8b7a-1c2d3e4f5a60',
  '1b8f3c1e-9a4d-4e6f-8b7a-1c2d3e4f5a61',
  '2b8f3c1e-9a4d-4e6f-8b7a-1c2d3e4f5a62',
  '3b8f3c1e-9a4d-4e6f-8b7a-1c2d3e4f5a63',
];

export function sampleHighlights(): Highlight[] {
  return [
    {
      id: IDS[0],
      url: 'https://www.gov.cn/zhengce/202508/content_7037861.htm',
      title: '中共中央 国务院关于推动城市高质量发展的意见_中国政府网',
      created: '2025-08-29T01:02:03.456Z',
      modified: '2025-08-30T10:00:00.000Z',
      color: 'green',
      note: '注意“归集”一词。\n第二行 *不是* 强调',
      tags: ['产权', '城市更新'],
      selectors: {
        quote: {
          type: 'TextQuoteSelector',
          exact: '优化产权归集、整合、置换',
          prefix: '加强和规范存量城市基础设施资产管理，提高运行效能。',
          suffix: '和登记政策，盘活利用存量低效用地。',
        },
        position: { type: 'TextPositionSelector', start: 1718, end: 1730 },
      },
      canonical: {
        documentId: 'urban-opinion-2025',
        clauseId: 'c5',
        clause: '（五）',
        canonicalStart: 1718,
        canonicalEnd: 1730,
        exact: '优化产权归集、整合、置换',
        prefix: '加强和规范存量城市基础设施资产管理，提高运行效能。',
        suffix: '和登记政策，盘活利用存量低效用地。',
      },
    },
    {
      id: IDS[1],
      url: 'https://news.example.cn/2025/0829/a1.html',
      title: '转载：关于推动城市高质量发展的意见',
      created: '2025-08-29T02:00:00.000Z',
      modified: '2025-08-29T02:00:00.000Z',
      color: 'pink',
      note: '',
      tags: [],
      selectors: {
        quote: { type: 'TextQuoteSelector', exact: '优化产权归属、整合', prefix: '提高运行效能。', suffix: '、置换和登记政策' },
        position: { type: 'TextPositionSelector', start: 4091, end: 4100 },
      },
      canonical: {
        documentId: 'urban-opinion-2025',
        clauseId: 'c5',
        clause: '（五）',
        canonicalStart: 1718,
        canonicalEnd: 1727,
        exact: '优化产权归集、整合',
        prefix: '提高运行效能。',
        suffix: '、置换和登记政策',
      },
    },
    {
      id: IDS[2],
      url: 'https://blog.example.org/post?id=9',
      title: 'A blog post [about] cities',
      created: '2025-09-01T00:00:00.000Z',
      modified: '2025-09-01T00:00:00.000Z',
      color: 'yellow',
      note: '',
      tags: ['reading list'],
      selectors: {
        quote: { type: 'TextQuoteSelector', exact: 'Cities are - for now - growing', prefix: 'In short: ', suffix: ', and fast.' },
        position: { type: 'TextPositionSelector', start: 10, end: 40 },
      },
    },
    {
      id: IDS[3],
      url: 'https://www.gov.cn/zhengce/202508/content_7037861.htm',
      title: '中共中央 国务院关于推动城市高质量发展的意见_中国政府网',
      created: '2025-08-29T00:00:00.000Z',
      modified: '2025-08-29T00:00:00.000Z',
      color: 'blue',
      note: '序言',
      tags: [],
      selectors: {
        quote: { type: 'TextQuoteSelector', exact: '城市是现代化的重要载体', prefix: '', suffix: '，是人口和经济活动' },
        position: { type: 'TextPositionSelector', start: 0, end: 11 },
      },
      canonical: {
        documentId: 'urban-opinion-2025',
        clauseId: 's0p1',
        clause: '',
        canonicalStart: 0,
        canonicalEnd: 11,
        exact: '城市是现代化的重要载体',
        prefix: '',
        suffix: '，是人口和经济活动',
      },
    },
  ];
}
