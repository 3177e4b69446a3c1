import { AuthSession } from '../auth/auth-session.entity';
import { MpUser } from '../../modules/mp-user/mp-user.entity';
import { StaffUser } from '../../modules/staff/staff-user.entity';

/** Every TypeORM entity of the BFF (explicit, so bundling and tests never depend on globs). */
export const entities = [AuthSession, MpUser, StaffUser];
