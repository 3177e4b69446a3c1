import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { roleLabels, type Permission, type Role } from '@zhili/shared';
import {
  authApi,
  type LoginPayload,
  type MfaProof,
  type StaffLoginResult,
  type StaffProfile,
  type StaffSession,
} from '@/api/auth';
import { clearTokens, getAccessToken, getRefreshToken, sessionTokens, setTokens } from '@/api/session';

const PROFILE_KEY = 'zhili.admin.profile';

function readProfile(): StaffProfile | null {
  try {
    const raw = localStorage.getItem(PROFILE_KEY);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<StaffProfile> | null;
    if (!parsed || typeof parsed.displayName !== 'string' || !Array.isArray(parsed.roles)) return null;
    return parsed as StaffProfile;
  } catch {
    return null;
  }
}

function writeProfile(profile: StaffProfile | null): void {
  if (profile) localStorage.setItem(PROFILE_KEY, JSON.stringify(profile));
  else localStorage.removeItem(PROFILE_KEY);
}

export const useAuthStore = defineStore('auth', () => {
  const user = ref<StaffProfile | null>(readProfile());
  /** True once the profile has been confirmed by the BFF during this page load. */
  const verified = ref(false);

  const isAuthenticated = computed(() => sessionTokens.value !== null);
  const accessToken = computed(() => sessionTokens.value?.accessToken ?? null);
  const displayName = computed(() => user.value?.displayName || user.value?.username || '');
  const roleNames = computed(() => (user.value?.roles ?? []).map((role: Role) => roleLabels[role] ?? role));
  /** Effective permissions from the profile (the BFF decides; the UI only hides what is refused). */
  const permissions = computed<ReadonlySet<Permission>>(() => new Set(user.value?.permissions ?? []));
  /** The BFF refuses everything but the profile and auth routes until the password is changed. */
  const needsPasswordChange = computed(
    () => user.value?.mustChangePassword === true || user.value?.passwordExpired === true,
  );

  function can(permission: Permission): boolean {
    return permissions.value.has(permission);
  }

  function setUser(profile: StaffProfile | null): void {
    user.value = profile;
    writeProfile(profile);
  }

  /** Stores a complete session (password login without MFA, or after the second factor). */
  function establish(session: StaffSession): StaffProfile {
    setTokens(session);
    setUser(session.user);
    verified.value = true;
    return session.user;
  }

  /** First step; when the answer asks for a second factor, the caller continues with `verifyMfa`. */
  async function login(payload: LoginPayload): Promise<StaffLoginResult> {
    const result = await authApi.login(payload);
    if (result.mfaRequired !== true) establish(result);
    return result;
  }

  async function verifyMfa(mfaToken: string, proof: MfaProof): Promise<StaffProfile> {
    return establish(await authApi.verifyMfa(mfaToken, proof));
  }

  /** Loads the profile once per page load; failures other than 401 keep the cached profile. */
  async function ensureProfile(): Promise<void> {
    if (verified.value || !isAuthenticated.value) return;
    await refreshProfile();
  }

  /** Reloads the profile now (after MFA or password changes). Never rejects. */
  async function refreshProfile(): Promise<void> {
    try {
      setUser(await authApi.me());
      verified.value = true;
    } catch {
      // 401 is handled by the HTTP client (session cleared, redirected); keep going otherwise.
    }
  }

  /** Remembers that the BFF demanded a password change (403 AUTH_PASSWORD_CHANGE_REQUIRED). */
  function markPasswordChangeRequired(): void {
    if (user.value && !needsPasswordChange.value) setUser({ ...user.value, mustChangePassword: true });
  }

  /** Revokes this session's refresh token at the BFF (best effort), then forgets it locally. */
  async function logout(): Promise<void> {
    const refreshToken = getRefreshToken();
    const access = getAccessToken();
    endLocalSession();
    if (refreshToken) await authApi.logout(refreshToken, access).catch(() => undefined);
  }

  /** Forgets tokens and user without calling the BFF (the server side is already gone). */
  function endLocalSession(): void {
    clearTokens();
    reset();
  }

  /** Forgets the user without touching tokens (used after the HTTP client expired the session). */
  function reset(): void {
    setUser(null);
    verified.value = false;
  }

  return {
    user,
    verified,
    isAuthenticated,
    accessToken,
    displayName,
    roleNames,
    permissions,
    needsPasswordChange,
    can,
    establish,
    login,
    verifyMfa,
    ensureProfile,
    refreshProfile,
    markPasswordChangeRequired,
    logout,
    endLocalSession,
    reset,
  };
});
