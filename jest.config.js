// One Jest run for the whole repo; each workspace is a project so `npm test` covers everything
// and `jest --selectProjects <name>` runs one part.
const path = require('path');
const fs = require('fs');

// `jest --selectProjects bff bff/test/x.test.ts` would read the file as a second project name (the flag
// takes a list) and run the whole project. Test files named on the command line after it narrow the
// selected projects to those files, as the command reads.
const argv = process.argv.slice(2);
const namedTestFiles = argv.includes('--selectProjects')
  ? argv.filter((a) => /\.test\.tsx?$/.test(a) && fs.existsSync(a)).map((a) => path.resolve(a))
  : [];
function narrowed(project) {
  const root = path.resolve(__dirname, project.rootDir);
  const mine = namedTestFiles.filter((file) => file.startsWith(root + path.sep));
  return mine.length ? { ...project, testMatch: mine } : project;
}

// The workspace package @zhili/shared, read from source so tests never need its build.
const sharedSrc = path.join(__dirname, 'shared/src/index.ts');
// isolatedModules (set in tsconfig.base.json) makes ts-jest transpile per file: fast, types are checked by tsc.
const tsJest = (tsconfig) => ['ts-jest', { tsconfig }];

const bffProject = {
  displayName: 'bff',
  rootDir: 'bff',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/**/*.test.ts', '<rootDir>/src/**/*.test.ts'],
  transform: { '^.+\\.ts$': tsJest('<rootDir>/tsconfig.json') },
  moduleNameMapper: { '^@zhili/shared$': sharedSrc },
  globalSetup: '<rootDir>/test/global-setup.ts',
  // Needs Redis: runs in bff:mysql+redis only.
  testPathIgnorePatterns: ['/node_modules/', '\\.redis-shared\\.test\\.ts$'],
};

/** @type {import('jest').Config} */
module.exports = {
  // Per-project testTimeout is ignored by Jest 29; integration tests start real servers, and a
  // file's beforeAll (app start + every migration, on MariaDB too) shares the cores with two other
  // workers in CI: 90 s only delays the report of a real hang, 30 s failed healthy files under load.
  testTimeout: 90000,
  // Jest's default (cores - 1) is one worker on a 2-core CI machine, which then mostly waits on
  // databases, servers and browsers. Test files are independent (own database, Redis prefix, ports),
  // so three workers overlap that waiting; `--maxWorkers` on the command line still wins.
  maxWorkers: Math.max(3, require('os').availableParallelism() - 1),
  projects: [
    {
      displayName: 'shared',
      rootDir: 'shared',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/src/**/*.test.ts'],
      transform: { '^.+\\.ts$': tsJest('<rootDir>/tsconfig.json') },
    },
    bffProject,
    // The same BFF files again on MariaDB + Redis when the test services are configured.
    ...(process.env.TEST_DATABASE_URL || process.env.TEST_REDIS_URL
      ? [
          {
            ...bffProject,
            displayName: 'bff:mysql+redis',
            // Unit tests under src/ do not touch the database; run them once, in `bff`.
            testMatch: ['<rootDir>/test/**/*.test.ts'],
            testPathIgnorePatterns: ['/node_modules/'],
            setupFiles: ['<rootDir>/test/support/use-mysql-redis.ts'],
          },
        ]
      : []),
    require('./miniprogram/jest.project.cjs'),
    {
      displayName: 'scripts',
      rootDir: 'scripts',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/e2e/'],
      transform: { '^.+\\.ts$': tsJest('<rootDir>/tsconfig.json') },
      moduleNameMapper: { '^@zhili/shared$': sharedSrc },
    },
    {
      displayName: 'e2e',
      rootDir: 'scripts/e2e',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/**/*.e2e.test.ts'],
      transform: { '^.+\\.ts$': tsJest('<rootDir>/../tsconfig.json') },
      moduleNameMapper: { '^@zhili/shared$': sharedSrc },
      setupFilesAfterEnv: ['<rootDir>/setup-timeout.ts'],
      globalSetup: '<rootDir>/global-setup.ts',
    },
  ].map(narrowed),
};
