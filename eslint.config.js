import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// The direction of dependencies: the pure core imports no shell; the kiosk and the proxy never import each other;
// the kiosk and the console share only core; the Kenjo simulator stands apart from the proxy it imitates.
const directionZones = [
  { target: './core', from: ['./src', './server', './e2e', './bench'], message: 'core is pure' },
  { target: './src', from: './server', message: 'the kiosk talks to the proxy only over HTTP' },
  { target: './server', from: './src', message: 'the proxy never imports the kiosk' },
  { target: './src/kiosk', from: './src/admin', message: 'the kiosk and the console share only core' },
  { target: './src/admin', from: './src/kiosk', message: 'the kiosk and the console share only core' },
  {
    target: './server/simulator',
    from: './server',
    except: ['./simulator'],
    message: 'the simulator imitates Kenjo and imports nothing of the proxy',
  },
];

// Production code never depends on test or benchmark support.
const supportZones = [
  {
    target: './server',
    from: ['./server/testing', './bench', './e2e'],
    message: 'test support stays out of production',
  },
  { target: './src', from: ['./src/testing', './e2e'], message: 'test support stays out of production' },
  {
    target: ['./server', './src', './core'],
    from: './core/testing',
    message: 'test support stays out of production',
  },
];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'dist-server/**',
      'node_modules/**',
      'data/**',
      'test-results/**',
      'playwright-report/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { 'import-x': importX },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'import-x/no-restricted-paths': ['error', { zones: directionZones }],
    },
  },
  {
    files: ['core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*', 'idb', 'react', 'react-dom', 'fastify'], message: 'core has no I/O' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['node:*'], message: 'the kiosk runs in a browser' }] },
      ],
    },
  },
  {
    files: ['server/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "ImportDeclaration[source.value='zod'] > ImportSpecifier[imported.name='z']",
          message:
            "import * as z from 'zod': the server's build keeps only the parts a namespace import uses",
        },
      ],
    },
  },
  {
    files: ['server/**/*.ts', 'src/**/*.{ts,tsx}', 'core/**/*.ts'],
    ignores: ['**/*.test.ts', '**/*.test.tsx', 'server/testing/**', 'src/testing/**', 'core/testing/**'],
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: [...directionZones, ...supportZones] }],
    },
  },
);
