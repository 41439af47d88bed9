/**
 * "Is this element hidden?" for a document without layout (the CLI reads
 * HTML with linkedom): the page's own `<style>` sheets, cascaded for the two
 * properties that hide text, `display: none` and `visibility: hidden`.
 *
 * Without it the CLI reads a share menu a browser never shows, and every
 * page offset in its report differs from the extension's (issue 11: one
 * page, one report). What it leaves out, on purpose:
 * - rules inside at-rules (`@media`, `@supports`, …): the CLI has no
 *   viewport or features to test them against;
 * - linked style sheets: reading them would mean a file or network access
 *   the page's HTML alone does not give;
 * - selectors linkedom cannot match (pseudo-elements, some pseudo-classes):
 *   such a rule is dropped, so the element stays visible, which can show
 *   too much but never hides reprinted text.
 */
import { hiddenByMarkup } from './extract-text';

/** One `display`/`visibility` declaration of one selector. */
interface HidingRule {
  selector: string;
  property: 'display' | 'visibility';
  hides: boolean;
  important: boolean;
  /** [ids, classes/attributes/pseudo-classes, types], compared in order. */
  specificity: [number, number, number];
  order: number;
}

/** The hidden predicate for `extractText`, from markup and the document's `<style>` elements. */
export function hiddenByStyleSheets(document: Document): (element: Element) => boolean {
  const rules = [...document.querySelectorAll('style')].flatMap((style, i) => hidingRules(style.textContent ?? '', i));
  if (rules.length === 0) return hiddenByMarkup;
  const hiding = rules.filter((rule) => rule.hides);
  return (element) => {
    const inline = element.getAttribute('style');
    // Most elements match no hiding rule and hide nothing themselves: only the rest pay for the whole cascade.
    const candidates = hiding.filter((rule) => matches(element, rule.selector));
    const needsCascade = candidates.length > 0 || inline !== null || element.hasAttribute('hidden');
    const matching = needsCascade ? rules.filter((rule) => !rule.hides && matches(element, rule.selector)).concat(candidates) : [];
    // The user-agent sheet's `[hidden] { display: none }` loses to any author rule.
    const display = cascaded(matching, inline, 'display') ?? element.hasAttribute('hidden');
    return display || (cascaded(matching, inline, 'visibility') ?? false);
  };
}

/** Whether the cascade's winning declaration of `property` hides (`undefined`: nothing declares it). */
function cascaded(matching: HidingRule[], inline: string | null, property: HidingRule['property']): boolean | undefined {
  const winner = matching.filter((r) => r.property === property).reduce<HidingRule | undefined>(laterInCascade, undefined);
  if (winner?.important) return winner.hides;
  return inlineDeclaration(inline, property) ?? winner?.hides;
}

/** The top-level rules of a style sheet's text that set `display` or `visibility`. */
export function hidingRules(css: string, sheet = 0): HidingRule[] {
  const rules: HidingRule[] = [];
  const source = css.replace(/\/\*[\s\S]*?\*\//g, '');
  let order = 0;
  let i = 0;
  while (i < source.length) {
    const open = source.indexOf('{', i);
    const statementEnd = source.indexOf(';', i);
    const prelude = source.slice(i, open === -1 ? undefined : open).trim();
    if (prelude.startsWith('@') && statementEnd !== -1 && (open === -1 || statementEnd < open)) {
      i = statementEnd + 1; // `@import …;`, `@charset …;`
      continue;
    }
    if (open === -1) break;
    const close = matchingBrace(source, open);
    if (!prelude.startsWith('@')) {
      for (const declaration of source.slice(open + 1, close).split(';')) {
        const parsed = hidingDeclaration(declaration);
        if (!parsed) continue;
        for (const selector of splitSelectorList(prelude)) {
          rules.push({ selector, ...parsed, specificity: specificity(selector), order: sheet * 1e6 + order++ });
        }
      }
    }
    i = close + 1;
  }
  return rules;
}

/** CSS selector specificity, as far as a hiding rule needs it. */
export function specificity(selector: string): [number, number, number] {
  let ids = 0;
  let classes = 0;
  let types = 0;
  // Functional pseudo-classes: :where() counts nothing, :is()/:not()/:has() their most specific argument.
  const rest = selector.replace(/:(where|is|not|has)\(((?:[^()]|\([^()]*\))*)\)/gi, (_, name: string, args: string) => {
    if (name.toLowerCase() !== 'where') {
      const inner = splitSelectorList(args).map(specificity).reduce(moreSpecific, [0, 0, 0]);
      ids += inner[0];
      classes += inner[1];
      types += inner[2];
    }
    return ' ';
  });
  // Attribute selectors count as classes; taken out first, so their values are not read as ids or types.
  const plain = rest.replace(/\[[^\]]*\]/g, () => (classes++, ' '));
  ids += (plain.match(/#[\w-]+/g) ?? []).length;
  classes += (plain.match(/\.[\w-]+/g) ?? []).length;
  classes += (plain.match(/(?<!:):[\w-]+/g) ?? []).length;
  types += (plain.match(/::[\w-]+/g) ?? []).length;
  types += (plain.match(/(?:^|[\s>+~])[a-zA-Z][\w-]*/g) ?? []).length;
  return [ids, classes, types];
}

function hidingDeclaration(declaration: string): Pick<HidingRule, 'property' | 'hides' | 'important'> | undefined {
  const colon = declaration.indexOf(':');
  if (colon === -1) return undefined;
  const property = declaration.slice(0, colon).trim().toLowerCase();
  if (property !== 'display' && property !== 'visibility') return undefined;
  const raw = declaration
    .slice(colon + 1)
    .trim()
    .toLowerCase();
  const important = /!\s*important$/.test(raw);
  const value = raw.replace(/!\s*important$/, '').trim();
  return { property, hides: hidingValue(property, value), important };
}

function hidingValue(property: 'display' | 'visibility', value: string): boolean {
  return property === 'display' ? value === 'none' : value === 'hidden' || value === 'collapse';
}

/** What an inline `style` attribute says for `property`: hidden, shown, or nothing. */
function inlineDeclaration(style: string | null, property: 'display' | 'visibility'): boolean | undefined {
  if (style === null) return undefined;
  let said: boolean | undefined;
  for (const declaration of style.split(';')) {
    const parsed = hidingDeclaration(declaration);
    if (parsed?.property === property) said = parsed.hides;
  }
  return said;
}

/** The cascade's winner of two declarations of one property (`undefined`: none yet). */
function laterInCascade(a: HidingRule | undefined, b: HidingRule): HidingRule {
  if (!a) return b;
  if (a.important !== b.important) return a.important ? a : b;
  const s = compareSpecificity(a.specificity, b.specificity);
  if (s !== 0) return s > 0 ? a : b;
  return a.order > b.order ? a : b;
}

function compareSpecificity(a: [number, number, number], b: [number, number, number]): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

function moreSpecific(a: [number, number, number], b: [number, number, number]): [number, number, number] {
  return compareSpecificity(a, b) >= 0 ? a : b;
}

function matches(element: Element, selector: string): boolean {
  try {
    return element.matches(selector);
  } catch {
    return false; // a selector linkedom cannot match: see the header
  }
}

/** The index of the `}` that closes the `{` at `open` (or the end of the text). */
function matchingBrace(source: string, open: number): number {
  let depth = 0;
  for (let i = open; i < source.length; i++) {
    if (source[i] === '{') depth++;
    else if (source[i] === '}' && --depth === 0) return i;
  }
  return source.length;
}

/** `a, b:is(c, d)` → `a`, `b:is(c, d)`: commas inside parentheses do not split. */
function splitSelectorList(list: string): string[] {
  const selectors: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < list.length; i++) {
    if (list[i] === '(') depth++;
    else if (list[i] === ')') depth--;
    else if (list[i] === ',' && depth === 0) {
      selectors.push(list.slice(start, i).trim());
      start = i + 1;
    }
  }
  selectors.push(list.slice(start).trim());
  return selectors.filter(Boolean);
}
