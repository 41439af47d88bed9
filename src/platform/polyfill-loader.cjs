// Loads webextension-polyfill on demand, from CommonJS so that the bundler
// hands back its exports as they are. (An ES import of the polyfill's CommonJS
// module is wrapped by an interop helper that reads every property of the
// exported object up front; when that object is the browser's native
// `browser` namespace, that instantiates every extension API, ~15 ms on each
// page load.)
exports.loadPolyfill = () => require('webextension-polyfill');
