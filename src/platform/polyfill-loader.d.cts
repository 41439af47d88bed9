import type Browser from 'webextension-polyfill';

export declare function loadPolyfill(): typeof Browser;
