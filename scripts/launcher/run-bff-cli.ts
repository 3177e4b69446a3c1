/**
 * `tsx scripts/launcher/run-bff-cli.ts <name> [args…]`: runs the BFF's command-line tool
 * `bff/bin/<name>.js` (seed, audit-verify, pii-rekey) against the database `npm start` uses, with
 * the checkout's local secrets (var/dev-secrets.json) wherever the environment does not configure
 * them — so `npm run audit:verify` works right after `npm start` without hand-set variables, and in
 * production the operator's environment wins. Builds shared + BFF first when stale.
 */
import { spawnSync } from 'child_process';
import { existsSync } from 'fs';
import { join } from 'path';
import { loadOrCreateDevSecrets, repoRoot } from './dev-env';
import { ensureBuilt } from './builds';
import { seedEnv } from '../seed/seed-env';

export function runBffCli(name: string, args: string[]): number {
  const bin = join(repoRoot, 'bff/bin', `${name}.js`);
  if (!/^[a-z-]+$/.test(name) || !existsSync(bin)) {
    console.error(`没有这个命令：bff/bin/${name}.js`);
    return 1;
  }
  ensureBuilt(false, console.log, 'bff');
  const env = seedEnv(process.env, loadOrCreateDevSecrets());
  console.log(`数据库 ${env.DATABASE_URL}`);
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: repoRoot, env, stdio: 'inherit' });
  return result.status ?? 1;
}

if (require.main === module) {
  const [name, ...args] = process.argv.slice(2);
  process.exit(runBffCli(name ?? '', args));
}
