/**
 * `npm run seed [-- --size small|full]`: the demo town 示范镇 into the database `npm start` uses
 * (DATABASE_URL, default sqlite:var/zhili.sqlite), with the same local secrets (var/dev-secrets.json)
 * unless PII keys are configured in the environment. Builds shared + BFF first when stale, then runs
 * bff/bin/seed.js. Idempotent: an existing demo town is left alone.
 */
import { runBffCli } from '../launcher/run-bff-cli';

process.exit(runBffCli('seed', process.argv.slice(2)));
