import { spawnSync } from 'child_process';
import { existsSync, readdirSync, statSync } from 'fs';
import { join } from 'path';
import { repoRoot } from '../launcher/dev-env';

/**
 * The seed needs only @zhili/shared and the BFF built (launcher/builds.ts would also build the admin
 * and the H5 app, minutes of work the seed does not use). Same staleness rule: rebuild when any
 * source file is newer than the build's marker output.
 */
const STEPS = [
  { name: '@zhili/shared', output: 'shared/dist/cjs/index.js', npmScript: 'build:shared', sources: ['shared/src'] },
  { name: 'BFF', output: 'bff/dist/configuration.js', npmScript: 'build:bff', sources: ['bff/src', 'shared/src'] },
];

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Builds shared and the BFF when missing or older than their sources. */
export function ensureBffBuilt(log: (line: string) => void = console.log): void {
  for (const step of STEPS) {
    const output = join(repoRoot, step.output);
    const fresh = existsSync(output) && step.sources.every((s) => newestMtime(join(repoRoot, s)) <= statSync(output).mtimeMs);
    if (fresh) continue;
    log(`构建 ${step.name}（npm run ${step.npmScript}）…`);
    const result = spawnSync('npm', ['run', step.npmScript, '--silent'], { cwd: repoRoot, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
    if (result.status !== 0) throw new Error(`Build of ${step.name} failed (npm run ${step.npmScript})`);
  }
}
