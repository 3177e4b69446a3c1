/**
 * `npm run seed [-- --size small|full]`: the demo town 示范镇 into the database `npm start` uses
 * (DATABASE_URL, default sqlite:var/zhili.sqlite), with the same local secrets (var/dev-secrets.json)
 * unless PII keys are configured in the environment. Builds shared + BFF first when stale, then runs
 * bff/bin/seed.js. Idempotent: an existing demo town is left alone.
 */
import { spawnSync } from 'child_process';
import { join } from 'path';
import { loadOrCreateDevSecrets, repoRoot } from '../launcher/dev-env';
import { ensureBuilt } from '../launcher/builds';
import { seedEnv } from './seed-env';

function main(): number {
  ensureBuilt(false, console.log, 'bff');
  const env = seedEnv(process.env, loadOrCreateDevSecrets());
  console.log(`数据库 ${env.DATABASE_URL}`);
  const result = spawnSync(process.execPath, [join(repoRoot, 'bff/bin/seed.js'), ...process.argv.slice(2)], { cwd: repoRoot, env, stdio: 'inherit' });
  return result.status ?? 1;
}

process.exit(main());
