/**
 * Builds the extension for one browser per run: `vite build --mode chrome`
 * writes `dist/chrome/`, `--mode firefox` writes `dist/firefox/`. The single
 * `manifest.json` carries `{{chrome}}.` / `{{firefox}}.` keys that the plugin
 * resolves for the chosen browser. (Vitest has its own vitest.config.ts.)
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
  const browser = targetBrowser(mode);
  return {
    // Preact's automatic JSX runtime for the popup and extension pages.
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
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
