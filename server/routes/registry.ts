// The route registry: every API route is declared once with its zod schemas, which both validate
// requests at the edge (@hono/zod-validator, problems naming the failing field) and generate the
// OpenAPI 3.1 document at /api/openapi.json (zod 4's z.toJSONSchema), so the two cannot drift apart.
import type { Context, Hono, MiddlewareHandler } from 'hono';
import { zValidator } from '@hono/zod-validator';
import { z } from 'zod';
import type { AppEnv, Services } from '../context.ts';
import { Problem, zodProblem } from '../problem.ts';
import type { SessionUser } from '../db/queries/users.ts';

type Method = 'get' | 'post' | 'patch' | 'put' | 'delete';

export interface RouteSpec<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType> {
  method: Method;
  /** Hono path syntax: /api/segments/:id */
  path: string;
  summary: string;
  tag: string;
  /** Whether a session is required (default true). */
  auth?: boolean;
  params?: P;
  query?: Q;
  /** A JSON request body. */
  body?: B;
  /** A multipart/form-data body accepted besides JSON; the handler parses it itself. */
  multipart?: z.ZodType;
  /** Status of a successful response (default 200). */
  status?: 200 | 201 | 204;
  description?: string;
  /** Response schema for the success status, documented only. */
  response?: z.ZodType;
  /** Other documented statuses, e.g. { 409: 'the version is stale' }. */
  errors?: Record<number, string>;
  headers?: Record<string, string>;
}

export interface HandlerInput<P, Q, B> {
  c: Context<AppEnv>;
  /** The signed-in user (on routes with auth: false, null). */
  user: SessionUser;
  services: Services;
  params: P;
  query: Q;
  body: B;
}

type Empty = z.ZodObject<{}>;

const JSON_TYPE = /^application\/([\w.-]+\+)?json$/i;

export class RouteRegistry {
  readonly specs: RouteSpec<z.ZodType, z.ZodType, z.ZodType>[] = [];

  constructor(
    readonly app: Hono<AppEnv>,
    readonly services: Services,
  ) {}

  route<P extends z.ZodType = Empty, Q extends z.ZodType = Empty, B extends z.ZodType = Empty>(
    spec: RouteSpec<P, Q, B>,
    handler: (input: HandlerInput<z.output<P>, z.output<Q>, z.output<B>>) => unknown | Promise<unknown>,
  ): void {
    this.specs.push(spec as unknown as RouteSpec<z.ZodType, z.ZodType, z.ZodType>);
    const chain: MiddlewareHandler<AppEnv>[] = [];
    if (spec.auth !== false) {
      chain.push(async (c, next) => {
        if (!c.get('user')) throw new Problem(401, 'sign in first: no valid session cookie', { errors: [{ field: 'cookie', message: 'missing or expired session' }] });
        await next();
      });
    }
    if (spec.params) chain.push(zValidator('param', spec.params, hook('params')) as unknown as MiddlewareHandler<AppEnv>);
    if (spec.query) chain.push(zValidator('query', spec.query, hook('query')) as unknown as MiddlewareHandler<AppEnv>);
    if (spec.body && !spec.multipart) {
      chain.push(async (c, next) => {
        const type = (c.req.header('content-type') ?? '').split(';')[0].trim();
        if (!JSON_TYPE.test(type)) {
          throw new Problem(415, `send the body as application/json (got '${type || 'no content type'}')`, {
            errors: [{ field: 'content-type', message: 'expected application/json' }],
          });
        }
        await next();
      });
      chain.push(zValidator('json', spec.body, hook('body')) as unknown as MiddlewareHandler<AppEnv>);
    }
    const services = this.services;
    const status = spec.status ?? 200;
    this.app.on([spec.method.toUpperCase()], [spec.path], ...(chain as []), async (c: Context<AppEnv>) => {
      const valid = (target: string) => (c.req.valid as unknown as (t: string) => unknown).call(c.req, target);
      const result = await handler({
        c,
        user: c.get('user') as SessionUser,
        services,
        params: (spec.params ? valid('param') : {}) as z.output<P>,
        query: (spec.query ? valid('query') : {}) as z.output<Q>,
        body: (spec.body && !spec.multipart ? valid('json') : undefined) as z.output<B>,
      });
      if (result instanceof Response) return result;
      if (status === 204) return c.body(null, 204);
      return c.json(result as object, status);
    });
  }

  /** The OpenAPI 3.1 document of every registered route. */
  openapi(): Record<string, unknown> {
    const paths: Record<string, Record<string, unknown>> = {};
    for (const spec of this.specs) {
      const path = spec.path.replace(/:(\w+)/g, '{$1}');
      const parameters = [...toParameters(spec.params, 'path'), ...toParameters(spec.query, 'query')];
      if (spec.headers) {
        for (const [name, description] of Object.entries(spec.headers)) parameters.push({ name, in: 'header', required: false, description, schema: { type: 'string' } });
      }
      const content: Record<string, unknown> = {};
      if (spec.body) content['application/json'] = { schema: jsonSchema(spec.body) };
      if (spec.multipart) content['multipart/form-data'] = { schema: jsonSchema(spec.multipart) };
      const status = String(spec.status ?? 200);
      const responses: Record<string, unknown> = {
        [status]: spec.response
          ? { description: 'success', content: { 'application/json': { schema: jsonSchema(spec.response) } } }
          : { description: status === '204' ? 'no content' : 'success' },
      };
      for (const [code, description] of Object.entries(spec.errors ?? {})) responses[code] = problemResponse(description);
      responses['default'] = problemResponse('an error, as application/problem+json naming the failing field');
      (paths[path] ??= {})[spec.method] = {
        summary: spec.summary,
        ...(spec.description ? { description: spec.description } : {}),
        tags: [spec.tag],
        ...(spec.auth === false ? { security: [] } : {}),
        ...(parameters.length ? { parameters } : {}),
        ...(Object.keys(content).length ? { requestBody: { required: true, content } } : {}),
        responses,
      };
    }
    return {
      openapi: '3.1.0',
      info: {
        title: 'Bitext Workbench API',
        version: '0.1.0',
        description:
          'Sessions are an HttpOnly cookie `bitext_session` set by POST /api/auth/login. State-changing requests with a form-like or missing content type must carry an Origin header equal to the server origin (CSRF).',
      },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'bitext_session' } },
        schemas: { Problem: jsonSchema(ProblemSchema) },
      },
      security: [{ session: [] }],
      paths,
    };
  }
}

function hook(where: 'body' | 'query' | 'params') {
  return (result: { success: boolean; error?: unknown }) => {
    if (!result.success) throw zodProblem(result.error as z.ZodError, where);
  };
}

export const ProblemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  errors: z.array(z.object({ field: z.string(), message: z.string() })),
});

function problemResponse(description: string) {
  return { description, content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } };
}

function jsonSchema(schema: z.ZodType): Record<string, unknown> {
  const out = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  delete out.$schema;
  return out;
}

function toParameters(schema: z.ZodType | undefined, where: 'path' | 'query'): Record<string, unknown>[] {
  if (!schema) return [];
  const js = jsonSchema(schema) as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(js.properties ?? {}).map(([name, s]) => ({
    name,
    in: where,
    required: where === 'path' || (js.required ?? []).includes(name),
    schema: s,
  }));
}
