import type { ModuleManifest } from '../../core/modules/manifest';
import { Registry1763900000000 } from '../../core/db/migrations/1763900000000-Registry';
import { PersonListIndexes1763910000000 } from '../../core/db/migrations/1763910000000-PersonListIndexes';
import {
  Building,
  BuildingUnit,
  Business,
  Estate,
  House,
  Household,
  Person,
  PersonHouse,
  PersonTag,
  TagDefinition,
  Visit,
} from './entities';
import { RegistryRegionLinks } from './registry-region-links';
import { RegistryRegionStats } from './registry-region-stats';

/** The registry (#4): places, persons, households, tags, visits and businesses. */
export const registryManifest: ModuleManifest = {
  name: 'registry',
  entities: [
    Estate,
    Building,
    BuildingUnit,
    House,
    Person,
    PersonHouse,
    Household,
    TagDefinition,
    PersonTag,
    Visit,
    Business,
  ],
  migrations: [Registry1763900000000, PersonListIndexes1763910000000],
  permissions: ['person:read', 'person:manage', 'person:pii:read', 'data:export'],
  subscribers: [RegistryRegionLinks, RegistryRegionStats],
};
