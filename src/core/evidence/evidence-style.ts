/**
 * The evidence report's stylesheet: inline in the file (no network), legible
 * on screen and printed on A4 (summary on page one, table rows kept whole,
 * colours that survive greyscale as strike-through and underline).
 */
export const EVIDENCE_CSS = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body {
  margin: 0 auto; max-width: 60rem; padding: 1.5rem;
  font: 15px/1.6 "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "Noto Sans", sans-serif;
  color: #1a1a1a; background: #fff;
}
h1 { font-size: 1.6rem; margin: 0 0 .2rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 .6rem; border-bottom: 2px solid #1a1a1a; padding-bottom: .2rem; }
h3 { font-size: 1.08rem; margin: 1.4rem 0 .4rem; }
h4 { font-size: 1rem; margin: 1rem 0 .3rem; }
.subtitle { margin: 0; color: #4a4a4a; }
.summary { border: 2px solid #1a1a1a; padding: .8rem 1rem; margin-top: 1rem; }
.summary h2 { margin-top: 0; border: 0; }
.verdict { font-weight: bold; font-size: 1.1rem; margin: .4rem 0; }
.verdict-altered, .verdict-deviations { color: #8a1c00; }
.verdict-faithful { color: #145a14; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: .4rem 0; }
dl.facts dt { font-weight: bold; }
dl.facts dd { margin: 0; overflow-wrap: anywhere; }
.hash { font-family: "Noto Sans Mono", "DejaVu Sans Mono", monospace; font-size: .85rem; overflow-wrap: anywhere; }
table { border-collapse: collapse; width: 100%; margin: .4rem 0 1rem; table-layout: fixed; }
th, td { border: 1px solid #8c8c8c; padding: .35rem .5rem; vertical-align: top; text-align: left; overflow-wrap: anywhere; }
thead th { background: #ececec; }
col.clause { width: 5.5rem; } col.kind { width: 6.5rem; }
tr { break-inside: avoid; page-break-inside: avoid; }
del { background: #fde0dc; color: #6e1200; text-decoration: line-through; text-decoration-thickness: 2px; }
ins { background: #d9f2d9; color: #0b4a0b; text-decoration: underline; text-decoration-thickness: 2px; }
.context { color: #4a4a4a; }
.empty { color: #4a4a4a; font-style: italic; }
.flag { display: inline-block; margin-top: .2rem; font-size: .85rem; color: #8a1c00; }
.note { margin: .3rem 0 0; white-space: pre-wrap; }
.screenshot img { max-width: 100%; height: auto; border: 1px solid #8c8c8c; }
pre.page-text { white-space: pre-wrap; overflow-wrap: anywhere; background: #f6f6f6; padding: .6rem; font: inherit; font-size: .9rem; }
code.command { font-family: "Noto Sans Mono", "DejaVu Sans Mono", monospace; background: #f0f0f0; padding: .1rem .3rem; overflow-wrap: anywhere; }
footer { margin-top: 2rem; color: #4a4a4a; font-size: .85rem; }
@page { size: A4; margin: 16mm 14mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  h2 { break-after: avoid; page-break-after: avoid; }
  .summary { break-inside: avoid; page-break-inside: avoid; }
  .screenshot { break-inside: avoid; page-break-inside: avoid; }
  .screenshot img { max-height: 120mm; }
  a { color: inherit; text-decoration: none; }
  thead { display: table-header-group; }
}
`;
