import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryIO } from '../../cli/io.ts';
import { run } from '../../cli/commands/segment.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const seed = readFileSync(join(root, 'samples/shanghai-fyp/source.zh.txt'), 'utf8');
const small = '七、增强国际科技创新中心策源功能\n\n1.1 优化基础研究组织模式。深化基础研究先行区建设，发挥战略科学家主导作用。完善人才政策和服 务，推\n\n（下转第6版）\n\n动科技资源向急需紧缺领域倾斜。\n';
const smallSegments = ['七、增强国际科技创新中心策源功能', '1.1 优化基础研究组织模式', '深化基础研究先行区建设，发挥战略科学家主导作用。', '完善人才政策和服务，推动科技资源向急需紧缺领域倾斜。'];

let dir: string;
const path = (name: string) => join(dir, name);
const utf16be = (text: string) => {
  const le = Buffer.from(text, 'utf16le');
  for (let i = 0; i < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1], le[i]];
  return le;
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'bitext-segment-'));
  writeFileSync(path('utf8.txt'), small, 'utf8');
  writeFileSync(path('bom.txt'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(small, 'utf8')]));
  writeFileSync(path('utf16le.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(small, 'utf16le')]));
  writeFileSync(path('utf16be.txt'), Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(small)]));
  writeFileSync(path('gbk.txt'), iconv.encode(small, 'gbk'));
  writeFileSync(path('seed-gbk.txt'), iconv.encode(seed, 'gbk'));
  writeFileSync(path('image.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]));
  writeFileSync(path('latin1.txt'), Buffer.from([0x63, 0x61, 0x66, 0xe9]));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function segment(...args: string[]) {
  const io = memoryIO();
  const code = await run(args, io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

describe('bitext segment FILE', () => {
  it.each(['utf8.txt', 'bom.txt', 'utf16le.txt', 'utf16be.txt', 'gbk.txt'])('prints one segment per line for %s', async (name) => {
    const { code, stdout, stderr } = await segment(path(name));
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toBe(smallSegments.join('\n') + '\n');
  });

  it('segments the seed from GBK exactly as from UTF-8', async () => {
    const fromGbk = await segment(path('seed-gbk.txt'));
    const fromUtf8 = await segment(join(root, 'samples/shanghai-fyp/source.zh.txt'));
    expect(fromGbk.code).toBe(0);
    expect(fromGbk.stdout).toBe(fromUtf8.stdout);
    expect(fromUtf8.stdout.split('\n')).toContain('1.1 优化基础研究组织模式');
  });

  it('cuts finer with --granularity clause', async () => {
    const { code, stdout } = await segment(path('utf8.txt'), '--granularity', 'clause');
    expect(code).toBe(0);
    expect(stdout.split('\n')).toContain('深化基础研究先行区建设，');
    expect(stdout.split('\n')).toContain('发挥战略科学家主导作用。');
  });

  it('cuts with the zh-CN rules of an SRX file given by --rules', async () => {
    const srx = `<?xml version="1.0"?>
<srx xmlns="http://www.lisa.org/srx20" version="2.0"><header cascade="no"/><body>
<languagerules><languagerule languagerulename="Comma"><rule break="yes"><beforebreak>[。，]</beforebreak><afterbreak></afterbreak></rule></languagerule></languagerules>
<maprules><languagemap languagepattern="zh.*" languagerulename="Comma"/></maprules></body></srx>`;
    writeFileSync(path('comma.srx'), srx);
    const { code, stdout } = await segment(path('utf8.txt'), '--rules', path('comma.srx'));
    expect(code).toBe(0);
    expect(stdout.split('\n')).toEqual(expect.arrayContaining(['深化基础研究先行区建设，', '发挥战略科学家主导作用。', '完善人才政策和服务，']));
  });

  it('refuses a malformed SRX file with its line and exit code 2', async () => {
    const { code, stderr } = await segment(path('utf8.txt'), '--rules', join(root, 'test/fixtures/srx/malformed.srx'));
    expect(code).toBe(2);
    expect(stderr).toMatch(/malformed\.srx: bad SRX rules file: \d+ problems?\n  line \d+: /);
  });

  it('prints segments, repairs and warnings with --json', async () => {
    const { code, stdout } = await segment(path('utf8.txt'), '--json');
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(Object.keys(out)).toEqual(['segments', 'repairs', 'warnings']);
    expect(out.segments[1]).toEqual({ index: 1, text: '1.1 优化基础研究组织模式', section: '七 › 1.1', heading: true, rawStart: small.indexOf('1.1'), rawEnd: small.indexOf('模式。') + 2 });
    for (const s of out.segments) expect(Object.keys(s)).toEqual(['index', 'text', 'section', 'heading', 'rawStart', 'rawEnd']);
    expect(out.repairs.map((r: { kind: string }) => r.kind)).toEqual(['cjk-space', 'paragraph-join', 'page-marker']);
    expect(out.warnings).toEqual([]);
  });

  it('reports the seed warnings with --json', async () => {
    const { stdout } = await segment(join(root, 'samples/shanghai-fyp/source.zh.txt'), '--json');
    const out = JSON.parse(stdout);
    expect(out.warnings.map((w: { code: string }) => w.code)).toEqual(['latin-in-cjk', 'repeated-char', 'traditional-char', 'latin-in-cjk', 'repeated-word']);
    expect(out.warnings[2]).toMatchObject({ rawStart: seed.indexOf('創'), rawEnd: seed.indexOf('創') + 1 });
  });

  it('reads standard input for -', async () => {
    const io = memoryIO('推进改革。扩大开放。');
    expect(await run(['-'], io)).toBe(0);
    expect(io.stdout).toBe('推进改革。\n扩大开放。\n');
  });
});

describe('bitext segment errors', () => {
  it.each([
    ['a binary file', 'image.png', /^bitext segment: cannot decode .*image\.png: binary file/],
    ['an undecodable file', 'latin1.txt', /^bitext segment: cannot decode .*latin1\.txt: neither UTF-8 nor GB18030/],
    ['a missing file', 'missing.txt', /^bitext segment: cannot read .*missing\.txt: no such file/],
  ])('refuses %s with a one-line error naming it and exit code 2', async (_what, name, message) => {
    const { code, stdout, stderr } = await segment(path(name));
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it.each([
    [['--granularity', 'word', 'x.txt'], /--granularity must be sentence or clause, not "word"/],
    [[], /expected exactly one FILE, got 0/],
    [['--bogus', 'x.txt'], /Unknown option '--bogus'/],
  ])('rejects the arguments %j with exit code 2', async (args, message) => {
    const { code, stderr } = await segment(...args);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });

  it('prints its usage with --help', async () => {
    const { code, stdout } = await segment('--help');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^usage: bitext segment FILE \[--granularity sentence\|clause\] \[--rules FILE\.srx\] \[--json\]/);
  });
});

describe('bitext segment as a real process', () => {
  it('segments a GBK file through node bin/bitext.mjs', () => {
    const result = spawnSync(process.execPath, ['bin/bitext.mjs', 'segment', path('gbk.txt')], { cwd: root, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(smallSegments.join('\n') + '\n');
  });

  it('exits with 2 and one line on stderr for a binary file', () => {
    const result = spawnSync(process.execPath, ['bin/bitext.mjs', 'segment', path('image.png')], { cwd: root, encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trimEnd().split('\n')).toEqual([expect.stringMatching(/image\.png: binary file/)]);
  });
});
