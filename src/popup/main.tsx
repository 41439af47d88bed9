import { render } from 'preact';
import { browser } from '../platform/browser';
import { Popup } from './Popup';

document.documentElement.lang = browser.i18n.getUILanguage();
render(<Popup />, document.getElementById('root')!);
