import { createRouter, createWebHistory } from 'vue-router';
import type { Pinia } from 'pinia';
import { useAuthStore } from '@/stores/auth';
import { safeRedirect } from './redirect';
import { routes } from './routes';

const APP_TITLE = '智理 · 镇域数字治理平台';

let resolvingSession = false;

/** True while the guard itself is verifying the session (it then handles a 401 on its own). */
export function isGuardResolving(): boolean {
  return resolvingSession;
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
    try {
      await auth.ensureProfile();
    } finally {
      resolvingSession = false;
    }
    if (!auth.isAuthenticated) return { name: 'login', query: { redirect: to.fullPath } };

    const required = to.meta.roles;
    if (required && !required.some((role) => auth.user?.roles.includes(role))) {
      return { name: 'dashboard' };
    }
    return true;
  });

  router.afterEach((to) => {
    document.title = to.meta.title ? `${to.meta.title} · ${APP_TITLE}` : APP_TITLE;
  });

  return router;
}
