// API test harness: the real app served by @hono/node-server on 127.0.0.1 (port 0) over a fresh
// SQLite file in a temp dir, migrated by the real migrations; clients talk to it with fetch.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { ServerType } from '@hono/node-server';
import { createApp } from '../../server/app.ts';
import type { App } from '../../server/app.ts';
import type { AppOptions } from '../../server/context.ts';
import { closeDatabase, migrateDatabase, openDatabase } from '../../server/db/index.ts';
import type { Db } from '../../server/db/index.ts';
import { createAccount } from '../../server/accounts.ts';
import { createProject } from '../../server/db/queries/projects.ts';
import type { Role } from '../../server/workflow.ts';

export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export class ApiClient {
  cookie = '';

  constructor(readonly baseUrl: string) {}

  async request<T = any>(method: string, path: string, options: { json?: unknown; body?: BodyInit; headers?: Record<string, string>; origin?: string | null } = {}): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...(options.headers ?? {}) };
    if (options.origin !== null) headers.origin = options.origin ?? this.baseUrl;
    if (this.cookie) headers.cookie = this.cookie;
    let body = options.body;
    if (options.json !== undefined) {
      body = JSON.stringify(options.json);
      headers['content-type'] ??= 'application/json';
    }
    // A stream body goes out chunked (no Content-Length); fetch wants duplex for that.
    const init: RequestInit & { duplex?: 'half' } = { method, headers, body };
    if (body instanceof ReadableStream) init.duplex = 'half';
    const res = await fetch(this.baseUrl + path, init);
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) {
      const pair = setCookie.split(';')[0];
      this.cookie = pair.endsWith('=') ? '' : pair;
    }
    const text = await res.text();
    const type = res.headers.get('content-type') ?? '';
    return { status: res.status, headers: res.headers, text, body: type.includes('json') && text ? JSON.parse(text) : text };
  }

  get<T = any>(path: string) {
    return this.request<T>('GET', path);
  }
  post<T = any>(path: string, json?: unknown) {
    return this.request<T>('POST', path, json === undefined ? {} : { json });
  }
  patch<T = any>(path: string, json: unknown, headers?: Record<string, string>) {
    return this.request<T>('PATCH', path, { json, headers });
  }
  delete<T = any>(path: string) {
    return this.request<T>('DELETE', path);
  }

  async login(username: string, password: string): Promise<this> {
    const res = await this.post('/api/auth/login', { username, password });
    if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${res.text}`);
    return this;
  }
}

export interface TestServer {
  url: string;
  db: Db;
  app: App;
  dir: string;
  file: string;
  client(): ApiClient;
  /** Creates an account (with a project role) and returns a signed-in client. */
  signIn(username: string, options?: { role?: Role; projectId?: number; isAdmin?: boolean }): Promise<ApiClient>;
  project(name?: string): Promise<{ id: number; admin: ApiClient }>;
  close(): Promise<void>;
}

export const PASSWORD = 'correct horse battery staple';

export async function startTestServer(options: Partial<AppOptions> = {}): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'bitext-api-'));
  const file = join(dir, 'bitext.db');
  const db = openDatabase(file);
  migrateDatabase(db);
  const app = createApp({ db, ...options });
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  let projects = 0;
  const t: TestServer = {
    url,
    db,
    app,
    dir,
    file,
    client: () => new ApiClient(url),
    async signIn(username, o = {}) {
      await createAccount(db, { username, password: PASSWORD, isAdmin: o.isAdmin, projectId: o.projectId, role: o.role });
      return new ApiClient(url).login(username, PASSWORD);
    },
    async project(name) {
      projects++;
      const adminName = `owner${projects}`;
      const admin = await t.signIn(adminName, { isAdmin: true });
      const creator = db.select().from((await import('../../server/db/schema.ts')).users).all().find((u) => u.username === adminName)!;
      const project = createProject(db, { name: name ?? `Project ${projects}` }, creator.id);
      return { id: project.id, admin };
    },
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      closeDatabase(db);
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return t;
}
