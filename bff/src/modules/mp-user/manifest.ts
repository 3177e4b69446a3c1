import type { ModuleManifest } from '../../core/modules/manifest';
import { MpRoleGrants1764100000000 } from '../../core/db/migrations/1764100000000-MpRoleGrants';
import { MpUser } from './mp-user.entity';
import { MpRoleGrant } from './mp-role-grant.entity';
import { MpUserAuditActors } from './mp-user-audit-actors';
import { MpUserRegionLinks } from './mp-user-region-links';

/** Mini-program users (residents, grid workers, party members) and their role grants. */
export const mpUserManifest: ModuleManifest = {
  name: 'mp-user',
  entities: [MpUser, MpRoleGrant],
  migrations: [MpRoleGrants1764100000000],
  permissions: ['person:read', 'person:pii:read'],
  subscribers: [MpUserAuditActors, MpUserRegionLinks],
};
