// Comments are flat on the server, so the panel offers "Quote in a new comment": the new comment
// shows the original as a quote block linking back to it, all from the keyboard.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { PASSWORD, buildWeb, importDocument, launch, sectionSeven, segments, signIn, startFixture } from './harness.ts';
import type { Browser, Fixture } from './harness.ts';

const QUESTION = '“基础研究先行区” should read “pilot zones for basic research”, as in the glossary.';
const ANSWER = 'Changed to pilot zones for basic research.';

describe('quoting a comment', () => {
  let web: string;
  let f: Fixture;
  let documentId: number;
  let segment: { id: number };
  let tina: Browser;
  let original: { id: number };

  beforeAll(async () => {
    web = buildWeb();
    f = await startFixture(web);
    documentId = await importDocument(f, 'Section 7', sectionSeven().zh);
    segment = (await segments(f, documentId)).find((s) => s.source.startsWith('深化基础研究先行区建设'))!;
    const rui = await f.server.client().login(f.reviewer, PASSWORD);
    const posted = await rui.post(`/api/segments/${segment.id}/comments`, { body: QUESTION });
    expect(posted.status).toBe(201);
    original = posted.body;
    tina = await launch();
    await signIn(tina.page, f.server.url, f.translator);
  }, 120_000);

  afterAll(async () => {
    await tina?.close();
    await f?.server.close();
    if (web) rmSync(web, { recursive: true, force: true });
  });

  it('quotes a comment in a new one, shows the quote linked to the original, and the link leads there', async () => {
    const { page } = tina;
    await page.goto(`${f.server.url}/projects/${f.projectId}/documents/${documentId}/translate`);
    await page.locator(`.seg-row[data-segment="${segment.id}"]`).click();
    await page.getByRole('tab', { name: 'Comments' }).click();
    const quote = page.getByRole('button', { name: 'Quote the comment by rui in a new comment' });
    await expect(quote.textContent()).resolves.toBe('Quote in a new comment');
    await quote.focus();
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => (document.activeElement as HTMLTextAreaElement | null)?.name)).resolves.toBe('comment');
    await expect(page.locator('.comment-form .comment-quote').textContent()).resolves.toContain(`Quoting rui: ${QUESTION}`);
    await page.keyboard.type(ANSWER);
    await page.getByRole('button', { name: 'Add comment' }).click();

    const reply = page.locator('.comments li').nth(1);
    await reply.locator('blockquote').waitFor();
    await expect(reply.locator('blockquote').textContent()).resolves.toContain(QUESTION);
    await expect(reply.locator('.comment-body').textContent()).resolves.toBe(ANSWER);
    const stored = (await f.admin.get(`/api/segments/${segment.id}/comments`)).body as { body: string }[];
    expect(stored.at(-1)!.body).toBe(`> #${original.id} rui: ${QUESTION}\n\n${ANSWER}`);

    const link = reply.getByRole('link', { name: 'Quoted comment by rui: go to the original' });
    await link.focus();
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe(`comment-${original.id}`);
  }, 60_000);
});
