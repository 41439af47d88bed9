// Lint: typescript-eslint's recommended rules, plus the import boundaries
// that keep the layout honest (see CONTRIBUTING.md):
// - src/core is pure: no browser code, no other src folder, no DOM-bound packages;
// - an extension page (popup, library, options, viewer, corpus-page, first-run)
//   does not reach into another page's folder: shared pieces live in src/ui,
//   src/platform, src/messages or src/core;
// - only the background opens the database: src/storage is imported from
//   src/background alone (pages and content scripts send it messages);
// - messages are sent only through sendMessage (src/platform/messaging.ts),
//   whose replies are typed by the map in src/messages/replies.ts.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const PAGES = ['popup', 'library', 'options', 'viewer', 'corpus-page', 'first-run'];
const BROWSER_PACKAGES = ['webextension-polyfill', 'dexie', 'preact', 'preact/*'];

const STORAGE_ONLY_FROM_BACKGROUND = {
  group: ['../storage/*', '../../storage/*', '../../../storage/*', 'dexie'],
  message: 'Only the background opens the database (src/storage, Dexie): send it a message (src/messages/highlights.ts) instead.',
};

const pageZones = PAGES.map((page) => ({
  files: [`src/${page}/**/*.{ts,tsx}`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            group: PAGES.filter((other) => other !== page).flatMap((other) => [`../${other}/*`, `../../${other}/*`]),
            message:
              'An extension page does not import another page’s internals: move the shared piece to src/ui, src/platform or src/core.',
          },
          {
            group: ['../content/*', '../background/*'],
            message: 'Pages talk to the background and content scripts by messages (src/messages).',
          },
          STORAGE_ONLY_FROM_BACKGROUND,
        ],
      },
    ],
  },
}));

export default tseslint.config(
  { ignores: ['dist/', 'generated/', 'node_modules/', 'test-results/', 'demo-output/', 'src/platform/polyfill-loader.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node, ...globals.webextensions } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Chinese text is full of ideographic spaces (U+3000): layout noise the tests are about.
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true, skipComments: true, skipRegExps: true }],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: BROWSER_PACKAGES.filter((p) => !p.includes('*')).map((name) => ({
            name,
            message: 'src/core is pure: no browser or storage packages.',
          })),
          patterns: [
            { group: ['preact/*'], message: 'src/core is pure: no UI.' },
            {
              group: ['../../*', '!../../core/*', '../../../*'],
              message: 'src/core imports only src/core (and pure npm packages): browser code depends on core, never the reverse.',
            },
          ],
        },
      ],
    },
  },
  ...pageZones,
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/background/**', 'src/storage/**', 'src/core/**', ...PAGES.map((page) => `src/${page}/**`)],
    rules: { 'no-restricted-imports': ['error', { patterns: [STORAGE_ONLY_FROM_BACKGROUND] }] },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/platform/messaging.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[property.name='sendMessage'][object.property.name=/^(runtime|tabs)$/]",
          message: 'Send messages with sendMessage from src/platform/messaging.ts: its replies are typed by src/messages/replies.ts.',
        },
      ],
    },
  },
);
