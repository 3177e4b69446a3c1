import { useRouter } from 'vue-router';
import type { PasswordChangeResult } from '@/api/auth';
import { setTokens } from '@/api/session';
import { useAuthStore } from '@/stores/auth';
import { toastSuccess } from '@/ui/feedback';

/**
 * What happens after a successful password change. The contract answers `{ ok: true }` and ends
 * the other sessions: the user then signs in again with the new password. Should the BFF hand back
 * a fresh token pair instead, the session continues with it.
 */
export function useAfterPasswordChange() {
  const auth = useAuthStore();
  const router = useRouter();

  return async function afterPasswordChange(result: PasswordChangeResult, continueTo: string | null): Promise<void> {
    if (typeof result.accessToken === 'string' && typeof result.refreshToken === 'string') {
      setTokens({
        accessToken: result.accessToken,
        refreshToken: result.refreshToken,
        expiresIn: result.expiresIn ?? 0,
      });
      await auth.refreshProfile();
      if (!auth.needsPasswordChange) {
        toastSuccess('密码已修改');
        await router.replace(continueTo ?? { name: 'dashboard' });
        return;
      }
    }
    await auth.logout();
    await router.replace({ name: 'login', query: { notice: 'password-changed' } });
  };
}
