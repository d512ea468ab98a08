// Browser-test harness: the editor built by Vite into a temp dir, the real server (test/helpers/api.ts:
// real app on 127.0.0.1:0 over a fresh SQLite file) serving it, and Debian's Chromium driven by
// playwright-core — never a downloaded browser.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import type { BrowserContext, Page } from 'playwright-core';
import { PASSWORD, startTestServer } from '../helpers/api.ts';
import { buildWebApp } from '../../server/static.ts';
import type { ApiClient, TestServer } from '../helpers/api.ts';

export const CHROMIUM = '/usr/bin/chromium';
export const RESULTS = resolve('test-results');
export { PASSWORD };

/** Builds web/ into a fresh directory (so parallel suites and a running server do not collide). */
export function buildWeb(): string {
  const out = mkdtempSync(join(tmpdir(), 'bitext-web-'));
  buildWebApp(out);
  return out;
}

export interface Browser {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/** One Chromium process with its own profile (its own cookies): one user. */
export async function launch(): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'bitext-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1440, height: 900 },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export function screenshotPath(name: string): string {
  mkdirSync(RESULTS, { recursive: true });
  return join(RESULTS, name);
}

const paragraphs = (file: string) =>
  readFileSync(resolve('samples/shanghai-fyp', file), 'utf8')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);

/**
 * Section 七 of the sample down to 1.3 (the paragraph with 新质生产力 and the basic-research
 * headings), and the same stretch of the English draft.
 */
export function sectionSeven(): { zh: string; en: string } {
  const zh = paragraphs('source.zh.txt');
  const en = paragraphs('draft.en.txt');
  const z0 = zh.findIndex((p) => p.startsWith('七、'));
  const z1 = zh.findIndex((p) => p.startsWith('2. 推动科技创新'));
  const e0 = en.findIndex((p) => p.startsWith('VII.'));
  const e1 = en.findIndex((p, i) => i > e0 && p.startsWith('2. Promoting'));
  if (z0 < 0 || z1 < 0 || e0 < 0 || e1 < 0) throw new Error('sample: section 七 or its draft not found');
  return { zh: zh.slice(z0, z1).join('\n\n'), en: en.slice(e0, e1).join('\n\n') };
}

export interface Fixture {
  server: TestServer;
  projectId: number;
  admin: ApiClient;
  /** Usernames by role; the password is PASSWORD. */
  translator: string;
  reviewer: string;
}

/** Server with a project, the shipped glossary, a translator and a reviewer. */
export async function startFixture(webRoot: string): Promise<Fixture> {
  const server = await startTestServer({ webRoot });
  const { id: projectId, admin } = await server.project('Shanghai 15th Five-Year Plan');
  const tbx = readFileSync(resolve('glossary/data/shanghai-fyp.tbx'), 'utf8');
  const imported = await admin.post(`/api/projects/${projectId}/glossary/import`, { format: 'tbx', content: tbx });
  if (imported.status !== 200) throw new Error(`glossary import: ${imported.status} ${imported.text}`);
  await server.signIn('tina', { role: 'translator', projectId });
  await server.signIn('rui', { role: 'reviewer', projectId });
  return { server, projectId, admin, translator: 'tina', reviewer: 'rui' };
}

export async function importDocument(f: Fixture, name: string, source: string, draft?: string): Promise<number> {
  const res = await f.admin.post(`/api/projects/${f.projectId}/documents`, { name, source, ...(draft ? { draft } : {}) });
  if (res.status !== 201) throw new Error(`import ${name}: ${res.status} ${res.text}`);
  return res.body.id as number;
}

export async function segments(f: Fixture, documentId: number): Promise<{ id: number; index: number; source: string; target: string; status: string; version: number; heading: boolean }[]> {
  const res = await f.admin.get(`/api/documents/${documentId}/segments?limit=1000`);
  if (res.status !== 200) throw new Error(`segments: ${res.status} ${res.text}`);
  return res.body.items;
}

export async function signIn(page: Page, url: string, username: string): Promise<void> {
  await page.goto(url + '/');
  await page.waitForURL(/\/signin/);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForSelector('h1:text("Projects")');
}
