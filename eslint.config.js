// Lint rules, including the boundaries of the layout: the core and shared never import Electron;
// the renderer and shared never import Node, better-sqlite3 or exceljs.
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const NODE_ONLY = ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'better-sqlite3', 'exceljs', 'electron'];

const RENDERER_IMPORTS = [
  { group: NODE_ONLY, message: 'The renderer is sandboxed: talk to the core through the contract (renderer/api).' },
  { group: ['**/electron/core/**', '**/electron/main/**'], message: 'The renderer reaches the core only through the contract.' },
];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.tmp/**', 'test/fixtures/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['electron/core/**/*.ts', 'electron/cli/**/*.ts', 'electron/web-host/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'The core runs without Electron: keep Electron in electron/main.' }] }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: NODE_ONLY, message: 'shared/ is imported by the renderer and the core: no Node, no DOM, no Electron.' }, { group: ['react', 'react-dom', '../electron/**', '../renderer/**'], message: 'shared/ depends on nothing of either side.' }] }],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      'no-restricted-imports': ['error', { patterns: RENDERER_IMPORTS }],
    },
  },
  {
    // A feature (renderer/features/<name>) never imports another: what two features share lives in
    // renderer/grid, renderer/components or shared/.
    files: ['renderer/features/**/*.ts', 'renderer/features/**/*.tsx'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...RENDERER_IMPORTS, { regex: '^\\.\\./(?!\\.)[^/]+/|/features/', message: 'Features do not import each other: move what both need to renderer/grid, renderer/components or shared/.' }] }],
    },
  },
);
