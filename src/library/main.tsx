import { renderPage } from '../platform/i18n-page';
import { Library } from './Library';
import { loadColorLabels } from '../ui/highlight-colors';

void loadColorLabels().then(() => renderPage(() => <Library />, 'libraryTitle'));
