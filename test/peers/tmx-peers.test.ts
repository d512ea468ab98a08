// Real CAT-tool peers read the TMX the server exports for the sample (apt packages: libxml2-utils,
// translate-toolkit, omegat): the real app over a fresh database, the sample imported, its segments
// approved, GET /api/documents/:id/export.tmx?status=approved (test/peers/export.ts). With CI=true a
// missing tool fails these tests; elsewhere they skip.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, serialize } from '../../server/formats/tmx.ts';
import { exportSampleTmx, type ApprovedSegment } from './export.ts';
import { runPeer, sharedDir } from './sample.ts';

const header = { creationToolVersion: '0.1.0', creationId: 'reviewer' };
let dir: string;
let exported: string;
let contentType: string;
/** The approved segments of the sample as the segments API lists them: what every peer must find. */
let approved: ApprovedSegment[];
let tmxPath: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'bitext-peers-'));
  ({ tmx: exported, contentType, approved } = await exportSampleTmx());
  tmxPath = path.join(dir, 'shanghai-fyp.tmx');
  writeFileSync(tmxPath, exported);
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the TMX the server exports for the approved sample', () => {
  it('holds one unit per approved segment, with the approved texts, from the reviewer', async () => {
    expect(contentType).toMatch(/^application\/x-tmx\+xml/);
    expect(approved.length).toBeGreaterThanOrEqual(200);
    const units = await parse(exported);
    expect(units.map((u) => [u.source, u.target])).toEqual(approved.map((s) => [s.source, s.target]));
    expect(units.every((u) => u.props?.['x-status'] === 'approved' && u.changeId === 'reviewer')).toBe(true);
  });
});

describe.runIf(runPeer('xmllint', 'libxml2-utils'))('xmllint with the TMX 1.4b DTD', () => {
  const dtd = path.join(sharedDir, 'formats', 'tmx14.dtd');
  const validate = (file: string) => spawnSync('xmllint', ['--noout', '--dtdvalid', dtd, file], { encoding: 'utf8' });

  it('accepts the exported TMX of the sample', () => {
    const result = validate(tmxPath);
    expect(result.error).toBeUndefined();
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  // The server's export goes through the same writer; this feeds it the characters the sample lacks.
  it('accepts units holding XML specials, control characters and lone surrogates', () => {
    const file = path.join(dir, 'hostile.tmx');
    writeFileSync(
      file,
      serialize(
        [
          { tuid: 'amp', source: '“五个中心”<核心>功能 & 能级', target: 'the "Five Centers" <core> functions & capacity' },
          { tuid: 'ctl', source: '上海\u0000市\u001F', target: 'Shang\u0007hai\uFFFE' },
          { tuid: 'sur', source: '国际\uD800科创中心', target: 'sci-tech\uDC00 innovation 𠀀 center' },
        ],
        header,
      ),
    );
    const result = validate(file);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('rejects a TMX whose header lacks srclang (so the check can fail)', () => {
    const file = path.join(dir, 'broken.tmx');
    writeFileSync(file, exported.replace(/ srclang="zh-CN"/, ''));
    const result = validate(file);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/srclang/);
  });
});

describe.runIf(runPeer('translate-toolkit', 'translate-toolkit', ['/usr/bin/python3', '-c', 'import translate.storage.tmx']))('translate-toolkit (python3 translate.storage.tmx)', () => {
  it('reads the same number of units with the same Chinese and English texts as the approved segments', () => {
    const script = [
      'import json, sys',
      'from translate.storage import tmx',
      'store = tmx.tmxfile.parsefile(sys.argv[1])',
      'json.dump([[u.source, u.target] for u in store.units], sys.stdout, ensure_ascii=False)',
    ].join('\n');
    const result = spawnSync('/usr/bin/python3', ['-c', script, tmxPath], { encoding: 'utf8', env: { ...process.env, PYTHONIOENCODING: 'utf-8' } });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const read = JSON.parse(result.stdout) as [string, string][];
    expect(read).toHaveLength(approved.length);
    expect(read).toEqual(approved.map((s) => [s.source, s.target]));
  });
});

describe.runIf(runPeer('omegat', 'omegat'))('OmegaT in console mode', () => {
  // A minimal project: sentence segmentation off, so each paragraph of the source file is one
  // segment, and the TMX in tm/auto/, whose exact matches OmegaT inserts when it loads the project.
  const projectFile = `<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<omegat>
  <project version="1.0">
    <source_dir>__DEFAULT__</source_dir>
    <source_dir_excludes/>
    <target_dir>__DEFAULT__</target_dir>
    <tm_dir>__DEFAULT__</tm_dir>
    <glossary_dir>__DEFAULT__</glossary_dir>
    <glossary_file>__DEFAULT__</glossary_file>
    <dictionary_dir>__DEFAULT__</dictionary_dir>
    <source_lang>zh-CN</source_lang>
    <target_lang>en-US</target_lang>
    <source_tok>org.omegat.tokenizer.DefaultTokenizer</source_tok>
    <target_tok>org.omegat.tokenizer.DefaultTokenizer</target_tok>
    <sentence_seg>false</sentence_seg>
    <support_default_translations>true</support_default_translations>
    <remove_tags>false</remove_tags>
  </project>
</omegat>
`;

  function omegatProject(name: string, tmx: string | undefined, sources: string[]): string {
    const project = path.join(dir, name);
    // OmegaT recognises a project folder by omegat.project plus an omegat/ folder, and wants every folder present.
    for (const sub of ['omegat', 'source', 'target', 'tm/auto', 'glossary', 'dictionary']) mkdirSync(path.join(project, sub), { recursive: true });
    writeFileSync(path.join(project, 'omegat.project'), projectFile);
    writeFileSync(path.join(project, 'source', 'shanghai-fyp.txt'), sources.join('\n\n') + '\n');
    if (tmx) writeFileSync(path.join(project, 'tm', 'auto', 'shanghai-fyp.tmx'), tmx);
    const result = spawnSync(
      'omegat',
      [project, '--mode=console-translate', `--config-dir=${path.join(dir, name + '-config')}`, '--disable-project-locking', '--no-team', '--quiet'],
      // OmegaT reads .txt in the platform charset: make it UTF-8 whatever the caller's locale.
      { encoding: 'utf8', timeout: 120_000, env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' } },
    );
    expect(result.error).toBeUndefined();
    expect(result.status, result.stderr + result.stdout).toBe(0);
    expect(readdirSync(path.join(project, 'target'))).toEqual(['shanghai-fyp.txt']);
    return readFileSync(path.join(project, 'target', 'shanghai-fyp.txt'), 'utf8');
  }
  const projectDir = (name: string) => path.join(dir, name);

  const paragraphs = (text: string) => text.split(/\n\s*\n/).map((p) => p.trim()).filter((p) => p !== '');

  it('fills the target with the approved English of every sample segment from the exported TMX in tm/auto', () => {
    const target = paragraphs(omegatProject('with-tm', readFileSync(tmxPath, 'utf8'), approved.map((s) => s.source)));
    expect(target).toHaveLength(approved.length);
    expect(target).toEqual(approved.map((s) => s.target));
  });

  it.each([
    // OmegaT names the TMX files it exports after the project folder.
    ['its TMX 1.4 level-2 export', 'with-tm-level2.tmx'],
    ['its TMX 1.1 OmegaT-format export', 'with-tm-omegat.tmx'],
  ])('writes back %s, which our reader reads as the same pairs', async (_name, file) => {
    // Runs after the test above, which left OmegaT's project memory in the with-tm project.
    const back = await parse(readFileSync(path.join(projectDir('with-tm'), file), 'utf8'));
    const pairs = (list: { source: string; target: string }[]) => list.map((u) => `${u.source}\t${u.target}`).sort();
    expect(pairs(back)).toEqual(pairs(approved));
    expect(back.every((u) => u.changeId === 'reviewer' || file === 'with-tm-omegat.tmx')).toBe(true);
  });

  it('finds the export valid against OmegaT’s own TMX 1.4 schema (schemas/tmx14.xsd in OmegaT.jar)', () => {
    const jar = '/usr/share/omegat/OmegaT.jar';
    const xsdDir = path.join(dir, 'omegat-schemas');
    const unzip = spawnSync('/usr/bin/python3', ['-c', 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2], ["schemas/tmx14.xsd", "schemas/xml.xsd"])', jar, xsdDir], { encoding: 'utf8' });
    expect(unzip.stderr).toBe('');
    const result = spawnSync('xmllint', ['--noout', '--schema', path.join(xsdDir, 'schemas', 'tmx14.xsd'), tmxPath], { encoding: 'utf8' });
    expect(result.stderr.trim()).toBe(`${tmxPath} validates`);
    expect(result.status).toBe(0);
  });

  it('leaves the Chinese in place without the TMX (so the check above can fail)', () => {
    const sources = approved.slice(0, 3).map((s) => s.source);
    expect(paragraphs(omegatProject('without-tm', undefined, sources))).toEqual(sources);
  });
});
