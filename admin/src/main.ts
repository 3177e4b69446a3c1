import { createApp } from 'vue';
import { createPinia } from 'pinia';
import App from './App.vue';
import { setUnauthorizedHandler } from './api/http';
import { createAppRouter, isGuardResolving } from './router';
import { useAuthStore } from './stores/auth';
import './styles/base.css';

const app = createApp(App);
const pinia = createPinia();
const router = createAppRouter(pinia);

// The HTTP client cleared the session (401): forget the user and go to the login page.
setUnauthorizedHandler(() => {
  useAuthStore(pinia).reset();
  if (isGuardResolving()) return; // the guard redirects by itself
  const current = router.currentRoute.value;
  if (current.name === 'login') return;
  void router.replace({ name: 'login', query: { redirect: current.fullPath } });
});

app.use(pinia);
app.use(router);
app.mount('#app');
