import nx from '@nx/eslint-plugin';

/**
 * The arrows point one way: apps → runtime → service/read → domain → kernel. Infrastructure
 * (type:infra) serves the write and read sides and never reaches into a domain.
 */
const depConstraints = [
  { sourceTag: 'type:kernel', onlyDependOnLibsWithTags: ['type:kernel'] },
  { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:kernel'] },
  { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:kernel', 'type:contracts'] },
  { sourceTag: 'type:infra', onlyDependOnLibsWithTags: ['type:kernel', 'type:contracts', 'type:infra'] },
  { sourceTag: 'type:service', onlyDependOnLibsWithTags: ['type:kernel', 'type:contracts', 'type:domain', 'type:infra', 'type:testing'] },
  { sourceTag: 'type:read', onlyDependOnLibsWithTags: ['type:kernel', 'type:contracts', 'type:domain', 'type:infra', 'type:testing'] },
  { sourceTag: 'type:runtime', onlyDependOnLibsWithTags: ['type:kernel', 'type:contracts', 'type:domain', 'type:infra', 'type:service', 'type:read', 'type:testing'] },
  { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:kernel', 'type:contracts', 'type:domain', 'type:infra', 'type:service', 'type:read', 'type:runtime', 'type:testing'] },
  { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:kernel', 'type:contracts', 'type:infra', 'type:service', 'type:read', 'type:runtime', 'type:testing'] },
  { sourceTag: 'type:tools', onlyDependOnLibsWithTags: ['*'] },
  // A context's libraries use their own context and the shared ones, never another context's internals.
  ...['services-catalog', 'oversight', 'decisions', 'supervision', 'interpretations', 'requests', 'participation'].map((scope) => ({
    sourceTag: `scope:${scope}`,
    onlyDependOnLibsWithTags: [`scope:${scope}`, 'scope:shared'],
  })),
];

/** Tests of every layer may use the shared test harnesses (nats-server launcher, platform process). */
const testDepConstraints = depConstraints.map((constraint) =>
  constraint.sourceTag.startsWith('type:') ? { ...constraint, onlyDependOnLibsWithTags: [...new Set([...constraint.onlyDependOnLibsWithTags, 'type:testing'])] } : constraint,
);

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  { ignores: ['**/dist', '**/node_modules', '**/coverage', '**/.nx', 'data/**', 'tmp/**'] },
  {
    files: ['**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': ['error', { enforceBuildableLibDependency: false, allow: [], depConstraints }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.spec.ts'],
    rules: {
      '@nx/enforce-module-boundaries': ['error', { enforceBuildableLibDependency: false, allow: [], depConstraints: testDepConstraints }],
      // A test that reaches a value it asserted exists may say so with `!`.
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['**/*.cjs', '**/*.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
];
