export { MpUser } from './mp-user.entity';
export { MpUserService, toMpProfile } from './mp-user.service';
export { MpPhoneService } from './mp-phone.service';
export { ResidentAdminService } from './resident-admin.service';
export { MpRoleGrant } from './mp-role-grant.entity';
export { MpGrantService } from './mp-grant.service';
export type { GrantResult } from './mp-grant.service';
