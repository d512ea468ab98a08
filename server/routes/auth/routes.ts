// Sign-in, sign-out and the current user.
import { z } from 'zod';
import type { RouteRegistry } from '../registry.ts';
import { login, logout, me } from './handlers.ts';

export const LoginBody = z
  .object({
    username: z.string().min(1, 'username is required').max(100),
    password: z.string().min(1, 'password is required').max(1000),
  })
  .strict();

export const MeResponse = z.object({
  id: z.number().int(),
  username: z.string(),
  isAdmin: z.boolean(),
  projects: z.array(z.object({ id: z.number().int(), name: z.string(), role: z.enum(['translator', 'reviewer', 'admin']) })),
});

export function registerAuthRoutes(r: RouteRegistry): void {
  r.route(
    {
      method: 'post',
      path: '/api/auth/login',
      summary: 'Sign in; sets the HttpOnly session cookie',
      tag: 'auth',
      auth: false,
      body: LoginBody,
      response: MeResponse,
      errors: { 401: 'wrong username or password', 429: 'too many failed attempts; see Retry-After' },
    },
    (input) => login(input.c, input.services, input.body),
  );
  r.route({ method: 'post', path: '/api/auth/logout', summary: 'Sign out; ends the session', tag: 'auth', auth: false, status: 204 }, (input) =>
    logout(input.c, input.services),
  );
  r.route({ method: 'get', path: '/api/me', summary: 'The signed-in user and their projects', tag: 'auth', response: MeResponse }, ({ services, user }) =>
    me(services, user),
  );
}
