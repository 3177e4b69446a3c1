export { StaffAdminService } from './staff-admin.service';
export { StaffDirectoryService } from './staff-directory.service';
export { StaffContactService } from './staff-contact.service';
export { StaffContact } from './staff-contact.entity';
export { grantablePermissions, grantableRoles, mayManage } from './privilege';
export { randomInitialPassword } from './initial-password';
