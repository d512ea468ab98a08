// Replying to a comment from the keyboard: the reply is stored in the comment's thread and shown
// under it, and focus follows it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { PASSWORD, buildWeb, importDocument, launch, sectionSeven, segments, signIn, startFixture } from './harness.ts';
import type { Browser, Fixture } from './harness.ts';

const QUESTION = '“基础研究先行区” should read “pilot zones for basic research”, as in the glossary.';
const ANSWER = 'Changed to pilot zones for basic research.';

describe('replying to a comment', () => {
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

  it('answers a comment in its thread: the reply shows under it and keeps the keyboard focus', async () => {
    const { page } = tina;
    await page.goto(`${f.server.url}/projects/${f.projectId}/documents/${documentId}/translate`);
    await page.locator(`.seg-row[data-segment="${segment.id}"]`).click();
    await page.getByRole('tab', { name: 'Comments' }).click();
    const reply = page.getByRole('button', { name: 'Reply to the comment by rui' });
    await expect(reply.textContent()).resolves.toBe('Reply');
    await reply.focus();
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => (document.activeElement as HTMLTextAreaElement | null)?.name)).resolves.toBe('comment');
    await expect(page.locator('.comment-form .comment-reply').textContent()).resolves.toContain(`Replying to rui: ${QUESTION}`);
    await page.keyboard.type(ANSWER);
    await page.getByRole('button', { name: 'Add reply' }).click();

    const thread = page.locator('.comments .thread').filter({ has: page.locator(`[data-comment="${original.id}"]`) });
    const answer = thread.getByRole('list', { name: 'Replies to rui' }).locator('li');
    await answer.first().waitFor();
    await expect(answer.count()).resolves.toBe(1);
    await expect(answer.locator('.comment-body').textContent()).resolves.toBe(ANSWER);
    const stored = (await f.admin.get(`/api/segments/${segment.id}/comments`)).body as { id: number; body: string; replyTo: number | null }[];
    expect(stored.at(-1)).toMatchObject({ body: ANSWER, replyTo: original.id });
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe(`comment-${stored.at(-1)!.id}`);
    // The form is back to a new comment.
    await expect(page.getByRole('button', { name: 'Add comment' }).isVisible()).resolves.toBe(true);
  }, 60_000);
});
