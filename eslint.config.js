// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import layers from './tests/lint/importLayers.js';

/**
 * The layers of src/, in pipeline order (STYLE.md: "the folder layout is the
 * architecture"). A layer imports from itself and from earlier layers only;
 * peers in one rank do not import one another. `plan` sits with the
 * definitions, after `catalog`: check, store and present all read its schema
 * and milestone vocabulary, while plan itself needs only `model` and the two
 * exceptions below. (Plan tracking as a run saw it reads the store, so its
 * loader lives in engine/.)
 */
export const layerOptions = {
  root: 'src',
  order: [
    'model',
    ['diagnostics', 'settings.ts', 'version.ts'],
    'catalog',
    'plan',
    'read',
    'check',
    'store',
    'resolve',
    'evaluate',
    'assess',
    'present',
    'publish',
    'engine',
    'serve',
    'cli',
    'index.ts',
  ],
  exceptions: [
    {
      from: 'plan/parsePlan.ts',
      to: 'check/editDistance.ts',
      reason: 'the plan importer suggests the nearest task heading with the same edit distance the checks use; a string helper, not a check',
    },
    {
      from: 'plan/extractQuantities.ts',
      to: 'check/halfWidth.ts',
      reason: 'the quantity extractor reads full-width digits (１２．５) with the same folding the checks use; a string helper, not a check',
    },
  ],
};

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', 'notebooks/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  { languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } } },
  // Plain JS (this file, the lint plugin) is outside the TypeScript project: no type information.
  { files: ['**/*.js', '**/*.cjs', '**/*.mjs'], ...tseslint.configs.disableTypeChecked },
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/cli/**'],
    rules: { 'no-console': 'error' },
  },
  {
    files: ['src/**/*.ts'],
    plugins: { layers },
    rules: { 'layers/import-order': ['error', layerOptions] },
  },
);
