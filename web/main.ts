// Entry point of the editor SPA: Vue app, Pinia stores, router.
import { createApp } from 'vue';
import { createPinia } from 'pinia';
import App from './App.vue';
import { createAppRouter } from './router.ts';
import { onUnauthorized } from './api/client.ts';
import { useSessionStore } from './stores/session.ts';
import './styles.css';

const app = createApp(App);
const pinia = createPinia();
const router = createAppRouter();
app.use(pinia);
app.use(router);
// An expired session mid-work: forget it and sign in again, coming back to the same screen.
onUnauthorized(() => {
  const session = useSessionStore(pinia);
  session.me = null;
  const here = router.currentRoute.value;
  if (here.name !== 'signin') void router.push({ name: 'signin', query: { next: here.fullPath } });
});
app.mount('#app');
