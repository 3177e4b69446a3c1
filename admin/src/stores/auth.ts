import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { roleLabels, type Role } from '@zhili/shared';
import { authApi, type LoginPayload, type StaffProfile } from '@/api/auth';
import { clearTokens, sessionTokens, setTokens } from '@/api/session';

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
  const roleNames = computed(() =>
    (user.value?.roles ?? []).map((role: Role) => roleLabels[role] ?? role),
  );

  function setUser(profile: StaffProfile | null): void {
    user.value = profile;
    writeProfile(profile);
  }

  async function login(payload: LoginPayload): Promise<StaffProfile> {
    const result = await authApi.login(payload);
    setTokens(result);
    setUser(result.user);
    verified.value = true;
    return result.user;
  }

  /** Loads the profile once per page load; failures other than 401 keep the cached profile. */
  async function ensureProfile(): Promise<void> {
    if (verified.value || !isAuthenticated.value) return;
    try {
      setUser(await authApi.me());
      verified.value = true;
    } catch {
      // 401 is handled by the HTTP client (session cleared, redirected); keep going otherwise.
    }
  }

  /** Local sign-out: the BFF has no logout endpoint yet; tokens simply expire. */
  function logout(): void {
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
    login,
    ensureProfile,
    logout,
    reset,
  };
});
