// The layering of src/ (DESIGN.md §4, src/README.md), checked by `npm run lint`.
// A violation prints the rule's name; test/layering.test.ts shows one failing on purpose.

const PILLARS = '(treaty|clearance|stockpiles|victims|cooperation|transparency)';
// Files of a pillar that may do I/O; every other file of a pillar holds rules.
const IO_FILES = [
  '(store|rows|routes|service|cache|seed|tables|reference|input|pdf)\\.ts$',
  '/store-[a-z-]+\\.ts$',
  '/(migrations|files|serving|demo)/',
];
const TESTS = ['\\.test\\.ts$', '/test-[a-z-]+\\.ts$'];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'core-imports-nothing-of-ours',
      comment: 'src/core is the vocabulary every layer shares: dates, State codes, errors, geometry.',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { path: '^src/', pathNot: '^src/core/' },
    },
    {
      name: 'rules-are-pure',
      comment:
        'A pillar rules file imports only core, its own pillar, the treaty engine and source records: no store, HTTP, server, CLI, setup or web.',
      severity: 'error',
      from: { path: `^src/${PILLARS}/`, pathNot: [...IO_FILES, ...TESTS] },
      to: { path: '^src/(store|http|server|cli|setup|web|accounts)/' },
    },
    {
      name: 'rules-import-no-other-pillar',
      comment: 'Rules of one pillar may use the treaty engine, never another pillar.',
      severity: 'error',
      from: { path: `^src/${PILLARS}/`, pathNot: [...IO_FILES, ...TESTS] },
      to: { path: `^src/${PILLARS}/`, pathNot: ['^src/$1/', '^src/treaty/'] },
    },
    {
      name: 'store-knows-no-pillar',
      comment: 'src/store is plumbing: connection, migration runner, audit, batches, versions.',
      severity: 'error',
      from: { path: '^src/store/', pathNot: TESTS },
      to: { path: '^src/', pathNot: '^src/(store|core)/' },
    },
    {
      name: 'http-knows-no-pillar',
      comment: 'src/http is the HTTP kit every pillar uses; it imports no pillar.',
      severity: 'error',
      from: { path: '^src/http/' },
      to: { path: '^src/', pathNot: '^src/(http|core|store)/' },
    },
    {
      name: 'only-web-imports-web',
      comment: 'The browser app is a client of the HTTP API; nothing else imports it.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/web/' },
      to: { path: '^src/web/' },
    },
    {
      name: 'web-imports-only-types',
      comment:
        'The browser app imports types from the pillars; code only from src/core/geo (pure, browser-safe) and JSON files of the catalogue in src/i18n.',
      severity: 'error',
      from: { path: '^src/web/' },
      to: {
        path: '^src/',
        pathNot: ['^src/(web|core/geo)/', '^src/i18n/[a-z/-]+\\.json$'],
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'only-server-and-cli-import-server',
      comment: 'src/server assembles the app; it is the top of the HTTP stack.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/(server|cli)/' },
      to: { path: '^src/server/' },
    },
    {
      name: 'only-cli-imports-cli',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/cli/' },
      to: { path: '^src/cli/' },
    },
    {
      name: 'setup-is-for-entry-points',
      comment: 'src/setup composes every pillar (migrations, seed): only the server, the CLI and tests use it.',
      severity: 'error',
      from: { path: '^src/', pathNot: ['^src/(setup|server|cli)/', ...TESTS] },
      to: { path: '^src/setup/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^src/web/dist/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] },
  },
};
