// The editor in real Chromium against the real server: a translator fixes a forbidden rendering of
// 新质生产力 with the quick fix and confirms with Ctrl+Enter; a reviewer rejects another segment with a
// reason; the translator reads the reason and fixes it; the reviewer approves both; the TMX export
// holds the approved pairs. Screenshots of the editor, review and alignment views go to test-results/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { PASSWORD, buildWeb, importDocument, launch, screenshotPath, sectionSeven, segments, signIn, startFixture } from './harness.ts';
import type { Browser, Fixture } from './harness.ts';
import { splitEnglish } from '../../segments/english.ts';

const FORBIDDEN =
  'We will let sci-tech innovation lead the way and drive the development of new productive forces, strengthen the supply of original, pioneering and leading achievements, enhance our capacity for breakthroughs in core technologies in key fields and in cutting-edge disruptive technologies, comprehensively improve the overall effectiveness of the innovation system, and lay a solid foundation for completing the International Sci-Tech Innovation Center by 2035.';
const FIXED = FORBIDDEN.replace('new productive forces', 'new quality productive forces');
const WEAK = 'Make the basic research organisation better.';
const REASON = 'Translate the whole heading and body: the pilot zones and strategic scientists are missing.';
const BETTER =
  '1.1 Optimizing the Organizational Model of Basic Research. We will deepen the development of pilot zones for basic research and give strategic scientists a leading role.';
const REVIEWED = BETTER.replace('give strategic scientists a leading role', 'let strategic scientists lead');

describe('translating and reviewing in the browser', () => {
  let web: string;
  let f: Fixture;
  let documentId: number;
  let alignedId: number;
  let translator: Browser;
  let reviewer: Browser;
  let termSegment: { id: number; index: number };
  let otherSegment: { id: number; index: number };

  beforeAll(async () => {
    web = buildWeb();
    f = await startFixture(web);
    const { zh, en } = sectionSeven();
    documentId = await importDocument(f, 'Section 7 (source only)', zh);
    alignedId = await importDocument(f, 'Section 7 with draft', zh, en);
    const rows = await segments(f, documentId);
    termSegment = rows.find((s) => s.source.includes('新质生产力'))!;
    otherSegment = rows.find((s) => s.source.includes('深化基础研究先行区建设'))!;
    expect(termSegment).toBeDefined();
    expect(otherSegment).toBeDefined();
    [translator, reviewer] = await Promise.all([launch(), launch()]);
  }, 120_000);

  afterAll(async () => {
    await translator?.close();
    await reviewer?.close();
    await f?.server.close();
    if (web) rmSync(web, { recursive: true, force: true });
  });

  const row = (b: Browser, id: number) => b.page.locator(`.seg-row[data-segment="${id}"]`);
  const target = (b: Browser) => b.page.locator('.seg-row.active [data-testid="target-input"]');

  async function openEditor(b: Browser, mode: 'translate' | 'review' | 'align', id = documentId) {
    await b.page.goto(`${f.server.url}/projects/${f.projectId}/documents/${id}/${mode}`);
    await b.page.waitForSelector('.vlist-row .seg-row, .vlist-row .align-row');
  }

  async function statusOf(id: number): Promise<{ status: string; target: string }> {
    const res = await f.admin.get(`/api/segments/${id}`);
    return { status: res.body.status, target: res.body.target };
  }

  it('lets a translator fix the forbidden "new productive forces" with the quick fix and confirm with Ctrl+Enter', async () => {
    const { page } = translator;
    await signIn(page, f.server.url, f.translator);
    await page.getByRole('link', { name: 'Translate Section 7 (source only)' }).click();
    await page.waitForSelector('.seg-row');

    // The glossary term is marked in the source and tells its approved and forbidden renderings.
    const term = row(translator, termSegment.id).locator('button.term[data-term="新质生产力"]');
    await expect(term.getAttribute('aria-label')).resolves.toBe('新质生产力: insert new quality productive forces');
    await term.hover();
    await expect(row(translator, termSegment.id).locator('.term-tip:visible').first().textContent()).resolves.toContain('never: new productive forces');

    await row(translator, termSegment.id).click();
    await target(translator).fill(FORBIDDEN);
    const finding = page.locator('.seg-row.active li.finding[data-check="term-forbidden"]');
    await finding.waitFor();
    await expect(finding.textContent()).resolves.toContain('new productive forces');
    await page.screenshot({ path: screenshotPath('editor-term-forbidden.png') });

    await finding.getByRole('button', { name: /Apply fix for term-forbidden/ }).click();
    await expect(target(translator).inputValue()).resolves.toBe(FIXED);
    await page.locator('.seg-row.active li.finding[data-check="term-forbidden"]').waitFor({ state: 'detached' });

    await target(translator).press('Control+Enter');
    await row(translator, termSegment.id).and(page.locator('[data-status="translated"]')).waitFor();
    expect(await statusOf(termSegment.id)).toEqual({ status: 'translated', target: FIXED });
    // Ctrl+Enter moved on to the next open segment.
    await expect(page.locator('.seg-row.active').getAttribute('data-segment')).resolves.not.toBe(String(termSegment.id));

    // A second segment, weakly translated, for the reviewer to send back.
    await row(translator, otherSegment.id).click();
    await target(translator).fill(WEAK);
    await target(translator).press('Control+Enter');
    await row(translator, otherSegment.id).and(page.locator('[data-status="translated"]')).waitFor();
    await page.screenshot({ path: screenshotPath('editor.png') });
  }, 60_000);

  it('lets the reviewer reject the weak segment with a reason', async () => {
    const { page } = reviewer;
    await signIn(page, f.server.url, f.reviewer);
    await openEditor(reviewer, 'review');
    await row(reviewer, otherSegment.id).click();
    await page.getByRole('button', { name: /Reject this segment/ }).click();
    await page.getByRole('textbox', { name: 'Reason' }).fill(REASON);
    await page.getByRole('dialog').getByRole('button', { name: 'Reject' }).click();
    await row(reviewer, otherSegment.id).and(page.locator('[data-status="rejected"]')).waitFor();
    expect((await statusOf(otherSegment.id)).status).toBe('rejected');
  }, 60_000);

  it('shows the translator the reason, and the fix goes back to translated', async () => {
    const { page } = translator;
    await openEditor(translator, 'translate');
    await row(translator, otherSegment.id).and(page.locator('[data-status="rejected"]')).waitFor();
    await row(translator, otherSegment.id).click();
    await page.getByRole('tab', { name: 'Comments' }).click();
    const reason = page.locator('.comments [data-kind="rejection"] .comment-body');
    await expect(reason.textContent()).resolves.toBe(REASON);
    await target(translator).fill(BETTER);
    await target(translator).press('Control+Enter');
    await row(translator, otherSegment.id).and(page.locator('[data-status="translated"]')).waitFor();
    expect(await statusOf(otherSegment.id)).toEqual({ status: 'translated', target: BETTER });
  }, 60_000);

  it('lets the reviewer approve both, with tracked changes in view, and the TMX holds the approved pairs', async () => {
    const { page } = reviewer;
    await openEditor(reviewer, 'review');
    await row(reviewer, termSegment.id).click();
    await target(reviewer).waitFor();
    await page.keyboard.press('Control+Shift+Enter');
    await row(reviewer, termSegment.id).and(page.locator('[data-status="approved"]')).waitFor();

    // The reviewer polishes the second one: the change shows as tracked against the translator's version.
    await row(reviewer, otherSegment.id).click();
    await target(reviewer).fill(REVIEWED);
    await page.locator('.seg-row.active .tracked del', { hasText: 'give' }).waitFor();
    await expect(page.locator('.seg-row.active .tracked ins').allTextContents()).resolves.toContain('let');
    await page.getByRole('tab', { name: 'History' }).click();
    await page.locator('.history li').first().waitFor();
    await page.screenshot({ path: screenshotPath('review.png') });
    await page.getByRole('button', { name: /Approve this segment/ }).click();
    await row(reviewer, otherSegment.id).and(page.locator('[data-status="approved"]')).waitFor();
    expect((await statusOf(termSegment.id)).status).toBe('approved');
    expect(await statusOf(otherSegment.id)).toEqual({ status: 'approved', target: REVIEWED });

    const tmx = await page.evaluate(async (url) => (await fetch(url)).text(), `/api/documents/${documentId}/export.tmx`);
    for (const text of [FIXED, REVIEWED]) expect(tmx).toContain(text.replace(/&/g, '&amp;'));
    expect(tmx).toContain('引领发展新质生产力');
    expect(tmx.match(/<tu[\s>]/g)).toHaveLength(2);
  }, 60_000);

  it('shows the beads of a drafted document with their confidence and merges a target with the next', async () => {
    const { page } = reviewer;
    await openEditor(reviewer, 'align', alignedId);
    const rows = await segments(f, alignedId);
    expect(rows.some((s) => s.target)).toBe(true);
    const k = rows.findIndex((s, i) => s.target && rows[i + 1]?.target);
    const [a, b] = [rows[k], rows[k + 1]];
    await page.locator(`.align-row[data-segment="${a.id}"]`).click();
    await expect(page.locator(`.align-row[data-segment="${a.id}"] meter`).count()).resolves.toBe(1);
    await page.screenshot({ path: screenshotPath('alignment.png') });
    await page.getByRole('button', { name: "Merge the next segment's target into this one" }).click();
    await page.locator(`.align-row[data-segment="${b.id}"] .align-target:text("unaligned")`).waitFor();
    expect((await statusOf(a.id)).target).toBe(`${a.target} ${b.target}`);
    expect((await statusOf(b.id)).target).toBe('');
    const history = await f.admin.get(`/api/segments/${b.id}/history`);
    expect(history.body.at(-1).targetBefore).toBe(b.target);
  }, 60_000);

  it('moves the last English sentence of a bead to the next segment and splits a target at a sentence boundary', async () => {
    const { page } = reviewer;
    await openEditor(reviewer, 'align', alignedId);
    const rows = await segments(f, alignedId);
    const k = rows.findIndex((s, i) => i > 0 && splitEnglish(s.target).length >= 2 && rows[i + 1]?.target);
    const [a, b] = [rows[k], rows[k + 1]];
    const sentences = splitEnglish(a.target);
    await page.locator(`.align-row[data-segment="${a.id}"]`).click();
    await page.getByRole('button', { name: 'Move the last English sentence to the next segment' }).click();
    await page.locator(`.align-row[data-segment="${b.id}"] .align-target`, { hasText: sentences.at(-1)! }).waitFor();
    expect((await statusOf(a.id)).target).toBe(sentences.slice(0, -1).join(' '));
    expect((await statusOf(b.id)).target).toBe(`${sentences.at(-1)} ${b.target}`);

    // Split b after its first sentence: the rest goes to the front of the segment after it.
    const c = rows[k + 2];
    await page.locator(`.align-row[data-segment="${b.id}"]`).click();
    await page.getByRole('combobox', { name: 'Split after sentence' }).selectOption('1');
    await page.getByRole('button', { name: 'Split the target there, moving the rest to the next segment' }).click();
    await expect.poll(async () => (await statusOf(b.id)).target).toBe(sentences.at(-1));
    const rest = splitEnglish(`${sentences.at(-1)} ${b.target}`).slice(1).join(' ');
    expect((await statusOf(c.id)).target).toBe([rest, c.target].filter(Boolean).join(' '));
  }, 60_000);

  it('labels every control and reaches them by keyboard, and lists every shortcut under ?', async () => {
    const { page } = translator;
    await openEditor(translator, 'translate');
    const unlabelled = await page.evaluate(() => {
      const out: string[] = [];
      for (const el of document.querySelectorAll<HTMLElement>('button, a[href], input, select, textarea, [role="tab"]')) {
        const labelled =
          el.getAttribute('aria-label') ||
          el.getAttribute('aria-labelledby') ||
          (el as HTMLInputElement).labels?.length ||
          (el.tagName !== 'INPUT' && el.tagName !== 'TEXTAREA' && el.tagName !== 'SELECT' && el.textContent?.trim());
        if (!labelled) out.push(el.outerHTML.slice(0, 120));
        if (el.tabIndex < 0 && !el.closest('.vlist-row') && !el.matches('[role="tab"]')) out.push(`unreachable: ${el.outerHTML.slice(0, 120)}`);
      }
      return out;
    });
    expect(unlabelled).toEqual([]);
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await help.waitFor();
    for (const keys of ['Ctrl+Enter', 'Alt+↑', 'Alt+↓', 'Ctrl+Shift+Enter', 'Ctrl+K', 'Escape', '?']) {
      await expect(help.locator('kbd', { hasText: keys }).count()).resolves.toBeGreaterThan(0);
    }
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'detached' });
    await page.keyboard.press('Control+k');
    await expect(page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)).resolves.toBe('q');
  }, 60_000);

  it('works from the keyboard alone: Tab to the list, Enter to edit, Escape to leave, Alt+arrows to move', async () => {
    const { page } = translator;
    await openEditor(translator, 'translate');
    await page.keyboard.press('Control+k');
    let onRow = false;
    for (let k = 0; k < 40 && !onRow; k++) {
      await page.keyboard.press('Tab');
      onRow = await page.evaluate(() => !!document.activeElement?.classList.contains('seg-row'));
    }
    expect(onRow).toBe(true);
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).resolves.toBe('target-input');
    const first = await page.locator('.seg-row.active').getAttribute('data-segment');
    await page.keyboard.press('Escape');
    await expect(page.evaluate(() => document.activeElement?.classList.contains('seg-row'))).resolves.toBe(true);
    await page.keyboard.press('Alt+ArrowDown');
    await page.waitForFunction((id) => document.querySelector('.seg-row.active')?.getAttribute('data-segment') !== id, first);
    await expect(page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).resolves.toBe('target-input');
    await page.keyboard.press('Alt+ArrowUp');
    await page.waitForFunction((id) => document.querySelector('.seg-row.active')?.getAttribute('data-segment') === id, first);
  }, 60_000);

  it('batch-approves the QA-clean translated segments and leaves the one with a forbidden rendering', async () => {
    const rows = await segments(f, documentId);
    const clean = rows.find((r) => r.source === '1. 加强原始创新和关键核心技术攻关')!;
    const dirty = rows.find((r) => r.source.startsWith('1.2 加强关键核心技术突破和前沿颠覆性技术布局'))!;
    const tina = await f.server.client().login(f.translator, PASSWORD);
    const save = (r: { id: number; version: number }, target: string) =>
      tina.patch(`/api/segments/${r.id}`, { target, status: 'translated' }, { 'if-match': `"${r.version}"` });
    expect((await save(clean, '1. Strengthening Original Innovation and Breakthroughs in Core Technologies in Key Fields')).status).toBe(200);
    expect((await save(dirty, '1.2 Strengthening Breakthroughs in Core Technologies in Key Fields and Planning for Frontier Subversive Technologies')).status).toBe(200);

    const { page } = reviewer;
    await openEditor(reviewer, 'review');
    await page.getByRole('group', { name: 'Status' }).getByLabel('translated', { exact: true }).check();
    await page.locator(`.seg-row[data-segment="${dirty.id}"]`).waitFor();
    await page.getByRole('button', { name: 'Approve QA-clean translated' }).click();
    await expect(page.locator('.notice').filter({ hasText: 'Approved 1 segments' }).textContent()).resolves.toMatch(/1 left for review/);
    expect((await statusOf(clean.id)).status).toBe('approved');
    expect((await statusOf(dirty.id)).status).toBe('translated');
  }, 60_000);
});
