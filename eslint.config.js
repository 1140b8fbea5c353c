// Flat config: typescript-eslint's recommended rules over the whole repo; formatting is prettier's job.
import eslint from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  // Mirrors .gitignore (flat config does not read it): build output, local state, scratch space.
  {
    ignores: ['dist/', 'node_modules/', 'var/', 'coverage/', 'tmp/', 'scratch/', 'tests/fixtures/'],
  },
  eslint.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // `_`-prefixed names are deliberate placeholders (unused callback parameters, destructuring).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
);
