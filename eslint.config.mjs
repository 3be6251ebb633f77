import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/', 'docs/', 'node_modules/', 'custom-elements.json', '.tmp/'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  wc.configs['flat/recommended'],
  wc.configs['flat/best-practice'],
  lit.configs['flat/recommended'],
  {
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // Node scripts: the demo server, the test runner, benchmarks, configs.
    files: ['**/*.mjs', 'demo/server.mjs', 'bench/**'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // The server half's tests run in Node.
    files: ['test/**/*.mts'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Answers are read as plain JSON; their shape is what the OpenAPI validator checks.
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    files: ['test/**/*.ts'],
    languageOptions: { globals: { ...globals.mocha } },
    rules: {
      // Tests reach into shadow roots and fixtures they built themselves.
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Chai's property assertions (`expect(x).to.be.true`) are expressions.
      '@typescript-eslint/no-unused-expressions': 'off',
    },
  },
);
