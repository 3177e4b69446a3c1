/**
 * Writes shared/src/contract/route-index.generated.ts from the contract table: for every route its
 * method, path and list flag, typed by the spec it stands for. Run `npm run gen:routes` after a route
 * is added, renamed or moved; shared's route-index.test.ts fails until the index matches the table.
 *
 * Reads the table from source (not shared's build), so a stale dist cannot produce a stale index.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as prettier from 'prettier';
import { contract } from '../../shared/src/contract/table';
import { routeIndexOf, type PlainRouteRef } from '../../shared/src/contract/route-ref';

const target = resolve(__dirname, '../../shared/src/contract/route-index.generated.ts');

const identifier = /^[A-Za-z_$][\w$]*$/;
const key = (name: string) => (identifier.test(name) ? name : JSON.stringify(name));

function refText(ref: PlainRouteRef): string {
  const list = ref.list ? ', list: true' : '';
  return `{ method: ${JSON.stringify(ref.method)}, path: ${JSON.stringify(ref.path)}${list} }`;
}

function render(): string {
  const groups = Object.entries(routeIndexOf(contract)).map(([group, refs]) => {
    const entries = Object.entries(refs).map(([name, ref]) => `  ${key(name)}: ${refText(ref)},`);
    return `export const ${group}: RouteGroupRefs<Table[${JSON.stringify(group)}]> = {\n${entries.join('\n')}\n};`;
  });
  return [
    '// Generated from the contract table (table.ts) by `npm run gen:routes`: do not edit by hand.',
    '// route-index.test.ts fails when this index and the table disagree.',
    '//',
    '// Method, path and list flag of every route, without schemas (no zod at run time): what the',
    '// mini-program needs to call the BFF. The specs come in as types only.',
    "import type { contract } from './table';",
    "import type { RouteGroupRefs } from './route-ref';",
    '',
    'type Table = typeof contract;',
    '',
    ...groups.flatMap((g) => [g, '']),
  ].join('\n');
}

async function main(): Promise<void> {
  const options = (await prettier.resolveConfig(target)) ?? {};
  const text = await prettier.format(render(), { ...options, filepath: target });
  writeFileSync(target, text);
  console.log(`wrote ${target}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
