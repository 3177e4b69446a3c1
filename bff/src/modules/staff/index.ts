export { StaffUser } from './staff-user.entity';
export { StaffService, toStaffProfile } from './staff.service';
export type { NewStaffUser } from './staff.service';
export { hashPassword, verifyPassword } from './password';
