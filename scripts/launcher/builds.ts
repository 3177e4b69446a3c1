import { existsSync, readdirSync, statSync } from 'fs';
import { join } from 'path';
import { spawnSync } from 'child_process';
import { DEMO_APPID, repoRoot } from './dev-env';

interface BuildStep {
  name: string;
  /** A file that exists once the step has run. */
  output: string;
  npmScript: string;
  /** Inputs: when any file in them is newer than `output`, the step runs again. */
  sources: string[];
  env?: Record<string, string>;
}

/** What `npm start` needs, in dependency order (shared first: everything consumes its build). */
const STEPS: BuildStep[] = [
  { name: '@zhili/shared', output: 'shared/dist/cjs/index.js', npmScript: 'build:shared', sources: ['shared/src'] },
  { name: 'BFF', output: 'bff/dist/configuration.js', npmScript: 'build:bff', sources: ['bff/src', 'shared/src'] },
  {
    name: '管理端 admin',
    output: 'admin/dist/index.html',
    npmScript: 'build:admin',
    sources: ['admin/src', 'shared/src'],
  },
  {
    name: 'H5 mini-program',
    output: 'miniprogram/dist-h5/index.html',
    npmScript: 'build:h5',
    sources: ['miniprogram/src', 'miniprogram/config', 'shared/src'],
    env: { TARO_APP_WECHAT_APPID: DEMO_APPID },
  },
];

/** Newest modification time (ms) of any file under `dir`. */
function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function isUpToDate(step: BuildStep): boolean {
  const output = join(repoRoot, step.output);
  if (!existsSync(output)) return false;
  const builtAt = statSync(output).mtimeMs;
  return step.sources.every((source) => newestMtime(join(repoRoot, source)) <= builtAt);
}

/** `all` = what `npm start` serves; `bff` = shared + BFF only (seed, benchmarks). */
export type BuildSet = 'all' | 'bff';

/** Builds whatever is missing or older than its sources (everything with `force`). */
export function ensureBuilt(force = false, log: (line: string) => void = console.log, set: BuildSet = 'all'): void {
  for (const step of set === 'all' ? STEPS : STEPS.slice(0, 2)) {
    if (!force && isUpToDate(step)) continue;
    log(`构建 ${step.name}（npm run ${step.npmScript}）…`);
    const started = Date.now();
    const result = spawnSync('npm', ['run', step.npmScript], {
      cwd: repoRoot,
      // Production builds whoever calls us: under Jest NODE_ENV is 'test', which makes Taro's babel
      // keep React Refresh hooks ($RefreshReg$) that crash the page outside a dev server.
      env: { ...process.env, NODE_ENV: 'production', ...step.env },
      stdio: 'inherit',
    });
    if (result.status !== 0) throw new Error(`Build of ${step.name} failed (npm run ${step.npmScript})`);
    log(`✓ ${step.name} ${((Date.now() - started) / 1000).toFixed(1)}s`);
  }
}
