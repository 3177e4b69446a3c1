#!/usr/bin/env node
/**
 * Size report of the admin build: gzip size of the initial JS (entry script of dist/index.html plus
 * its static-import closure, i.e. what the browser must fetch before the app can start) and of all
 * assets. Usage: `npm run size -w @zhili/admin` after `npm run build -w @zhili/admin`.
 * Pass --json for machine-readable output.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, posix, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const BASE = '/admin/';

function toDistPath(url) {
  const clean = url.split(/[?#]/)[0];
  return clean.startsWith(BASE) ? clean.slice(BASE.length) : clean.replace(/^\.?\//, '');
}

function gzipSize(file) {
  return gzipSync(readFileSync(join(dist, file))).length;
}

function listFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? listFiles(full) : [relative(dist, full).split('\\').join('/')];
  });
}

/** Static imports / re-exports of an ES module chunk (dynamic `import()` excluded). */
function staticImports(file) {
  const code = readFileSync(join(dist, file), 'utf8');
  const found = new Set();
  const re = /(?:^|[;\n}])\s*(?:import|export)\s*(?:[\w*$\s{},]*?\s*from\s*)?["']([^"']+\.js)["']/g;
  for (const match of code.matchAll(re)) {
    found.add(posix.normalize(posix.join(posix.dirname(file), match[1])));
  }
  return [...found];
}

const html = readFileSync(join(dist, 'index.html'), 'utf8');
const entries = [...html.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+)"/g)].map((m) => toDistPath(m[1]));
const preloads = [...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)].map((m) => toDistPath(m[1]));
const initialCss = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)].map((m) => toDistPath(m[1]));

const initialJs = new Set();
const queue = [...entries, ...preloads];
while (queue.length > 0) {
  const file = queue.shift();
  if (initialJs.has(file)) continue;
  initialJs.add(file);
  queue.push(...staticImports(file));
}

const rows = listFiles(dist)
  .filter((f) => /\.(js|css)$/.test(f))
  .map((file) => ({
    file,
    raw: statSync(join(dist, file)).size,
    gzip: gzipSize(file),
    initial: initialJs.has(file) || initialCss.includes(file),
  }))
  .sort((a, b) => Number(b.initial) - Number(a.initial) || b.gzip - a.gzip);

const sum = (list, key) => list.reduce((n, r) => n + r[key], 0);
const js = rows.filter((r) => r.file.endsWith('.js'));
const css = rows.filter((r) => r.file.endsWith('.css'));
const initialJsRows = js.filter((r) => r.initial);
const initialCssRows = css.filter((r) => r.initial);

const summary = {
  entries,
  initialJs: {
    files: initialJsRows.map((r) => r.file),
    raw: sum(initialJsRows, 'raw'),
    gzip: sum(initialJsRows, 'gzip'),
  },
  initialCss: {
    files: initialCssRows.map((r) => r.file),
    raw: sum(initialCssRows, 'raw'),
    gzip: sum(initialCssRows, 'gzip'),
  },
  totalJs: { raw: sum(js, 'raw'), gzip: sum(js, 'gzip') },
  totalCss: { raw: sum(css, 'raw'), gzip: sum(css, 'gzip') },
  files: rows,
};

if (process.argv.includes('--json')) {
  console.log(JSON.stringify(summary, null, 2));
} else {
  const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
  console.log('file'.padEnd(48), 'raw'.padStart(11), 'gzip'.padStart(11), ' initial');
  for (const r of rows) {
    console.log(r.file.padEnd(48), kb(r.raw).padStart(11), kb(r.gzip).padStart(11), r.initial ? ' *' : '');
  }
  console.log('');
  console.log(
    `initial JS  (${initialJsRows.length} files): ${kb(summary.initialJs.raw)} raw, ${kb(summary.initialJs.gzip)} gzip`,
  );
  console.log(
    `initial CSS (${initialCssRows.length} files): ${kb(summary.initialCss.raw)} raw, ${kb(summary.initialCss.gzip)} gzip`,
  );
  console.log(`total JS    (${js.length} files): ${kb(summary.totalJs.raw)} raw, ${kb(summary.totalJs.gzip)} gzip`);
  console.log(`total CSS   (${css.length} files): ${kb(summary.totalCss.raw)} raw, ${kb(summary.totalCss.gzip)} gzip`);
}
