// One ESLint flat config for every workspace. Rules are chosen to catch real bugs; layout is Prettier's job
// (eslint-config-prettier comes last and switches off every rule that would argue with it).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import vue from 'eslint-plugin-vue';
import react from 'eslint-plugin-react';
import reactHooks from 'eslint-plugin-react-hooks';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

// Node-side TypeScript whose programs are cheap enough to type-check inside the linter. The admin (.vue) and
// the mini-program would need vue-tsc / Taro typings loaded into the linter, which costs more than it finds.
const typeAwareFiles = ['shared/src/**/*.ts', 'bff/src/**/*.ts', 'bff/test/**/*.ts', 'scripts/**/*.ts'];

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/dist-h5/**',
      '**/var/**',
      '**/coverage/**',
      '**/.swc/**',
      // Written by unplugin-auto-import / unplugin-vue-components on every admin build.
      'admin/src/types/auto-imports.d.ts',
      'admin/src/types/components.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // Rules for every file.
    rules: {
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-var': 'error',
      'prefer-const': 'error',
      'no-throw-literal': 'error',
      'no-return-assign': 'error',
      'no-self-compare': 'error',
      'no-template-curly-in-string': 'error',
      // `new Promise((r) => setTimeout(r, ms))` is the idiom; the rule would flag every wait.
      'no-promise-executor-return': 'off',
      // Our control-character regexes (input sanitising, Open311 text) match them on purpose.
      'no-control-regex': 'off',
      '@typescript-eslint/no-unused-expressions': ['error', { allowShortCircuit: true, allowTernary: true }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      // One zod for the product (one instance, one set of Chinese messages): from @zhili/shared.
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'zod', message: "import { z } from '@zhili/shared' instead" }] },
      ],
      '@typescript-eslint/ban-ts-comment': ['error', { 'ts-expect-error': 'allow-with-description' }],
    },
  },
  {
    // Plain JavaScript: CommonJS entry points, Node scripts, build configs.
    files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  {
    // shared is where zod comes from.
    files: ['shared/src/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['shared/**/*.ts', 'bff/**/*.ts', 'scripts/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // A class injects the variables it reads (its module's env type, or a Pick), never the whole
    // environment: what a class depends on stays visible, and a module cannot read another's secrets.
    files: ['bff/src/**/*.ts'],
    ignores: ['bff/src/configuration.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "PropertyDefinition > TSTypeAnnotation > TSTypeReference[typeName.name='AppEnv'], PropertyDefinition TSPropertySignature > TSTypeAnnotation > TSTypeReference[typeName.name='AppEnv']",
          message: 'Inject only the variables this class reads: Pick<AppEnv, ...> or the module env type.',
        },
      ],
    },
  },
  {
    // Benches and journeys load the BFF's build from a path known only at run time.
    files: ['scripts/**/*.ts'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: typeAwareFiles,
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // An un-awaited promise in the BFF is a lost error or a write racing the response.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': [
        'error',
        { checksVoidReturn: { arguments: false, attributes: false } },
      ],
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/require-await': 'off',
    },
  },
  // --- admin: Vue 3 single-file components.
  ...vue.configs['flat/recommended'].map((config) => ({ ...config, files: ['admin/**/*.vue'] })),
  {
    files: ['admin/**/*.vue'],
    languageOptions: {
      parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'], sourceType: 'module' },
    },
  },
  {
    files: ['admin/**/*.vue', 'admin/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['admin/**/*.vue'],
    rules: {
      'vue/require-v-for-key': 'error',
      'vue/no-mutating-props': 'error',
      'vue/no-unused-vars': 'error',
      // Page components are named by their route (HomePage, LoginPage); one-word names are not used.
      'vue/multi-word-component-names': 'off',
    },
  },
  // --- mini-program: Taro with React.
  {
    files: ['miniprogram/**/*.{ts,tsx}'],
    ...react.configs.flat.recommended,
    languageOptions: {
      ...react.configs.flat.recommended.languageOptions,
      globals: { ...globals.browser, ...globals.node, wx: 'readonly' },
    },
    settings: { react: { version: '18.3' } },
  },
  { files: ['miniprogram/**/*.{ts,tsx}'], ...react.configs.flat['jsx-runtime'] },
  {
    files: ['miniprogram/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      // Only the classic hook rules: the React Compiler rules in the plugin's preset assume the compiler.
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      // Props are typed by TypeScript.
      'react/prop-types': 'off',
    },
  },
  {
    // Jest mocks and setup files declare what the real module exports, used or not.
    files: ['**/test/**/*.ts', '**/*.test.ts'],
    languageOptions: { globals: { ...globals.jest } },
  },
  prettier,
);
