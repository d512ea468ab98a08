// Importing documents over the real server: JSON and multipart in several encodings, repaired and
// segmented source, draft aligned into targets; then the segment list's filters and paging.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { startTestServer } from '../helpers/api.ts';
import type { ApiClient, TestServer } from '../helpers/api.ts';
import { EXCERPT_EN, EXCERPT_ZH, SAMPLE_DRAFT, SAMPLE_SOURCE } from '../helpers/sample.ts';
import { targetsFromBeads } from '../../server/import.ts';
import type { SourceSegment } from '../../segments/segment.ts';

let t: TestServer;
let projectId: number;
let admin: ApiClient;
let translator: ApiClient;
let sampleId: number;

beforeAll(async () => {
  t = await startTestServer();
  ({ id: projectId, admin } = await t.project());
  translator = await t.signIn('translator', { projectId, role: 'translator' });
  const res = await admin.post(`/api/projects/${projectId}/documents`, { name: 'sample', source: SAMPLE_SOURCE, draft: SAMPLE_DRAFT });
  expect(res.status).toBe(201);
  sampleId = res.body.id;
});
afterAll(() => t.close());

function multipart(fields: Record<string, string | { bytes: Uint8Array; name: string }>): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) {
    if (typeof v === 'string') form.append(k, v);
    else form.append(k, new Blob([v.bytes as BlobPart]), v.name);
  }
  return form;
}

describe('importing the sample', () => {
  it('repairs the newspaper layout, keeps the raw source, and records the repairs and warnings', async () => {
    const doc = (await admin.get(`/api/documents/${sampleId}`)).body;
    expect(doc.segmentCount).toBeGreaterThan(200);
    expect(doc.repairs.map((r: { kind: string }) => r.kind)).toEqual(expect.arrayContaining(['page-marker', 'paragraph-join', 'cjk-space']));
    expect(doc.warnings.map((w: { code: string }) => w.code)).toEqual(expect.arrayContaining(['repeated-char', 'traditional-char', 'latin-in-cjk']));
    const row = t.db.$client.prepare('select raw_source from documents where id = ?').get(sampleId) as { raw_source: string };
    expect(row.raw_source).toBe(SAMPLE_SOURCE);
  });

  it('fills most targets from the draft with status draft and a confidence', async () => {
    const page = (await admin.get(`/api/documents/${sampleId}/segments?limit=1000`)).body;
    const drafted = page.items.filter((s: { status: string }) => s.status === 'draft');
    expect(drafted.length / page.total).toBeGreaterThan(0.9);
    for (const s of drafted) {
      expect(s.target).not.toBe('');
      expect(s.confidence).toBeGreaterThanOrEqual(0);
      expect(s.confidence).toBeLessThanOrEqual(1);
    }
    const heading = page.items.find((s: { source: string }) => s.source === '3. 加快航运数字智能绿色转型');
    expect(heading).toMatchObject({ heading: true, section: '3', target: '3. Accelerating the Digital, Intelligent and Green Transformation of Shipping' });
  });
});

describe('imports in other encodings', () => {
  it.each([
    ['UTF-16 LE with a byte-order mark', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(EXCERPT_ZH, 'utf16le')])],
    ['GBK', iconv.encode(EXCERPT_ZH, 'gbk')],
    ['UTF-8 with a byte-order mark', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(EXCERPT_ZH)])],
  ])('decodes a %s source file sent as multipart', async (_, bytes) => {
    const res = await admin.request('POST', `/api/projects/${projectId}/documents`, {
      body: multipart({ source: { bytes: new Uint8Array(bytes), name: 'excerpt.zh.txt' }, draft: { bytes: new TextEncoder().encode(EXCERPT_EN), name: 'excerpt.en.txt' } }),
    });
    expect(res.status).toBe(201);
    expect(res.body.name).toBe('excerpt.zh.txt');
    const segs = (await admin.get(`/api/documents/${res.body.id}/segments`)).body.items;
    expect(segs[1].source).toBe('3. 加快航运数字智能绿色转型');
    expect(segs[2].target).toMatch(/^We will seize the opportunities/);
  });

  it('cuts finer with clause granularity', async () => {
    const sentence = await admin.post(`/api/projects/${projectId}/documents`, { name: 's', source: EXCERPT_ZH });
    const clause = await admin.post(`/api/projects/${projectId}/documents`, { name: 'c', source: EXCERPT_ZH, granularity: 'clause' });
    expect(clause.body.segmentCount).toBeGreaterThan(sentence.body.segmentCount);
  });
});

describe('who imports', () => {
  it('translators cannot import (403) and nothing is written', async () => {
    const before = (await admin.get(`/api/projects/${projectId}/documents`)).body.length;
    const res = await translator.post(`/api/projects/${projectId}/documents`, { name: 'x', source: EXCERPT_ZH });
    expect(res.status).toBe(403);
    expect((await admin.get(`/api/projects/${projectId}/documents`)).body.length).toBe(before);
  });
});

describe('the segment list', () => {
  it('pages through the document in order', async () => {
    const a = (await admin.get(`/api/documents/${sampleId}/segments?offset=0&limit=10`)).body;
    const b = (await admin.get(`/api/documents/${sampleId}/segments?offset=10&limit=10`)).body;
    expect(a.items.map((s: { index: number }) => s.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(b.items[0].index).toBe(10);
    expect(a.total).toBe(b.total);
  });

  it('filters by section including subsections', async () => {
    const res = (await admin.get(`/api/documents/${sampleId}/segments?section=${encodeURIComponent('3')}&limit=1000`)).body;
    expect(res.total).toBeGreaterThan(3);
    for (const s of res.items) expect(s.section === '3' || s.section.startsWith('3 › ')).toBe(true);
  });

  it('finds text in source or target, case-insensitively', async () => {
    const zh = (await admin.get(`/api/documents/${sampleId}/segments?q=${encodeURIComponent('邮轮')}`)).body;
    expect(zh.items.every((s: { source: string }) => s.source.includes('邮轮'))).toBe(true);
    const en = (await admin.get(`/api/documents/${sampleId}/segments?q=CRUISE`)).body;
    expect(en.total).toBeGreaterThan(0);
    expect(en.items.every((s: { target: string }) => /cruise/i.test(s.target))).toBe(true);
  });

  it('filters by status and by QA check', async () => {
    const fresh = (await admin.get(`/api/documents/${sampleId}/segments?status=new,approved&limit=1000`)).body;
    expect(fresh.items.every((s: { status: string }) => s.status === 'new')).toBe(true);
    const empty = (await admin.get(`/api/documents/${sampleId}/segments?check=empty-target&limit=1000`)).body;
    expect(empty.total).toBe(fresh.total);
    expect(empty.items.every((s: { target: string }) => s.target === '')).toBe(true);
  });

  it('refuses an unknown status with a problem naming it', async () => {
    const res = await admin.get(`/api/documents/${sampleId}/segments?status=done`);
    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toMatchObject({ field: 'status', message: "unknown status 'done'" });
  });

  it.each([['nope'], ['term_missing'], ['Empty-Target']])('refuses the unknown QA check id %s with a 400 problem naming the field check', async (id) => {
    const res = await admin.get(`/api/documents/${sampleId}/segments?check=${encodeURIComponent(id)}`);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(res.body.errors[0].field).toBe('check');
    expect(res.body.errors[0].message).toContain(`unknown QA check '${id}'`);
    expect(res.body.errors[0].message).toContain('term-missing');
  });
});

describe('bead placement', () => {
  const seg = (text: string) => ({ text }) as SourceSegment;
  const zh = ['我们将加快发展。', '推动航运转型。', '建设国际航运中心。'].map(seg);
  const en = ['We will accelerate development.', 'We will promote the transformation of shipping.', 'We will build an international shipping center.', 'This is a note.'];
  it.each([
    ['1-1 beads fill each target', [{ zh: [0], en: [0] }, { zh: [1], en: [1] }, { zh: [2], en: [2] }], [en[0], en[1], en[2]]],
    ['a 2-1 bead gives its English to its first segment', [{ zh: [0, 1], en: [0, 1] }, { zh: [2], en: [2] }], [`${en[0]} ${en[1]}`, '', en[2]]],
    ['a 1-0 bead leaves the target empty', [{ zh: [0], en: [0] }, { zh: [1], en: [] }, { zh: [2], en: [2] }], [en[0], '', en[2]]],
    ['a 0-1 bead is appended to the previous segment', [{ zh: [0], en: [0] }, { zh: [], en: [3] }, { zh: [1], en: [1] }, { zh: [2], en: [2] }], [`${en[0]} ${en[3]}`, en[1], en[2]]],
    ['a 0-1 bead at the start goes to the next segment', [{ zh: [], en: [3] }, { zh: [0], en: [0] }, { zh: [1], en: [1] }, { zh: [2], en: [2] }], [`${en[3]} ${en[0]}`, en[1], en[2]]],
  ])('%s', (_, beads, expected) => {
    const out = targetsFromBeads(zh, en, beads.map((b) => ({ ...b, score: 0, confidence: 0.8 })));
    expect(out.map((o) => o.target)).toEqual(expected);
    out.forEach((o) => expect(o.target ? o.confidence : null).toBe(o.target ? 0.8 : null));
  });
});
