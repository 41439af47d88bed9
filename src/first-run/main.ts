/**
 * First-run page: opened on install when the browser has not granted access
 * to web pages (Firefox lets users withhold it). Explains why Yuanwen reads
 * pages and asks; the request must come from the click, a user gesture.
 */
import { browser, t, type MessageKey } from '../platform/browser';
import { hasPageAccess, requestPageAccess } from '../platform/host-access';

document.documentElement.lang = browser.i18n.getUILanguage();
document.title = t('extensionName');
for (const element of document.querySelectorAll<HTMLElement>('[data-i18n]')) {
  element.textContent = t(element.dataset.i18n as MessageKey);
}

const grant = document.getElementById('grant') as HTMLButtonElement;
const outcome = document.getElementById('outcome') as HTMLElement;

function show(granted: boolean): void {
  outcome.textContent = t(granted ? 'firstRunGranted' : 'firstRunDenied');
  grant.hidden = granted;
}

grant.addEventListener('click', () => {
  requestPageAccess().then(show, () => show(false));
});

void hasPageAccess().then((granted) => {
  if (granted) show(true);
});
