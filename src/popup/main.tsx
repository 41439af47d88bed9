import { renderPage } from '../platform/i18n-page';
import { Popup } from './Popup';

void renderPage(() => <Popup />, 'popupHeading');
