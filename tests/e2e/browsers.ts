/**
 * Launches the driver's ExtensionBrowser (driver.ts) by name, so one test
 * body runs in each browser `E2E_BROWSERS` lists:
 *
 *   for (const name of E2E_BROWSERS) describe(`… (${name})`, () => { … launchExtensionBrowser(name) … });
 */
import type { BrowserName, ExtensionBrowser, LaunchOptions } from './driver';
import { launchWithExtension } from './extension-browser';
import { launchFirefoxWithExtension } from './firefox-browser';

export { E2E_BROWSERS } from './driver';

export function launchExtensionBrowser(name: BrowserName, options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const build = options.build ?? 'test';
  return name === 'chromium' ? launchWithExtension({ ...options, build }) : launchFirefoxWithExtension({ ...options, build });
}
