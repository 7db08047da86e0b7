import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import rooms from './tools/eslint/rooms.js';

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'dist-electron/**', 'dist-cli/**', 'release/**', 'test-artifacts/**', '.scratch*/**', '**/*.tmp.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { gangway: rooms },
    rules: {
      'gangway/rooms': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
