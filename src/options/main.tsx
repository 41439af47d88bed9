import { renderPage } from '../platform/i18n-page';
import { Options } from './Options';

void renderPage(() => <Options />, 'optionsTitle');
