export { MpUser } from './mp-user.entity';
export { MpUserService, toMpProfile } from './mp-user.service';
