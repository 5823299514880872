// @ts-check
import js from '@eslint/js';
import pluginQuery from '@tanstack/eslint-plugin-query';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Imports flow one way: app → features → shared (lib, ui). src/ never imports
// the mock forum or the tests; app/start.tsx reaches the worker by dynamic import(),
// which this rule does not see, and that is the one sanctioned exception.
const noMocksOrTests = { group: ['**/mocks/**', '**/test/**'], message: 'src/ must not import mocks/ or test/ (only app/start.tsx may, by dynamic import).' };
const noServer = { group: ['**/server/**'], message: 'The reader must not import the server (the server imports the reader, never the other way).' };
const noApp = { group: ['**/app/**'], message: 'Features and shared code must not import the app layer.' };
const noFeatures = { group: ['**/features/**'], message: 'Shared code (lib, ui) must not import features.' };

export default tseslint.config(
  { ignores: ['dist', 'dist-demo', 'dist-faults', 'coverage', 'public/mockServiceWorker.js'] },
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
  {
    files: ['src/app/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noMocksOrTests, noServer] }] },
  },
  {
    files: ['src/features/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noMocksOrTests, noServer, noApp] }] },
  },
  {
    files: ['src/lib/**', 'src/ui/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noMocksOrTests, noServer, noApp, noFeatures] }] },
  },
  {
    // Tests beside shared code may read test/deep.ts (how many runs a property makes);
    // the rest of test/ and the mock forum stay out of src/, tests included.
    files: ['src/lib/**/*.test.{ts,tsx}', 'src/ui/**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ ...noMocksOrTests, group: [...noMocksOrTests.group, '!**/test/deep'] }, noServer, noApp, noFeatures] }],
    },
  },
  {
    // Config files are the one place a default export is the tools' convention.
    files: ['vite.config.ts', 'eslint.config.js'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
