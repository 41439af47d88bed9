/** axe-core's accessibility violations on a page (the extension's pages, an evidence report). */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TestPage } from './driver';
import { REPO_ROOT } from './extension-browser';

const AXE = resolve(REPO_ROOT, 'node_modules', 'axe-core', 'axe.min.js');

export interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  nodes: string[];
}

/** In Chromium and Firefox: the source is evaluated by the driver, as extension pages' CSP (and the evidence report's) refuses a script tag. */
export async function axe(page: TestPage): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(readFileSync(AXE, 'utf8'));
  const { violations, passed } = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            ctx: Document,
            o: object,
          ): Promise<{ passes: unknown[]; violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return {
      passed: result.passes.length,
      violations: result.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
      })),
    };
  });
  // No violations must mean axe checked the page, not that it checked nothing.
  if (passed === 0) throw new Error(`axe passed no rule on ${page.url()}: did it run?`);
  return violations;
}
