import { renderPage } from '../platform/i18n-page';
import { CorpusPage } from './CorpusPage';

void renderPage(() => <CorpusPage />, 'corpusTitle');
