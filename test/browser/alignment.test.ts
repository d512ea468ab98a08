// Alignment fixes are all-or-nothing: a merge rewrites two rows in one batch
// (POST /api/documents/:id/segments/batch), so when one row was changed meanwhile (409) or may not
// be changed by this user (403) neither row changes — the English sentence never ends up in both.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { PASSWORD, buildWeb, importDocument, launch, screenshotPath, sectionSeven, segments, signIn, startFixture } from './harness.ts';
import type { Browser, Fixture } from './harness.ts';
import type { ApiClient } from '../helpers/api.ts';

// Someone else's rewording of the second row, saved through the API while the merge view is open.
const MEANWHILE = 'We will advance the development of pilot zones for basic research, giving strategic scientists the lead.';

describe('alignment fixes as one batch', () => {
  let web: string;
  let f: Fixture;
  let documentId: number;
  let tina: Browser;
  let rui: ApiClient;
  let other: ApiClient;

  beforeAll(async () => {
    web = buildWeb();
    f = await startFixture(web);
    const { zh, en } = sectionSeven();
    documentId = await importDocument(f, 'Section 7 with draft', zh, en);
    rui = await f.server.client().login(f.reviewer, PASSWORD);
    other = await f.server.signIn('otto', { role: 'translator', projectId: f.projectId });
    tina = await launch();
    await signIn(tina.page, f.server.url, f.translator);
  }, 120_000);

  afterAll(async () => {
    await tina?.close();
    await f?.server.close();
    if (web) rmSync(web, { recursive: true, force: true });
  });

  const get = async (id: number) => (await f.admin.get(`/api/segments/${id}`)).body as { target: string; version: number; status: string };
  const alignRow = (id: number) => tina.page.locator(`.align-row[data-segment="${id}"]`);

  /** Two neighbouring rows that both hold English, after `from`. */
  async function pair(from: number) {
    const rows = await segments(f, documentId);
    const k = rows.findIndex((s, i) => i >= from && s.target && rows[i + 1]?.target && s.status !== 'approved' && rows[i + 1].status !== 'approved');
    expect(k).toBeGreaterThanOrEqual(0);
    return { k, a: rows[k], b: rows[k + 1] };
  }

  async function openAlignment(id: number) {
    await tina.page.goto(`${f.server.url}/projects/${f.projectId}/documents/${documentId}/align`);
    await alignRow(id).click();
    await tina.page.locator('.align-row.active .align-actions').waitFor();
  }

  it('refuses a merge whose second segment is stale, leaving both rows as they were, and redoes it on the saved text', async () => {
    const { page } = tina;
    const { a, b } = await pair(0);
    await openAlignment(a.id);

    // The second segment changes behind the open view.
    const edited = await other.patch(`/api/segments/${b.id}`, { target: MEANWHILE }, { 'if-match': `"${b.version}"` });
    expect(edited.status).toBe(200);

    await page.getByRole('button', { name: "Merge the next segment's target into this one" }).click();
    const dialog = page.getByRole('dialog', { name: 'The merge with the next segment was not saved' });
    await dialog.waitFor();
    await expect(dialog.locator(`.stale-row[data-segment="${b.id}"] .theirs`).textContent()).resolves.toBe(MEANWHILE);
    expect(await dialog.locator('ins').count()).toBeGreaterThan(0);
    await page.screenshot({ path: screenshotPath('alignment-conflict.png') });

    // Nothing was saved: the first row keeps its own English, the second the other translator's.
    expect(await get(a.id)).toMatchObject({ target: a.target, version: a.version });
    expect(await get(b.id)).toMatchObject({ target: MEANWHILE, version: b.version + 1 });
    await expect(alignRow(a.id).locator('.align-target').textContent()).resolves.toBe(a.target);
    const history = (await f.admin.get(`/api/segments/${a.id}/history`)).body as unknown[];
    expect(history).toHaveLength(0);

    // Redo on the saved text: both rows change together, with the other translator's wording.
    await dialog.getByRole('button', { name: 'Redo on the saved text' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(async () => (await get(a.id)).target).toBe(`${a.target} ${MEANWHILE}`);
    expect((await get(b.id)).target).toBe('');
    await alignRow(b.id).locator('.align-target:text("unaligned")').waitFor();
  }, 60_000);

  it('refuses a merge into an approved neighbour (403) with an error, and neither row changes', async () => {
    const { page } = tina;
    const { a, b } = await pair(0);
    const translated = await other.patch(`/api/segments/${b.id}`, { status: 'translated' }, { 'if-match': `"${b.version}"` });
    expect(translated.status).toBe(200);
    const approved = await rui.patch(`/api/segments/${b.id}`, { status: 'approved' }, { 'if-match': `"${b.version + 1}"` });
    expect(approved.status).toBe(200);
    const bNow = await get(b.id);
    await openAlignment(a.id);

    await page.getByRole('button', { name: "Merge the next segment's target into this one" }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toMatch(/merge with the next segment was refused .*neither segment was changed/);
    expect(await get(a.id)).toMatchObject({ target: a.target, version: a.version });
    expect(await get(b.id)).toMatchObject({ target: b.target, version: bNow.version, status: 'approved' });
    await expect(alignRow(a.id).locator('.align-target').textContent()).resolves.toBe(a.target);
    await expect(alignRow(b.id).locator('.align-target').textContent()).resolves.toBe(b.target);
  }, 60_000);
});
