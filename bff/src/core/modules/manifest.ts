import type { ClassType } from '@midwayjs/core';
import type { Permission } from '@zhili/shared';
import type { MigrationInterface } from 'typeorm';
import type { z } from '@zhili/shared';

/** A class the Midway container can create (providers, TypeORM entities). */
export type ProviderClass = ClassType<object>;

/** A migration class; its name ends in the 13-digit timestamp TypeORM orders by. */
export type MigrationClass = new () => MigrationInterface;

/**
 * Everything the application needs to know about one module, declared next to its code, so adding a
 * feature never edits a central list: entities and migrations go into the data source, the config
 * part into the validated environment, and the start-up providers are created when the app is ready.
 */
export interface ModuleManifest {
  /** Folder name under `bff/src/modules` (or `core`); unique. */
  readonly name: string;
  /** TypeORM entities the module owns. */
  readonly entities?: readonly ProviderClass[];
  /** Migrations that create or change the module's tables (files stay in core/db/migrations). */
  readonly migrations?: readonly MigrationClass[];
  /** Environment variables the module reads, validated at start with everything else. */
  readonly config?: z.ZodRawShape;
  /** Permissions (of @zhili/shared's table) the module's routes require. */
  readonly permissions?: readonly Permission[];
  /** Providers whose `@Init()` registers background jobs with the JobRunner. */
  readonly jobs?: readonly ProviderClass[];
  /**
   * Providers whose `@Init()` subscribes to something another part owns: outbox handlers, domain
   * events, hooks and directories registered with core. Created at start, before jobs start.
   */
  readonly subscribers?: readonly ProviderClass[];
}

const TIMESTAMP = /(\d{13})$/;

/** The migration's timestamp (from its class name, as TypeORM reads it). */
export function migrationTimestamp(migration: MigrationClass): number {
  const match = TIMESTAMP.exec(migration.name);
  if (!match) throw new Error(`Migration ${migration.name} has no 13-digit timestamp at the end of its name`);
  return Number(match[1]);
}

/** Entities of all manifests, in manifest order. */
export function entitiesOf(manifests: readonly ModuleManifest[]): ProviderClass[] {
  return manifests.flatMap((m) => m.entities ?? []);
}

/** Migrations of all manifests in timestamp order (the order they ran in before modules declared them). */
export function migrationsOf(manifests: readonly ModuleManifest[]): MigrationClass[] {
  const all = manifests.flatMap((m) => m.migrations ?? []);
  const seen = new Map<number, string>();
  for (const migration of all) {
    const at = migrationTimestamp(migration);
    const other = seen.get(at);
    if (other) throw new Error(`Migrations ${other} and ${migration.name} share timestamp ${at}`);
    seen.set(at, migration.name);
  }
  return all.sort((a, b) => migrationTimestamp(a) - migrationTimestamp(b));
}

/** Providers to create at start: subscribers first (they must exist before any job runs), then jobs. */
export function startupProvidersOf(manifests: readonly ModuleManifest[]): ProviderClass[] {
  return [...manifests.flatMap((m) => m.subscribers ?? []), ...manifests.flatMap((m) => m.jobs ?? [])];
}

type UnionToIntersection<U> = (U extends unknown ? (part: U) => void : never) extends (part: infer I) => void
  ? I
  : never;

/** The parsed environment the given manifests declare, typed from their `config` parts. */
export type EnvOfManifests<T extends readonly ModuleManifest[]> = UnionToIntersection<
  {
    [K in keyof T]: T[K] extends { readonly config: infer S extends z.ZodRawShape } ? z.infer<z.ZodObject<S>> : never;
  }[number]
>;

/** Each module's own variables, by module name: what its classes get injected (`zhili.modules.<name>`). */
export function moduleEnvs(
  manifests: readonly ModuleManifest[],
  env: Readonly<Record<string, unknown>>,
): Record<string, Record<string, unknown>> {
  return Object.fromEntries(
    manifests.map((m) => [m.name, Object.fromEntries(Object.keys(m.config ?? {}).map((key) => [key, env[key]]))]),
  );
}

/** Names must be unique: two manifests with one name mean a copy-paste slip. */
export function checkManifests(manifests: readonly ModuleManifest[]): readonly ModuleManifest[] {
  const names = new Set<string>();
  const variables = new Map<string, string>();
  for (const { name, config } of manifests) {
    if (names.has(name)) throw new Error(`Two module manifests are named ${name}`);
    names.add(name);
    // An environment variable belongs to one module: two owners would silently share one value.
    for (const variable of Object.keys(config ?? {})) {
      const owner = variables.get(variable);
      if (owner) throw new Error(`${variable} is declared by both ${owner} and ${name}`);
      variables.set(variable, name);
    }
  }
  return manifests;
}
