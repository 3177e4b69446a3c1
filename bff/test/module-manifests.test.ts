import { readdirSync, readFileSync } from 'fs';
import { join, relative } from 'path';
import { z } from '@zhili/shared';
import { getMetadataArgsStorage } from 'typeorm';
import { entities, manifests, migrations, startupProviders } from '../src/modules';
import { checkManifests, migrationTimestamp, moduleEnvs, type MigrationClass } from '../src/core/modules/manifest';

const src = join(__dirname, '../src');

/** Every file under `dir` whose name ends with `suffix`. */
function filesEnding(dir: string, suffix: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? filesEnding(join(dir, entry.name), suffix)
      : entry.name.endsWith(suffix)
        ? [join(dir, entry.name)]
        : [],
  );
}

describe('module manifests', () => {
  it('list every migration file once, in timestamp order', () => {
    const files = readdirSync(join(src, 'core/db/migrations')).filter((f) => /^\d{13}-.+\.ts$/.test(f));
    const listed = migrations.map((m) => migrationTimestamp(m));
    expect(listed).toEqual([...listed].sort((a, b) => a - b));
    expect(listed.map(String)).toEqual(files.map((f) => f.slice(0, 13)).sort());
  });

  it('list every TypeORM entity of the BFF in exactly one manifest', () => {
    // Loading every *.entity.ts registers all decorated classes, listed or not.
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loading each file for its decorators is the point
    for (const file of filesEnding(src, '.entity.ts')) require(file);
    const listed: readonly unknown[] = entities;
    const unlisted = getMetadataArgsStorage()
      .tables.filter((t) => typeof t.target === 'function' && !listed.includes(t.target))
      .map((t) => (t.target as { name: string }).name);
    expect(unlisted).toEqual([]);
    expect(new Set(entities).size).toBe(entities.length);
  });

  it('name each module after its folder, once', () => {
    const folders = readdirSync(join(src, 'modules'), { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name);
    expect(manifests.map((m) => m.name).sort()).toEqual(['core', ...folders].sort());
    expect(
      filesEnding(join(src, 'modules'), 'manifest.ts')
        .map((f) => relative(src, f).split('/')[1])
        .sort(),
    ).toEqual([...folders].sort());
  });

  it('refuses two manifests that declare one environment variable, and hands each module only its own', () => {
    const a = { name: 'a', config: { SHARED: z.string() } };
    const b = { name: 'b', config: { SHARED: z.string() } };
    expect(() => checkManifests([a, b])).toThrow('SHARED is declared by both a and b');
    expect(moduleEnvs([a, { name: 'c', config: { OWN: z.string() } }], { SHARED: 'x', OWN: 'y', OTHER: 'z' })).toEqual({
      a: { SHARED: 'x' },
      c: { OWN: 'y' },
    });
  });

  it('refuses a migration whose name carries no timestamp', () => {
    class NoTimestamp {
      async up(): Promise<void> {}
      async down(): Promise<void> {}
    }
    expect(() => migrationTimestamp(NoTimestamp as MigrationClass)).toThrow('NoTimestamp has no 13-digit timestamp');
  });
  it('create at start every provider that subscribes to domain events, so no outbox row waits for a first request', () => {
    // A subscriber created lazily registers only when some request first injects it: outbox rows of
    // its topic queued before a restart would wait, and two concurrent first requests register twice.
    const router = join(src, 'modules/wechat/wechat-push.router.ts'); // the mechanism, not a subscriber
    const subscribing = filesEnding(join(src, 'modules'), '.ts').filter(
      (file) => file !== router && /this\.(events\.subscribe|wechatRouter\.route)\(/.test(readFileSync(file, 'utf8')),
    );
    expect(subscribing.length).toBeGreaterThan(3);
    const listed: readonly unknown[] = startupProviders;
    const missing = subscribing.filter((file) => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- the file's exported classes are what the manifest lists
      const exported = Object.values(require(file) as Record<string, unknown>);
      return !exported.some((value) => listed.includes(value));
    });
    expect(missing.map((file) => relative(src, file))).toEqual([]);
  });
});
