// Lint rules that catch what bites a bot: dropped promises lose replies, `any` hides bugs,
// and SDK imports outside src/bot/ and src/server.ts would tie the domain to botbuilder.
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';

const sdkImports = {
  patterns: [
    {
      group: ['botbuilder', 'botbuilder-*', 'botframework-*', 'restify'],
      message: 'Only src/bot/ and src/server.ts may import the Bot Framework SDK or restify.',
    },
  ],
};

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'coverage/**',
      'data/**',
      '*.js',
      '*.mjs',
      'deploy/**',
      'src/cli/_*.ts',
      // The echo bot baseline is plain CommonJS so it starts without a compile step.
      'bench/*.cjs',
    ],
  },
  eslint.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-console': 'error',
      'no-restricted-imports': ['error', sdkImports],
    },
  },
  {
    files: ['src/bot/**', 'src/server.ts', 'src/index.ts', 'test/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  { files: ['src/cli/**', 'bench/**'], rules: { 'no-console': 'off' } },
  {
    files: ['**/*.test.ts', 'test/**'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
);
