#!/usr/bin/env node
// `npm run seed -w @zhili/bff`: migrations + the small demo seed; prints a JSON result line
// (the launcher reads it to show the admin password once).
const { seedFromEnv } = require('../dist/cli/seed');

seedFromEnv()
  .then((result) => console.log(JSON.stringify(result)))
  .catch((err) => {
    console.error(`Seed failed: ${err.message}`);
    process.exit(1);
  });
