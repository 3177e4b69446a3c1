/**
 * Dependency rules of the monorepo (issue #12): `npm run depcheck` fails CI on any violation.
 *
 * BFF layering: features (`bff/src/modules/<m>`) depend on `bff/src/core`, never the reverse; a
 * module reaches another one only through that module's `index.ts`, and modules form no cycles.
 * `shared` is plain TypeScript that every workspace can load, so it imports no framework; the front
 * ends talk to the BFF over HTTP only.
 */
const MODULE = '^bff/src/modules/([^/]+)/';

module.exports = {
  forbidden: [
    {
      name: 'core-imports-no-module',
      severity: 'error',
      comment:
        'core is what modules build on; when core needs a module, the module registers with core instead. The app wiring (config/, configuration.ts) assembles modules, so core imports none of it either.',
      from: { path: '^bff/src/core/', pathNot: '\\.test\\.ts$' },
      to: { path: '^bff/src/(modules/|config/|configuration\\.ts$)' },
    },
    {
      name: 'module-via-index',
      severity: 'error',
      comment: "Another module's internals are its own: import what it exports from its index.ts.",
      from: { path: MODULE },
      to: { path: '^bff/src/modules/', pathNot: ['^bff/src/modules/$1/', '^bff/src/modules/[^/]+/index\\.ts$'] },
    },
    {
      name: 'no-module-cycle',
      severity: 'error',
      comment: 'Modules depend on each other in one direction only (e.g. registry → region, never back).',
      scope: 'folder',
      // Folder scope compares folders; cycles between sub-folders of one module are its own business.
      from: { path: '^bff/src/modules/([^/]+)' },
      to: { path: '^bff/src/modules/', pathNot: '^bff/src/modules/$1(/|$)', circular: true },
    },
    {
      name: 'no-file-cycle',
      severity: 'error',
      comment: 'A file cycle loads half-initialised modules at run time (undefined classes in decorators).',
      from: { path: '^bff/src/' },
      to: { circular: true, dependencyTypesNot: ['type-only'], viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'shared-imports-no-framework',
      severity: 'error',
      comment: 'shared runs in the BFF, the admin portal and the mini-program alike.',
      from: { path: '^shared/src/' },
      to: {
        path: [
          '^(bff|admin|miniprogram|scripts)/',
          'node_modules/(@midwayjs|typeorm|koa|vue|vue-router|pinia|element-plus|react|react-dom|@tarojs|socket\\.io)(/|$)',
        ],
      },
    },
    {
      name: 'frontends-import-no-bff',
      severity: 'error',
      comment: 'The admin portal and the mini-program reach the BFF over HTTP; shared holds what they have in common.',
      from: { path: '^(admin|miniprogram)/src/' },
      to: { path: '^bff/' },
    },
    {
      name: 'miniprogram-imports-zod-free-shared',
      severity: 'error',
      comment:
        "The mini-program takes values from @zhili/shared/client only: the full entry's contract carries zod and every schema (~560 KB of the main package, issue #12). Types may come from anywhere (import type is erased); client re-exports them all anyway.",
      from: { path: '^miniprogram/src/' },
      to: { path: '^shared/src/', pathNot: '^shared/src/client\\.ts$', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'An import that does not resolve would break at run time.',
      from: { path: '^(bff|shared)/src/' },
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|dist-h5|node_modules)/' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      // `zhili-source` (shared/package.json exports): @zhili/shared resolves to its source, so the rules
      // see which entry a front end imports and follow it into shared/src (not into the build).
      conditionNames: ['zhili-source', 'import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
      extensions: ['.ts', '.tsx', '.d.ts', '.js', '.mjs', '.cjs', '.vue', '.json'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
