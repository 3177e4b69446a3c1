// Jest project for the mini-program's pure logic (request client, session). Add it to the root
// jest.config.js `projects` with `require('./miniprogram/jest.project.cjs')`.
module.exports = {
  displayName: 'miniprogram',
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.test.ts'],
  setupFiles: ['<rootDir>/test/globals.ts'],
  transform: {
    '^.+\\.ts$': [
      'ts-jest',
      // Types are checked by `npm run typecheck -w @zhili/miniprogram`; here only transpile to CJS.
      {
        tsconfig: {
          module: 'commonjs',
          target: 'ES2020',
          esModuleInterop: true,
          isolatedModules: true,
          types: ['node', 'jest'],
        },
      },
    ],
  },
  moduleNameMapper: {
    '^@tarojs/taro$': '<rootDir>/test/taro-mock.ts',
    '^@zhili/shared$': require('path').join(__dirname, '..', 'shared/src/index.ts'),
    '^@zhili/shared/client$': require('path').join(__dirname, '..', 'shared/src/client.ts'),
  },
};
