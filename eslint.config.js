import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import moduleEntry from './eslint-rules/module-entry.js';
import tenantScope from './eslint-rules/tenant-scope.js';

// Our own rules (eslint-rules/), one plugin object shared by the configs below (ESLint refuses two of the same name).
const local = { rules: { 'module-entry': moduleEntry, 'tenant-scope': tenantScope } };

// Lint for mistakes, not style: TypeScript's strict mode does most of the work.
export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', '.tmp/**', 'test-results/**', 'playwright-report/**', 'drizzle/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { console: 'readonly', process: 'readonly', URL: 'readonly', Buffer: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/modules/**'], message: 'platform/ never imports modules/' }] }],
    },
  },
  {
    files: ['src/modules/**', 'src/*.ts', 'test/**', 'e2e/**', 'bench/**', 'scripts/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // Modules see each other only through index.ts / tables.ts (eslint-rules/module-entry.js).
    files: ['src/modules/**/*.ts'],
    plugins: { local },
    rules: { 'local/module-entry': 'error' },
  },
  {
    // Queries on tenant tables are scoped to a workspace, or say why not (eslint-rules/tenant-scope.js).
    files: ['src/modules/**/*.ts', 'src/platform/**/*.ts'],
    ignores: ['**/*.test.ts'],
    plugins: { local },
    rules: { 'local/tenant-scope': 'error' },
  },
  {
    // The scripts of published funnel pages run in visitors' browsers as written (no build step).
    files: ['src/modules/funnels/publishing/runtime/*.js', 'src/modules/commerce/checkout/checkout-runtime.js'],
    languageOptions: {
      sourceType: 'script',
      globals: Object.fromEntries(
        ['document', 'location', 'sessionStorage', 'localStorage', 'URLSearchParams', 'FormData', 'fetch', 'setTimeout', 'URL', 'window', 'crypto'].map(
          (name) => [name, 'readonly'],
        ),
      ),
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly' } },
  },
);
