// The Hono application: middleware (body limit, CSRF, session), every API route through the
// route registry, and one error handler that turns anything thrown into application/problem+json.
//
// CSRF: hono's csrf() middleware. A state-changing request with a form-like or missing content type
// (the only kinds a foreign page can send without a CORS preflight) must carry Sec-Fetch-Site:
// same-origin or an Origin equal to this server's origin; JSON requests cannot be forged cross-site
// because the server sends no CORS headers. Clients outside a browser (tests, benches) send Origin.
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { bodyLimit } from 'hono/body-limit';
import { csrf } from 'hono/csrf';
import { secureHeaders } from 'hono/secure-headers';
import { getCookie } from 'hono/cookie';
import { serveWebApp } from './static.ts';
import type { AppEnv, AppOptions } from './context.ts';
import { createServices } from './context.ts';
import { findSessionUser } from './db/queries/users.ts';
import { Problem } from './problem.ts';
import { SESSION_COOKIE, hashToken } from './auth/session.ts';
export { SESSION_COOKIE } from './auth/session.ts';
import { RouteRegistry } from './routes/registry.ts';
import { registerHealthRoutes } from './routes/health/routes.ts';
import { registerAuthRoutes } from './routes/auth/routes.ts';
import { registerProjectRoutes } from './routes/projects/routes.ts';
import { registerDocumentRoutes } from './routes/documents/routes.ts';
import { registerSegmentRoutes } from './routes/segments/routes.ts';
import { registerGlossaryRoutes } from './routes/glossary/routes.ts';
import { registerExchangeRoutes } from './routes/exchange/routes.ts';
import { registerTmRoutes } from './routes/tm/routes.ts';

export type App = Hono<AppEnv> & { registry: RouteRegistry };

export function createApp(options: AppOptions): App {
  const services = createServices(options);
  const app = new Hono<AppEnv>();

  app.onError((error, c) => {
    if (error instanceof Problem) return error.toResponse();
    if (error instanceof HTTPException) {
      // Hono throws these for a refused Origin (csrf) and for a body it cannot parse.
      const field = error.status === 403 ? 'origin' : 'body';
      const detail =
        error.status === 403
          ? 'cross-site request refused: send an Origin header equal to the server origin'
          : error.message || error.res?.statusText || 'bad request';
      return new Problem(error.status, detail, { errors: [{ field, message: detail }] }).toResponse();
    }
    console.error(`${c.req.method} ${c.req.path}:`, error);
    return new Problem(500, 'internal error; the change was not applied').toResponse();
  });
  app.notFound((c) => {
    // A known path with another method is 405 with Allow, not 404.
    const allowed = registry.specs.filter((spec) => pathPattern(spec.path).test(c.req.path)).map((spec) => spec.method.toUpperCase());
    if (allowed.length) {
      return new Problem(405, `${c.req.method} is not allowed on ${c.req.path}; use ${allowed.join(', ')}`, {
        errors: [{ field: 'method', message: `allowed: ${allowed.join(', ')}` }],
        headers: { allow: allowed.join(', ') },
      }).toResponse();
    }
    return new Problem(404, `no route ${c.req.method} ${c.req.path}`, { errors: [{ field: 'path', message: 'no such route' }] }).toResponse();
  });

  // nosniff, frame and opener isolation; no CSP here (the editor build decides its own).
  app.use('*', secureHeaders());
  const tooLarge = () => {
    throw new Problem(413, `the request body exceeds ${Math.round(services.maxBodyBytes / 1024 / 1024)} MB`, {
      errors: [{ field: 'body', message: `larger than ${services.maxBodyBytes} bytes` }],
    });
  };
  const streamingLimit = bodyLimit({ maxSize: services.maxBodyBytes, onError: tooLarge });
  app.use('/api/*', async (c, next) => {
    // A declared Content-Length is checked from the header alone: touching the request's body stream
    // (as hono's bodyLimit does) would turn @hono/node-server's direct body read into a web stream,
    // which costs more than the rest of a segment save. Chunked bodies are counted as they stream.
    const method = c.req.method;
    if (method === 'GET' || method === 'HEAD') return next();
    const length = c.req.header('content-length');
    if (length !== undefined && !c.req.header('transfer-encoding')) {
      if (Number(length) > services.maxBodyBytes) tooLarge();
      return next();
    }
    return streamingLimit(c, next);
  });
  app.use('/api/*', csrf());
  app.use('/api/*', async (c, next) => {
    const token = getCookie(c, SESSION_COOKIE);
    const tokenHash = token ? hashToken(token) : null;
    c.set('sessionTokenHash', tokenHash);
    c.set('user', tokenHash ? (findSessionUser(services.db, tokenHash, Date.now()) ?? null) : null);
    await next();
  });

  const registry = new RouteRegistry(app, services);
  registerHealthRoutes(registry);
  registerAuthRoutes(registry);
  registerProjectRoutes(registry);
  registerDocumentRoutes(registry);
  registerSegmentRoutes(registry);
  registerGlossaryRoutes(registry);
  registerExchangeRoutes(registry);
  registerTmRoutes(registry);
  registry.route({ method: 'get', path: '/api/openapi.json', summary: 'This OpenAPI document', tag: 'meta', auth: false }, () => registry.openapi());

  // The built editor (server/static.ts) when there is one; otherwise a page pointing at the API.
  if (!options.webRoot || !serveWebApp(app, options.webRoot)) {
    app.get('/', (c) => c.html(PLACEHOLDER));
  }

  return Object.assign(app, { registry });
}

const patterns = new Map<string, RegExp>();
function pathPattern(path: string): RegExp {
  let re = patterns.get(path);
  if (!re) {
    re = new RegExp('^' + path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:\w+/g, '[^/]+') + '$');
    patterns.set(path, re);
  }
  return re;
}

const PLACEHOLDER = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Bitext Workbench</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto">
<h1>Bitext Workbench</h1>
<p>The server is running. The web editor has not been built yet (<code>npm run build</code>).</p>
<p>The API is described in <a href="/api/openapi.json">/api/openapi.json</a>; sign in with
<code>POST /api/auth/login</code> using an account from <code>first-run-credentials.txt</code>.</p>
</body></html>`;
