import { createApp } from 'vue';
import { createPinia } from 'pinia';
import App from './App.vue';
import { setPasswordChangeHandler, setUnauthorizedHandler } from './api/http';
import { createAppRouter, isGuardResolving, noteSessionEnded } from './router';
import { useAuthStore } from './stores/auth';
import './styles/tokens.css';
import './styles/base.css';

const app = createApp(App);
const pinia = createPinia();
const router = createAppRouter(pinia);

// The HTTP client cleared the session (401): forget the user and go to the login page, which
// explains why (e.g. AUTH_SESSION_IDLE → 长时间未操作，请重新登录).
setUnauthorizedHandler((reason) => {
  useAuthStore(pinia).reset();
  if (isGuardResolving()) {
    noteSessionEnded(reason); // the guard redirects by itself
    return;
  }
  const current = router.currentRoute.value;
  if (current.name === 'login') return;
  void router.replace({ name: 'login', query: { redirect: current.fullPath, reason } });
});

// Any staff route answered 403 AUTH_PASSWORD_CHANGE_REQUIRED: the guard keeps the user on /password.
setPasswordChangeHandler(() => {
  useAuthStore(pinia).markPasswordChangeRequired();
  const current = router.currentRoute.value;
  if (current.name === 'password-change' || current.name === 'login') return;
  void router.replace({ name: 'password-change', query: { redirect: current.fullPath } });
});

app.use(pinia);
app.use(router);
app.mount('#app');
