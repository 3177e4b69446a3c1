import { createRouter, createWebHistory } from 'vue-router';
import type { Pinia } from 'pinia';
import { useAuthStore } from '@/stores/auth';
import { safeRedirect } from './redirect';
import { routes } from './routes';

const APP_TITLE = '智理 · 镇域数字治理平台';

let resolvingSession = false;
/** Why the session ended while the guard was verifying it (shown on the login page). */
let endedReason: string | null = null;

/** True while the guard itself is verifying the session (it then handles a 401 on its own). */
export function isGuardResolving(): boolean {
  return resolvingSession;
}

/** Records why the session ended during the guard's check, for its redirect to the login page. */
export function noteSessionEnded(reason: string): void {
  endedReason = reason;
}

export function createAppRouter(pinia: Pinia) {
  const router = createRouter({
    history: createWebHistory('/admin/'),
    routes,
    scrollBehavior: () => ({ top: 0 }),
  });

  router.beforeEach(async (to) => {
    const auth = useAuthStore(pinia);

    if (to.meta.public) {
      if (to.name === 'login' && auth.isAuthenticated) {
        return safeRedirect(to.query.redirect) ?? { name: 'dashboard' };
      }
      return true;
    }

    if (!auth.isAuthenticated) return { name: 'login', query: { redirect: to.fullPath } };

    resolvingSession = true;
    endedReason = null;
    try {
      await auth.ensureProfile();
    } finally {
      resolvingSession = false;
    }
    if (!auth.isAuthenticated) {
      const reason = endedReason;
      endedReason = null;
      return { name: 'login', query: { redirect: to.fullPath, ...(reason ? { reason } : {}) } };
    }

    // Until the password is changed the BFF refuses everything else: keep the user on /password.
    if (auth.needsPasswordChange && to.name !== 'password-change') {
      return { name: 'password-change', query: { redirect: to.fullPath } };
    }

    const required = to.meta.permission;
    if (required && !auth.can(required)) return { name: 'forbidden', query: { from: to.fullPath } };
    return true;
  });

  router.afterEach((to) => {
    document.title = to.meta.title ? `${to.meta.title} · ${APP_TITLE}` : APP_TITLE;
  });

  return router;
}
