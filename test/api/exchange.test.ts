// Exchange formats and translation memory over the real server: TMX export of the sample after
// review, XLIFF round trip by a translator, TM matches across projects, TMX import into the TM.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type ApiClient, type TestServer } from '../helpers/api.ts';
import { createProject } from '../../server/db/queries/projects.ts';
import { parse as parseTmx, serialize as serializeTmx } from '../../server/formats/tmx.ts';
import { parse as parseXliff } from '../../server/formats/xliff.ts';
import { repoRoot, runPeer, sharedDir } from '../peers/sample.ts';

interface Seg {
  id: number;
  index: number;
  source: string;
  target: string;
  status: string;
  version: number;
}

const sampleDir = path.join(repoRoot, 'samples', 'shanghai-fyp');
let t: TestServer;
let admin: ApiClient;
let translator: ApiClient;
let reviewer: ApiClient;
let outsider: ApiClient;
let projectId: number;
let documentId: number;
let segs: Seg[];

async function segments(documentId: number): Promise<Seg[]> {
  const res = await reviewer.get(`/api/documents/${documentId}/segments?limit=1000`);
  expect(res.status).toBe(200);
  return res.body.items;
}

async function save(c: ApiClient, id: number, body: object) {
  const v = (await c.get(`/api/segments/${id}`)).body.version;
  const res = await c.patch(`/api/segments/${id}`, body, { 'if-match': `"${v}"` });
  expect(res.status, res.text).toBe(200);
  return res.body;
}

function postXml(c: ApiClient, url: string, xml: string, type = 'application/xml') {
  return c.request('POST', url, { body: xml, headers: { 'content-type': type } });
}

beforeAll(async () => {
  t = await startTestServer();
  ({ id: projectId, admin } = await t.project('Shanghai FYP'));
  translator = await t.signIn('translator', { projectId, role: 'translator' });
  reviewer = await t.signIn('reviewer', { projectId, role: 'reviewer' });
  outsider = await t.signIn('outsider');
  const created = await admin.post(`/api/projects/${projectId}/documents`, {
    name: '上海十五五规划纲要（节选）.txt',
    source: readFileSync(path.join(sampleDir, 'source.zh.txt'), 'utf8'),
    draft: readFileSync(path.join(sampleDir, 'draft.en.txt'), 'utf8'),
  });
  expect(created.status, created.text).toBe(201);
  documentId = created.body.id;
  segs = await segments(documentId);
  // The translator confirms the first 120 drafted segments; the reviewer approves the first 100.
  const drafted = segs.filter((s) => s.target !== '').slice(0, 120);
  for (const s of drafted) await save(translator, s.id, { status: 'translated' });
  const approval = await reviewer.post(`/api/documents/${documentId}/approve`, { segmentIds: drafted.slice(0, 100).map((s) => s.id), reason: 'checked against the published translation' });
  expect(approval.status, approval.text).toBe(200);
  expect(approval.body.approved).toHaveLength(100);
  const commented = await reviewer.post(`/api/segments/${drafted[0].id}/comments`, { body: 'Title as published by the municipal government & Xinhua.' });
  expect(commented.status).toBe(201);
  segs = await segments(documentId);
}, 120_000);
afterAll(() => t.close());

describe('TMX export of a document', () => {
  it('streams the approved segments as TMX 1.4b with translator, reviewer, props and notes', async () => {
    const res = await translator.get(`/api/documents/${documentId}/export.tmx`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/x-tmx+xml; charset=utf-8');
    expect(res.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent('上海十五五规划纲要（节选）.tmx')}`);
    const approved = segs.filter((s) => s.status === 'approved');
    const units = await parseTmx(res.text);
    expect(units.map((u) => [u.source, u.target])).toEqual(approved.map((s) => [s.source, s.target]));
    expect(res.text).toMatch(/<header [^>]*srclang="zh-CN"[^>]*creationid="translator"/);
    expect(units[0]).toMatchObject({
      tuid: `doc${documentId}-${approved[0].index + 1}`,
      creationId: 'translator',
      changeId: 'reviewer',
      tgtLang: 'en-US',
      props: { 'x-status': 'approved', 'x-document': '上海十五五规划纲要（节选）.txt' },
      notes: ['Title as published by the municipal government & Xinhua.'],
    });
    expect(units.some((u) => u.props?.['x-section'] === '七 › 1')).toBe(true);
    expect(units.every((u) => /^\d\.\d\d$/.test(u.props?.['x-alignment-confidence'] ?? ''))).toBe(true);
  });

  it('exports every translated segment with status=all', async () => {
    const units = await parseTmx((await reviewer.get(`/api/documents/${documentId}/export.tmx?status=all`)).text);
    expect(units).toHaveLength(segs.filter((s) => s.target !== '').length);
    expect(new Set(units.map((u) => u.props?.['x-status']))).toEqual(new Set(['approved', 'translated', 'draft']));
  });

  it.runIf(runPeer('xmllint', 'libxml2-utils'))('is valid against the TMX 1.4b DTD', async () => {
    const file = path.join(t.dir, 'export.tmx');
    writeFileSync(file, (await reviewer.get(`/api/documents/${documentId}/export.tmx?status=all`)).text);
    const result = spawnSync('xmllint', ['--noout', '--dtdvalid', path.join(sharedDir, 'formats', 'tmx14.dtd'), file], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it.each([
    ['an unknown status', (id: number) => `/api/documents/${id}/export.tmx?status=final`, 400, 'status'],
    ['a document that does not exist', () => `/api/documents/999999/export.tmx`, 404, 'id'],
  ])('answers %s with a problem naming the field', async (_name, url, status, field) => {
    const res = await reviewer.get(url(documentId));
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body.errors[0].field).toBe(field);
  });

  it('hides another project’s document and refuses anonymous callers', async () => {
    expect((await outsider.get(`/api/documents/${documentId}/export.tmx`)).status).toBe(404);
    expect((await t.client().get(`/api/documents/${documentId}/export.tmx`)).status).toBe(401);
  });
});

describe('XLIFF 2.0 round trip', () => {
  it('exports every segment with its state, and a translator’s edited file comes back as revisions', async () => {
    const exported = await translator.get(`/api/documents/${documentId}/export.xliff`);
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-type')).toBe('application/xliff+xml; charset=utf-8');
    const doc = await parseXliff(exported.text);
    expect(doc.units.map((u) => [Number(u.id), u.source, u.target, u.status])).toEqual(segs.map((s) => [s.id, s.source, s.target, s.status]));

    // "Translate" in a CAT tool: edit the file text itself — a new segment gets a translation and
    // is marked translated, a draft is corrected but left initial, the rest is untouched.
    const fresh = segs.find((s) => s.status === 'new')!;
    const draft = segs.find((s) => s.status === 'draft')!;
    let xml = exported.text;
    const unitBlock = (id: number) => new RegExp(`(<unit id="${id}"[^>]*>[\\s\\S]*?</unit>)`);
    xml = xml.replace(unitBlock(fresh.id), (block) =>
      block.replace('state="initial" subState="bitext:new"', 'state="translated"').replace(/(<source>.*<\/source>)/, '$1\n        <target>We will build a new pattern of opening up.</target>'),
    );
    xml = xml.replace(unitBlock(draft.id), (block) => block.replace(/<target>.*<\/target>/, '<target>We will deepen reform &amp; opening up.</target>'));
    const res = await postXml(translator, `/api/documents/${documentId}/import.xliff`, xml, 'application/xliff+xml');
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ units: segs.length, updated: 2, unchanged: segs.length - 2 });

    const after = await segments(documentId);
    const byId = new Map(after.map((s) => [s.id, s]));
    expect(byId.get(fresh.id)).toMatchObject({ target: 'We will build a new pattern of opening up.', status: 'translated', version: fresh.version + 1 });
    expect(byId.get(draft.id)).toMatchObject({ target: 'We will deepen reform & opening up.', status: 'draft', version: draft.version + 1 });
    const history = (await translator.get(`/api/segments/${fresh.id}/history`)).body;
    expect(history.at(-1)).toMatchObject({ user: 'translator', statusBefore: 'new', statusAfter: 'translated', targetAfter: 'We will build a new pattern of opening up.', note: 'imported from XLIFF' });

    // Exported again, the file gives the same segments and statuses as the edited one.
    const again = await parseXliff((await translator.get(`/api/documents/${documentId}/export.xliff`)).text);
    const edited = await parseXliff(xml);
    expect(again.units.map((u) => [u.id, u.source, u.target, u.status])).toEqual(edited.units.map((u) => [u.id, u.source, u.target, u.status]));
    segs = after;
  });

  it('refuses a file whose source no longer matches, changing nothing', async () => {
    const xml = (await translator.get(`/api/documents/${documentId}/export.xliff`)).text;
    const target = segs.find((s) => s.status === 'draft')!;
    const broken = xml
      .replace(/(<unit id="\d+"[^>]*>[\s\S]*?<source>)上海市国民经济/, '$1北京市国民经济')
      .replace(new RegExp(`(<unit id="${target.id}"[^>]*>[\\s\\S]*?<target>)[^<]*`), '$1Changed.');
    const res = await postXml(translator, `/api/documents/${documentId}/import.xliff`, broken);
    expect(res.status).toBe(409);
    expect(res.body.errors[0]).toMatchObject({ field: expect.stringMatching(/^line \d+ unit\/segment\/source$/) });
    expect(await segments(documentId)).toEqual(segs);
  });

  it.each([
    ['an unknown unit id', (x: string) => x.replace(/<unit id="\d+"/, '<unit id="99999999"'), 422, /unit\/@id/],
    ['a bare ampersand', (x: string) => x.replace('<target>We will deepen reform &amp; opening up.', '<target>We will deepen reform & opening up.'), 422, /^line \d+$/],
    ['a translator approving', (x: string) => x.replace('state="translated"', 'state="final"'), 403, /status/],
    ['another target language', (x: string) => x.replace('trgLang="en-US"', 'trgLang="de-DE"'), 422, /^line 2 xliff\/@trgLang$/],
  ])('refuses a file with %s as a whole', async (_name, corrupt, status, field) => {
    const xml = corrupt((await translator.get(`/api/documents/${documentId}/export.xliff`)).text);
    const res = await postXml(translator, `/api/documents/${documentId}/import.xliff`, xml);
    expect(res.status, res.text).toBe(status);
    expect(res.body.errors[0].field).toMatch(field);
    expect(await segments(documentId)).toEqual(segs);
  });

  it('refuses a JSON body with 415', async () => {
    const res = await translator.post(`/api/documents/${documentId}/import.xliff`, { xliff: '<xliff/>' });
    expect(res.status).toBe(415);
  });
});

describe('translation memory', () => {
  let other: { id: number; admin: ApiClient };

  beforeAll(async () => {
    other = await t.project('Next year’s plan');
  });

  it('finds an approved sentence at 100% from another project of the same language pair', async () => {
    const approved = segs.find((s) => s.status === 'approved' && s.source.length > 20)!;
    const res = await other.admin.get(`/api/projects/${other.id}/tm?q=${encodeURIComponent(approved.source)}`);
    expect(res.status, res.text).toBe(200);
    expect(res.body.matches[0]).toMatchObject({ score: 100, source: approved.source, target: approved.target, origin: 'segment', projectId, projectName: 'Shanghai FYP', segmentId: approved.id, changedBy: 'reviewer' });
    // A member of the other project only sees that the match comes from elsewhere, not from which project.
    const member = await t.signIn('next-year-translator', { projectId: other.id, role: 'translator' });
    const seen = await member.get(`/api/projects/${other.id}/tm?q=${encodeURIComponent(approved.source)}`);
    expect(seen.body.matches[0]).toMatchObject({ score: 100, target: approved.target, projectId, projectName: null });
  });

  it('scores a one-character edit high, best first, and nothing unrelated', async () => {
    const approved = segs.find((s) => s.status === 'approved' && s.source.length > 30)!;
    const edited = approved.source.slice(0, 10) + (approved.source[10] === '的' ? '地' : '的') + approved.source.slice(11);
    const res = await translator.get(`/api/projects/${projectId}/tm?q=${encodeURIComponent(edited)}&limit=5`);
    const scores = res.body.matches.map((m: { score: number }) => m.score);
    expect(res.body.matches[0].segmentId).toBe(approved.id);
    expect(scores[0]).toBeGreaterThanOrEqual(85);
    expect(scores[0]).toBeLessThan(100);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(scores.every((s: number) => s >= 60)).toBe(true);
    const unrelated = await translator.get(`/api/projects/${projectId}/tm?q=${encodeURIComponent('今天天气很好，我们去公园散步吧。')}`);
    expect(unrelated.body.matches).toEqual([]);
  });

  it('follows approval: an edited approved segment leaves the TM, its re-approval enters it', async () => {
    const approved = segs.find((s) => s.status === 'approved' && s.source.length > 20)!;
    const q = `/api/projects/${projectId}/tm?q=${encodeURIComponent(approved.source)}`;
    expect((await reviewer.get(q)).body.matches[0].target).toBe(approved.target);
    await save(reviewer, approved.id, { target: approved.target + ' (revised)' });
    expect((await reviewer.get(q)).body.matches.filter((m: { score: number }) => m.score === 100)).toEqual([]);
    await save(reviewer, approved.id, { status: 'approved' });
    expect((await reviewer.get(q)).body.matches[0]).toMatchObject({ score: 100, target: approved.target + ' (revised)' });
  });

  it('keeps other language pairs apart', async () => {
    const creator = t.db.$client.prepare(`select id from users where username = 'owner1'`).get() as { id: number };
    const german = createProject(t.db, { name: 'Deutsch', targetLang: 'de' }, creator.id);
    const approved = segs.find((s) => s.status === 'approved')!;
    const res = await admin.get(`/api/projects/${german.id}/tm?q=${encodeURIComponent(approved.source)}`);
    expect(res.status).toBe(200);
    expect(res.body.matches).toEqual([]);
  });

  it.each([
    ['a Chinese term', '科技创新', 'source'],
    ['an English term', 'Sci-Tech Innovation', 'target'],
  ])('finds %s by concordance in either language', async (_name, term, side) => {
    const res = await translator.get(`/api/projects/${projectId}/tm?concordance=${encodeURIComponent(term)}&limit=200`);
    expect(res.status).toBe(200);
    expect(res.body.matches.length).toBeGreaterThan(0);
    for (const m of res.body.matches) {
      expect(m.foundIn === side || m.foundIn === 'both').toBe(true);
      expect(side === 'source' ? m.source.includes(term) : m.target.toLowerCase().includes(term.toLowerCase())).toBe(true);
    }
  });

  it.each([
    ['neither q nor concordance', '', 'q'],
    ['an unknown parameter', '?q=上海&fuzzy=1', 'fuzzy'],
    ['a threshold above 100', '?q=上海&threshold=101', 'threshold'],
  ])('answers %s with 400 naming the field', async (_name, query, field) => {
    const res = await translator.get(`/api/projects/${projectId}/tm${query}`);
    expect(res.status).toBe(400);
    expect(res.body.errors[0].field).toBe(field);
  });
});

describe('TMX import into a project’s translation memory', () => {
  const units = [
    { tuid: 'ext-1', source: '全面推进城市数字化转型，建设国际数字之都。', target: 'We will fully advance the digital transformation of the city and build an international digital capital.', srcLang: 'zh-Hans', tgtLang: 'en-GB', creationId: 'xinhua' },
    { tuid: 'ext-2', source: '深入推进长三角一体化发展。', target: 'We will further advance the integrated development of the Yangtze River Delta.', srcLang: 'zh', tgtLang: 'EN' },
    { tuid: 'ext-3', source: '加快建设现代化产业体系。', target: 'Nous accélérerons…', srcLang: 'zh-CN', tgtLang: 'fr-FR' },
  ];

  it('imports the units of the project’s language pair, which then match', async () => {
    const tmx = serializeTmx(units, { creationToolVersion: '1.0', creationTool: 'Elsewhere' });
    const res = await postXml(reviewer, `/api/projects/${projectId}/tm/import`, tmx, 'application/x-tmx+xml');
    expect(res.status, res.text).toBe(200);
    expect(res.body.imported).toBe(2);
    const match = await translator.get(`/api/projects/${projectId}/tm?q=${encodeURIComponent('全面推进城市数字化转型，建设国际数字之都')}`);
    expect(match.body.matches[0]).toMatchObject({ origin: 'import', tuid: 'ext-1', target: units[0].target, changedBy: 'xinhua', srcLang: 'zh-Hans' });
    expect(match.body.matches[0].score).toBeGreaterThan(90);
  });

  it('takes a multipart upload too', async () => {
    const form = new FormData();
    form.append('file', new Blob([serializeTmx([units[1]], { creationToolVersion: '1.0' })], { type: 'application/x-tmx+xml' }), 'one.tmx');
    const res = await reviewer.request('POST', `/api/projects/${projectId}/tm/import`, { body: form });
    expect(res.status, res.text).toBe(200);
    expect(res.body.imported).toBe(1);
  });

  it('imports nothing from a broken file and names the line', async () => {
    const before = (await reviewer.get(`/api/projects/${projectId}/tm?concordance=digital%20capital`)).body.matches.length;
    const tmx = serializeTmx(units, { creationToolVersion: '1.0' }).replace('Yangtze River Delta', 'Yangtze & Delta');
    const res = await postXml(reviewer, `/api/projects/${projectId}/tm/import`, tmx);
    expect(res.status).toBe(422);
    const line = tmx.split('\n').findIndex((l) => l.includes('Yangtze & Delta')) + 1;
    expect(res.body.errors[0].field).toBe(`line ${line}`);
    expect((await reviewer.get(`/api/projects/${projectId}/tm?concordance=digital%20capital`)).body.matches.length).toBe(before);
  });

  it('does not let a translator import', async () => {
    const res = await postXml(translator, `/api/projects/${projectId}/tm/import`, serializeTmx(units, { creationToolVersion: '1.0' }));
    expect(res.status).toBe(403);
  });
});
