#!/usr/bin/env node
// Size of the weapp build per package: the main package is everything in dist/ outside the
// subpackage roots. Limits we hold ourselves to (WeChat allows 2 MB each): main ≤ 800 KB, each
// subpackage ≤ 1 MB. Exits 1 when a limit is exceeded. (Issue #12: importing the contract from the
// full @zhili/shared entry once took the main package to 987 KB — zod and every schema; the
// mini-program imports @zhili/shared/client, and `npm run depcheck` holds it there.)
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const KB = 1024;
const MAIN_LIMIT = 800 * KB;
const SUB_LIMIT = 1024 * KB;

if (!existsSync(join(dist, 'app.json'))) {
  console.error('dist/app.json not found: run `npm run build:weapp -w @zhili/miniprogram` first');
  process.exit(1);
}

const appJson = JSON.parse(readFileSync(join(dist, 'app.json'), 'utf8'));
const subRoots = (appJson.subPackages ?? appJson.subpackages ?? []).map((p) => p.root.replace(/\/+$/, ''));

// DevTools does not upload these; they are not part of any package.
const ignored = new Set(['project.config.json', 'project.private.config.json']);

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

const totals = new Map([['(main)', { bytes: 0, files: 0 }], ...subRoots.map((r) => [r, { bytes: 0, files: 0 }])]);
for (const file of walk(dist)) {
  const rel = relative(dist, file).split(sep).join('/');
  if (ignored.has(rel) || rel.endsWith('.map')) continue;
  const owner = subRoots.find((r) => rel === r || rel.startsWith(`${r}/`)) ?? '(main)';
  const entry = totals.get(owner);
  entry.bytes += statSync(file).size;
  entry.files += 1;
}

let failed = false;
const rows = [...totals].map(([name, { bytes, files }]) => {
  const limit = name === '(main)' ? MAIN_LIMIT : SUB_LIMIT;
  const ok = bytes <= limit;
  if (!ok) failed = true;
  return { package: name, files, bytes, KB: (bytes / KB).toFixed(1), limitKB: limit / KB, ok: ok ? 'ok' : 'OVER' };
});
const total = rows.reduce((sum, r) => sum + r.bytes, 0);

const header = ['package', 'files', 'bytes', 'KB', 'limit KB', ''];
const lines = rows.map((r) => [r.package, String(r.files), String(r.bytes), r.KB, String(r.limitKB), r.ok]);
lines.push(['total', String(rows.reduce((s, r) => s + r.files, 0)), String(total), (total / KB).toFixed(1), '', '']);
const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
const fmt = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
console.log(fmt(header));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const line of lines) console.log(fmt(line));
process.exit(failed ? 1 : 0);
