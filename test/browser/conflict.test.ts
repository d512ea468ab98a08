// Two people in two browsers save the same segment from the same version: the second gets the 409
// conflict view with the first one's text beside their own, keeps theirs or mine, and nothing is lost.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { buildWeb, importDocument, launch, screenshotPath, sectionSeven, segments, signIn, startFixture } from './harness.ts';
import type { Browser, Fixture } from './harness.ts';

const FIRST = 'We will deepen the development of pilot zones for basic research and give strategic scientists a leading role.';
const SECOND = 'We will deepen pilot zones for basic research, let strategic scientists lead, and fund long-cycle, high-risk basic research.';

describe('two editors saving one segment', () => {
  let web: string;
  let f: Fixture;
  let documentId: number;
  let segment: { id: number; version: number };
  let a: Browser;
  let b: Browser;

  beforeAll(async () => {
    web = buildWeb();
    f = await startFixture(web);
    documentId = await importDocument(f, 'Section 7', sectionSeven().zh);
    segment = (await segments(f, documentId)).find((s) => s.source.startsWith('深化基础研究先行区建设'))!;
    [a, b] = await Promise.all([launch(), launch()]);
    await Promise.all([signIn(a.page, f.server.url, f.translator), signIn(b.page, f.server.url, f.reviewer)]);
  }, 120_000);

  afterAll(async () => {
    await a?.close();
    await b?.close();
    await f?.server.close();
    if (web) rmSync(web, { recursive: true, force: true });
  });

  async function openSegment(who: Browser) {
    await who.page.goto(`${f.server.url}/projects/${f.projectId}/documents/${documentId}/translate`);
    await who.page.locator(`.seg-row[data-segment="${segment.id}"]`).click();
    return who.page.locator('.seg-row.active [data-testid="target-input"]');
  }

  it('shows the second saver the conflict view, and "keep mine" saves over the winner with both in the history', async () => {
    const [ta, tb] = await Promise.all([openSegment(a), openSegment(b)]);
    await ta.fill(FIRST);
    await tb.fill(SECOND);
    await ta.press('Control+Enter');
    await a.page.locator(`.seg-row[data-segment="${segment.id}"][data-status="translated"]`).waitFor();

    await tb.press('Control+Enter');
    const dialog = b.page.getByTestId('conflict');
    await dialog.waitFor();
    await expect(dialog.locator('.theirs').textContent()).resolves.toBe(FIRST);
    await expect(dialog.locator('.mine').textContent()).resolves.toBe(SECOND);
    expect(await dialog.locator('ins').count()).toBeGreaterThan(0);
    expect(await dialog.locator('del').count()).toBeGreaterThan(0);
    await b.page.screenshot({ path: screenshotPath('conflict.png') });

    await dialog.getByRole('button', { name: 'Keep mine' }).click();
    await dialog.waitFor({ state: 'detached' });
    const now = (await f.admin.get(`/api/segments/${segment.id}`)).body;
    expect(now.target).toBe(SECOND);
    expect(now.version).toBe(segment.version + 2);
    const history = (await f.admin.get(`/api/segments/${segment.id}/history`)).body as { targetAfter: string }[];
    expect(history.map((r) => r.targetAfter)).toEqual([FIRST, SECOND]);
  }, 60_000);

  it('"take theirs" drops my text and shows the saved one', async () => {
    const [ta, tb] = await Promise.all([openSegment(a), openSegment(b)]);
    await ta.fill(FIRST);
    await ta.press('Control+Enter');
    await a.page.locator(`.seg-row[data-segment="${segment.id}"]`).getByText(FIRST).waitFor();
    await tb.fill('A third wording that loses.');
    await tb.press('Control+Enter');
    const dialog = b.page.getByTestId('conflict');
    await dialog.getByRole('button', { name: 'Take theirs' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect(b.page.locator('.seg-row.active [data-testid="target-input"]').inputValue()).resolves.toBe(FIRST);
    expect((await f.admin.get(`/api/segments/${segment.id}`)).body.target).toBe(FIRST);
  }, 60_000);
});
