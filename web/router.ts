// Screens by URL, so a reload or a shared link lands on the same document and mode. Every screen
// but sign-in needs a session; the guard asks /api/me once and sends strangers to /signin.
import { createRouter, createWebHistory } from 'vue-router';
import type { RouteRecordRaw } from 'vue-router';
import { useSessionStore } from './stores/session.ts';
// The editor is where people spend the day: bundled with the shell instead of fetched after the
// session check, so opening a document costs one round trip less.
import EditorView from './components/editor/EditorView.vue';

export const routes: RouteRecordRaw[] = [
  { path: '/signin', name: 'signin', component: () => import('./components/auth/SignIn.vue'), meta: { public: true } },
  { path: '/', name: 'projects', component: () => import('./components/projects/ProjectList.vue') },
  { path: '/projects/:projectId/new', name: 'new-document', component: () => import('./components/projects/NewDocument.vue'), props: true },
  { path: '/projects/:projectId/glossary', name: 'glossary', component: () => import('./components/glossary/GlossaryManager.vue'), props: true },
  {
    path: '/projects/:projectId/documents/:documentId/:mode(translate|review|align)?',
    name: 'editor',
    component: EditorView,
    props: true,
  },
  { path: '/:rest(.*)*', name: 'not-found', component: () => import('./components/NotFound.vue'), meta: { public: true } },
];

export function createAppRouter() {
  const router = createRouter({ history: createWebHistory(), routes });
  router.beforeEach(async (to) => {
    const session = useSessionStore();
    if (!session.checked) await session.refresh();
    if (!to.meta.public && !session.me) return { name: 'signin', query: { next: to.fullPath } };
    if (to.name === 'signin' && session.me) return { name: 'projects' };
    return true;
  });
  return router;
}
