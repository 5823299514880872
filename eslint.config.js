// @ts-check
import js from '@eslint/js';
import pluginQuery from '@tanstack/eslint-plugin-query';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Imports flow one way: app → features → shared (lib, ui). src/ never imports
// the mock forum or the tests; app/start.tsx reaches the worker by dynamic import(),
// which this rule does not see, and that is the one sanctioned exception. The unit
// tests kept beside the code (*.test.ts[x]) never ship, and may use test/support/.
const noMocksOrTests = { group: ['**/mocks/**', '**/test/**'], message: 'src/ must not import mocks/ or test/ (only app/start.tsx may, by dynamic import).' };
const noMocks = { group: ['**/mocks/**'], message: 'src/ must not import mocks/ (tests beside the code may use test/support/).' };
/** @param {string[]} folders */
const testsIn = (folders) => folders.map((folder) => `${folder}/**/*.test.{ts,tsx}`);
const noServer = { group: ['**/server/**'], message: 'The reader must not import the server (the server imports the reader, never the other way).' };
const noApp = { group: ['**/app/**'], message: 'Features and shared code must not import the app layer.' };
const noFeatures = { group: ['**/features/**'], message: 'Shared code (lib, ui) must not import features.' };

export default tseslint.config(
  { ignores: ['dist', 'dist-demo', 'dist-faults', 'dist-ssr', 'coverage', 'public/mockServiceWorker.js'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  reactHooks.configs.flat['recommended-latest'],
  ...pluginQuery.configs['flat/recommended'],
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' },
      ],
    },
  },
  ...[
    { folders: ['src/app'], patterns: [noServer] },
    { folders: ['src/features'], patterns: [noServer, noApp] },
    { folders: ['src/lib', 'src/ui'], patterns: [noServer, noApp, noFeatures] },
  ].flatMap(({ folders, patterns }) => [
    {
      files: folders.map((folder) => `${folder}/**`),
      rules: { 'no-restricted-imports': ['error', { patterns: [noMocksOrTests, ...patterns] }] },
    },
    {
      files: testsIn(folders),
      rules: { 'no-restricted-imports': ['error', { patterns: [noMocks, ...patterns] }] },
    },
  ]),
  {
    // Config files are the one place a default export is the tools' convention.
    files: ['vite.config.ts', 'eslint.config.js'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
