// Who is signed in and with which role in which project. The server decides every permission; the
// role here only hides controls that would be refused anyway.
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { api } from '../api/client.ts';
import type { Me, Role } from '../api/types.ts';

export const useSessionStore = defineStore('session', () => {
  const me = ref<Me | null>(null);
  const checked = ref(false);

  async function refresh(): Promise<Me | null> {
    try {
      me.value = await api.me();
    } catch {
      me.value = null;
    }
    checked.value = true;
    return me.value;
  }

  async function login(username: string, password: string): Promise<void> {
    me.value = await api.login(username, password);
    checked.value = true;
  }

  async function logout(): Promise<void> {
    try {
      await api.logout();
    } finally {
      me.value = null;
    }
  }

  function roleIn(projectId: number): Role | null {
    if (!me.value) return null;
    const m = me.value.projects.find((x) => x.id === projectId);
    if (m) return m.role;
    return me.value.isAdmin ? 'admin' : null;
  }

  const username = computed(() => me.value?.username ?? '');
  return { me, checked, refresh, login, logout, roleIn, username };
});
