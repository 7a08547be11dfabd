// Lint the linter: typescript-eslint on the sources and tests, and errlint's own preset (the built plugin,
// `npm run build` first — `prepare` does it on install) on the code that ships.
import { defineConfig } from 'eslint/config';
import eslintPlugin from 'eslint-plugin-eslint-plugin';
import tseslint from 'typescript-eslint';
import errlint from './dist/src/eslint/plugin.js';

export default defineConfig(
  { ignores: ['dist/', 'fixtures/', 'node_modules/', '.bench/', 'coverage/', 'tests/**/fixtures/'] },
  {
    files: ['src/**/*.ts', 'rules/**/*.ts', 'tests/**/*.ts', 'scripts/**/*.{js,mjs,ts}', 'bin/**/*.js', '*.{js,ts}'],
    extends: [tseslint.configs.recommended],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['src/**/*.ts', 'rules/**/*.ts', 'bin/**/*.js'],
    ...errlint.configs.recommended,
  },
  // The ESLint adapter builds every errlint rule; hold it to the conventions of hand-written ESLint rules.
  {
    files: ['src/eslint/**/*.ts'],
    ...eslintPlugin.configs.rules,
  },
);
