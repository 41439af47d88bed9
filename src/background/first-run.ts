/**
 * On install, make sure Yuanwen can read pages. Firefox (MV3) lets the user
 * withhold host access; without it the content script never runs and the
 * extension silently does nothing, so we explain and ask on a page of our own.
 */
import type { Runtime } from '../platform/browser';
import { hasPageAccess, openFirstRunPage } from '../platform/host-access';

export async function checkPageAccessOnInstall(details: Runtime.OnInstalledDetailsType): Promise<void> {
  if (details.reason !== 'install') return;
  if (await hasPageAccess()) return;
  await openFirstRunPage();
}
