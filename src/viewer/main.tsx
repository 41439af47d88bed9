import { renderPage } from '../platform/i18n-page';
import { Viewer } from './Viewer';

// In the user's language (options page), with <html lang> set for assistive technology.
void renderPage(() => <Viewer />);
