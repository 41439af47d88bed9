/// <reference types="vitest/config" />
/**
 * Builds the extension for one browser per run: `vite build --mode chrome`
 * writes `dist/chrome/`, `--mode firefox` writes `dist/firefox/`. The single
 * `manifest.json` carries `{{chrome}}.` / `{{firefox}}.` keys that the plugin
 * resolves for the chosen browser.
 *
 * Vitest also reads this file when no vitest config exists, so under vitest
 * the extension plugin is left out (it would try to build the extension).
 */
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import webExtension from 'vite-plugin-web-extension';

const BROWSERS = ['chrome', 'firefox'] as const;
type TargetBrowser = (typeof BROWSERS)[number];

function targetBrowser(mode: string): TargetBrowser {
  if ((BROWSERS as readonly string[]).includes(mode)) return mode as TargetBrowser;
  throw new Error(`vite build needs --mode chrome or --mode firefox (got "${mode}")`);
}

export default defineConfig(({ mode }) => {
  const shared = {
    // Preact's automatic JSX runtime for the popup and extension pages.
    oxc: { jsx: { runtime: 'automatic' as const, importSource: 'preact' } },
  };

  if (process.env.VITEST) {
    return {
      ...shared,
      test: {
        // End-to-end tests have their own runner (tests/e2e/run.ts) and need a build.
        include: ['tests/unit/**/*.test.ts', 'tests/page/**/*.test.ts'],
      },
    };
  }

  const browser = targetBrowser(mode);
  return {
    ...shared,
    build: {
      outDir: resolve(import.meta.dirname, 'dist', browser),
      emptyOutDir: true,
      // Extension code is read by store reviewers and by people checking that
      // the extension does what it says: keep it readable.
      minify: false,
      sourcemap: false,
    },
    plugins: [
      webExtension({
        browser,
        manifest: 'manifest.json',
        // Pages the manifest does not name: opened by the background script.
        additionalInputs: ['src/first-run/index.html'],
        // The plugin's validation downloads a JSON schema from the network on
        // every build; builds must work offline. `web-ext lint` (npm run lint)
        // validates the Firefox manifest instead.
        skipManifestValidation: true,
        disableAutoLaunch: true,
      }),
    ],
  };
});
