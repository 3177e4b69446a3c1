#!/usr/bin/env node
// `npm run migrate -w @zhili/bff [-- revert]`: apply pending migrations to DATABASE_URL.
const { migrate } = require('../dist/cli/migrate');

migrate(process.argv[2] === 'revert' ? 'revert' : 'up')
  .then((applied) => {
    console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Database is up to date.');
  })
  .catch((err) => {
    console.error(`Migration failed: ${err.message}`);
    process.exit(1);
  });
