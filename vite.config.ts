/**
 * Builds the extension for one browser per run: `vite build --mode chrome`
 * writes `dist/chrome/`, `--mode firefox` writes `dist/firefox/`. The single
 * `manifest.json` carries `{{chrome}}.` / `{{firefox}}.` keys that the plugin
 * resolves for the chosen browser. (Vitest has its own vitest.config.ts.)
 *
 * `YUANWEN_TEST_BUILD=1 vite build --mode chrome` writes the end-to-end test
 * build to `dist/chrome-test/` instead: the same code with `TEST_BUILD` true
 * (src/platform/build-flags.ts: an open shadow root and benchmark marks).
 */
import { copyFile, access } from 'node:fs/promises';
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import webExtension from 'vite-plugin-web-extension';

const BROWSERS = ['chrome', 'firefox'] as const;
type TargetBrowser = (typeof BROWSERS)[number];

function targetBrowser(mode: string): TargetBrowser {
  if ((BROWSERS as readonly string[]).includes(mode)) return mode as TargetBrowser;
  throw new Error(`vite build needs --mode chrome or --mode firefox (got "${mode}")`);
}

/**
 * The canonical viewer is built from src/viewer/index.html; the issue and the
 * links name it `viewer.html#doc=…&clause=…`. Its asset URLs are absolute, so
 * a copy at the root of the build works as is.
 */
function viewerAtRoot(outDir: string): Plugin {
  return {
    name: 'yuanwen-viewer-at-root',
    apply: 'build',
    async closeBundle() {
      const built = resolve(outDir, 'src', 'viewer', 'index.html');
      try {
        await access(built);
      } catch {
        return; // a sub-build (content script) without the pages
      }
      await copyFile(built, resolve(outDir, 'viewer.html'));
    },
  };
}

/** The test build's extra permissions: <all_urls> (below), and scripting, with which tests send messages from our content script's world (tab-fairness.e2e.ts). */
function withTestPermissions<M extends { host_permissions?: string[]; permissions?: string[] }>(manifest: M): M {
  return {
    ...manifest,
    permissions: [...(manifest.permissions ?? []), 'scripting'],
    host_permissions: [...(manifest.host_permissions ?? []), '<all_urls>'],
  };
}

export default defineConfig(({ mode }) => {
  const browser = targetBrowser(mode);
  const testBuild = process.env.YUANWEN_TEST_BUILD === '1';
  const outDir = resolve(import.meta.dirname, 'dist', testBuild ? `${browser}-test` : browser);
  return {
    // Preact's automatic JSX runtime for the popup and extension pages.
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    define: { __YUANWEN_TEST_BUILD__: JSON.stringify(testBuild) },
    build: {
      outDir,
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
        additionalInputs: [
          'src/first-run/index.html',
          'src/viewer/index.html',
          'src/library/index.html',
          'src/corpus-page/index.html',
          'src/highlight-frame/index.html',
        ],
        // The plugin's validation downloads a JSON schema from the network on
        // every build; builds must work offline. `web-ext lint` (npm run lint)
        // validates the Firefox manifest instead.
        skipManifestValidation: true,
        disableAutoLaunch: true,
        // The evidence screenshot (tabs.captureVisibleTab) needs activeTab, granted by a click on the
        // toolbar button, which automation cannot make, or <all_urls>: the test build has the latter.
        transformManifest: testBuild ? withTestPermissions : undefined,
      }),
      viewerAtRoot(outDir),
    ],
  };
});
