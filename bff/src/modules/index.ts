import {
  checkManifests,
  entitiesOf,
  migrationsOf,
  startupProvidersOf,
  type EnvOfManifests,
  type ModuleManifest,
} from '../core/modules/manifest';
import { coreManifest } from '../core/manifest';
import { regionManifest } from './region/manifest';
import { staffManifest } from './staff/manifest';
import { mpUserManifest } from './mp-user/manifest';
import { bindingManifest } from './binding/manifest';
import { staffAdminManifest } from './staff-admin/manifest';
import { fileManifest } from './file/manifest';
import { registryManifest } from './registry/manifest';
import { wechatManifest } from './wechat/manifest';
import { caseManifest } from './case/manifest';
import { govManifest } from './gov/manifest';
import { open311Manifest } from './open311/manifest';
import { mpGridManifest } from './mp-grid/manifest';
import { dashboardManifest } from './dashboard/manifest';
import { healthManifest } from './health/manifest';
import { partyManifest } from './party/manifest';
import { studyManifest } from './study/manifest';
import { examManifest } from './exam/manifest';
import { surveyManifest } from './survey/manifest';
import { duesManifest } from './dues/manifest';

/**
 * The one list of modules. Everything else — entities, migrations, environment schema, start-up
 * providers — is assembled from their manifests; a new module adds one line here and nothing else.
 */
const list = [
  coreManifest,
  regionManifest,
  staffManifest,
  mpUserManifest,
  bindingManifest,
  staffAdminManifest,
  fileManifest,
  registryManifest,
  wechatManifest,
  caseManifest,
  govManifest,
  open311Manifest,
  mpGridManifest,
  dashboardManifest,
  healthManifest,
  partyManifest,
  studyManifest,
  examManifest,
  surveyManifest,
  duesManifest,
] as const;

export const manifests: readonly ModuleManifest[] = checkManifests(list);

/** The variables the modules declare, typed (core's are in config/env.ts). */
export type ModulesEnv = EnvOfManifests<typeof list>;

/** Every TypeORM entity of the BFF (explicit, so bundling and tests never depend on globs). */
export const entities = entitiesOf(manifests);

/** Every migration, in timestamp order. Add new ones to the owning module's manifest; never edit one that has shipped. */
export const migrations = migrationsOf(manifests);

/** Providers created when the app is ready, so their `@Init()` registers jobs, handlers and subscribers. */
export const startupProviders = startupProvidersOf(manifests);
