import type { ModuleManifest } from '../../core/modules/manifest';
import { StaffAdmin1763820000000 } from '../../core/db/migrations/1763820000000-StaffAdmin';
import { StaffContact } from './staff-contact.entity';
import { StaffRegionLinks } from './staff-region-links';

/** Staff account administration: accounts, roles, contacts. */
export const staffAdminManifest: ModuleManifest = {
  name: 'staff-admin',
  entities: [StaffContact],
  migrations: [StaffAdmin1763820000000],
  permissions: ['user:read', 'user:manage', 'role:read', 'role:assign', 'person:pii:read'],
  subscribers: [StaffRegionLinks],
};
