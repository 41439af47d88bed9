/**
 * One storage.local key watched for changes made in any of our contexts
 * (settings, and the background's change tokens). Only extension contexts
 * write extension storage: a page script can neither set these keys nor
 * fake their events.
 */
import { browser } from './browser';

/** Calls `listener` with the key's new value (undefined when removed) each time it changes. */
export function onLocalStorageChanged(key: string, listener: (newValue: unknown) => void): void {
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && key in changes) listener(changes[key].newValue);
  });
}
