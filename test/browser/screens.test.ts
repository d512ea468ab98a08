// The screens around the editor in real Chromium: projects with progress, a new document pasted
// or uploaded (GBK) with its granularity, and the glossary manager (search, add, deprecate, export).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import iconv from 'iconv-lite';
import { PASSWORD, buildWeb, launch, screenshotPath, sectionSeven, segments, signIn, startFixture } from './harness.ts';
import type { Browser, Fixture } from './harness.ts';
import { EXCERPT_EN, EXCERPT_ZH } from '../helpers/sample.ts';

describe('projects, new documents and the glossary manager', () => {
  let web: string;
  let f: Fixture;
  let b: Browser;

  beforeAll(async () => {
    web = buildWeb();
    f = await startFixture(web);
    b = await launch();
    await signIn(b.page, f.server.url, f.reviewer);
  }, 120_000);

  afterAll(async () => {
    await b?.close();
    await f?.server.close();
    if (web) rmSync(web, { recursive: true, force: true });
  });

  it('imports a pasted source with its draft at clause granularity and opens the alignment view', async () => {
    const { page } = b;
    await page.getByRole('link', { name: 'New document' }).click();
    await page.getByLabel('Name').fill('Shipping excerpt');
    await page.getByLabel('Paste the source').fill(EXCERPT_ZH);
    await page.getByLabel('Paste the draft').fill(EXCERPT_EN);
    await page.getByLabel('Clauses').check();
    await page.getByRole('button', { name: 'Import' }).click();
    await page.waitForURL(/\/documents\/\d+\/align$/);
    await page.locator('.align-row').first().waitFor();
    const id = Number(/documents\/(\d+)/.exec(page.url())![1]);
    const rows = await segments(f, id);
    // Clause granularity cuts the body sentence at its commas: more segments than sentences.
    expect(rows.length).toBeGreaterThan(3);
    expect(rows.some((r) => r.target.includes('Accelerating the Digital, Intelligent and Green Transformation of Shipping'))).toBe(true);
    expect(await page.locator('.align-row').count()).toBe(rows.length);
  }, 60_000);

  it('uploads a GBK-encoded source file and shows its Chinese intact', async () => {
    const { page } = b;
    await page.goto(`${f.server.url}/projects/${f.projectId}/new`);
    await page.getByLabel('or upload a file').first().setInputFiles({
      name: 'section-7.gbk.txt',
      mimeType: 'text/plain',
      buffer: iconv.encode(sectionSeven().zh, 'gbk'),
    });
    await expect(page.getByLabel('Name').inputValue()).resolves.toBe('section-7.gbk');
    await page.getByRole('button', { name: 'Import' }).click();
    await page.waitForURL(/\/documents\/\d+\/translate$/);
    await page.locator('.seg-row').first().waitFor();
    await expect(page.locator('.seg-row').nth(1).locator('.source-text').textContent()).resolves.toContain('引领发展新质生产力');
  }, 60_000);

  it('lists the documents with their progress', async () => {
    const { page } = b;
    await page.goto(f.server.url + '/');
    await page.locator('tr[data-document] .progress').first().waitFor();
    expect(await page.locator('tr[data-document]').count()).toBe(2);
    await expect(page.locator('tr[data-document] .progress').first().getAttribute('aria-label')).resolves.toMatch(/^\d+ segments: .*QA errors$/);
    await page.screenshot({ path: screenshotPath('projects.png') });
  }, 60_000);

  it('searches, adds and deprecates glossary entries, and exports TBX', async () => {
    const { page } = b;
    await page.getByRole('link', { name: 'Glossary', exact: true }).click();
    await page.getByLabel('Search').fill('新质');
    await expect(page.locator('.glossary-table tbody tr').first().locator('td').first().textContent()).resolves.toBe('新质生产力');

    await page.getByRole('button', { name: 'Add entry' }).click();
    await page.getByLabel('Chinese').fill('国际航运中心');
    await page.getByLabel('English (preferred)').fill('international shipping center');
    await page.getByLabel('Forbidden (separate with |)').fill('global shipping hub | international shipping hub');
    await page.getByRole('button', { name: 'Save entry' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved 国际航运中心' }).waitFor();
    await page.getByLabel('Search').fill('shipping hub');
    const row = page.locator('.glossary-table tbody tr', { hasText: '国际航运中心' });
    await expect(row.locator('.forbidden').textContent()).resolves.toBe('global shipping hub; international shipping hub');

    await row.getByRole('button', { name: 'Deprecate 国际航运中心' }).click();
    await row.getByRole('button', { name: 'Restore 国际航运中心' }).waitFor();
    const saved = (await f.admin.get(`/api/projects/${f.projectId}/glossary`)).body.find((e: { zh: string }) => e.zh === '国际航运中心');
    expect(saved).toMatchObject({ en: 'international shipping center', status: 'deprecated', forbidden: ['global shipping hub', 'international shipping hub'] });

    const href = (await page.getByRole('link', { name: 'Export the glossary as TBX' }).getAttribute('href')) ?? '';
    expect(href).toMatch(/\/glossary\/export\?format=tbx$/);
    const tbx = await page.evaluate(async (url) => (await fetch(url)).text(), href);
    expect(tbx).toContain('<term>国际航运中心</term>');
    await page.screenshot({ path: screenshotPath('glossary.png') });
  }, 60_000);

  it('sends a user whose session expired to sign in and back to where they were', async () => {
    const { page, context } = b;
    await page.goto(f.server.url + '/');
    await page.locator('tr[data-document]').first().waitFor();
    await context.clearCookies();
    await page.getByRole('link', { name: 'Glossary', exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/signin' && /^\/projects\/\d+\/glossary$/.test(url.searchParams.get('next') ?? ''));
    await page.getByLabel('Username').fill(f.reviewer);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/projects\/\d+\/glossary$/);
    await page.locator('.glossary-table tbody tr').first().waitFor();
  }, 60_000);
});
