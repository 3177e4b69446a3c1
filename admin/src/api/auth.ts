import type { Role, TokenPair } from '@zhili/shared';
import { http } from './http';

/** `GET /api/admin/me` — a staff member of the admin portal. */
export interface StaffProfile {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  /** Set on first login / expired password; forced password change arrives with #3. */
  mustChangePassword?: boolean;
}

export interface StaffLoginResult extends TokenPair {
  user: StaffProfile;
}

export interface LoginPayload {
  username: string;
  password: string;
}

export const authApi = {
  /** 401 `AUTH_INVALID_CREDENTIALS` on a wrong username/password; the caller renders the error. */
  login: (payload: LoginPayload) =>
    http.post<StaffLoginResult>('/api/admin/auth/login', payload, { auth: false, silent: true }),
  me: () => http.get<StaffProfile>('/api/admin/me'),
};
