import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { simplifiedFormOf, sourceWarnings } from '../../../segments/warnings.ts';

const seed = readFileSync(new URL('../../../samples/shanghai-fyp/source.zh.txt', import.meta.url), 'utf8');
const codesOf = (text: string) => sourceWarnings(text).map((w) => w.code);
const flagged = (text: string, code: string) => sourceWarnings(text).filter((w) => w.code === code).map((w) => text.slice(w.rawStart, w.rawEnd));

describe('the seed document', () => {
  it('yields exactly the five defects it is known to have, in document order', () => {
    const warnings = sourceWarnings(seed);
    expect(warnings.map((w) => [w.code, seed.slice(w.rawStart, w.rawEnd)])).toEqual([
      ['latin-in-cjk', 'and'],
      ['repeated-char', '留留留'],
      ['traditional-char', '創'],
      ['latin-in-cjk', 'and'],
      ['repeated-word', '生态生态'],
    ]);
  });

  it('gives each warning an excerpt with context and a message naming the problem', () => {
    const warnings = sourceWarnings(seed);
    expect(warnings.map((w) => w.excerpt)).toEqual([
      '开展多路径探索 and 比选争优。提高',
      '青年人才落户和居留留留政策体系，推动高',
      '功能，开展更多首創性、集成式改革探',
      '，推动流通规则 and 标准一体化衔接',
      '山湖岸线贯通及水生态生态治理，加强生态环',
    ]);
    expect(warnings[2].message).toContain('创');
    expect(warnings[1].message).toContain('3 times');
  });
});

describe('latin-in-cjk', () => {
  it.each([
    ['开展多路径探索 and 比选争优', 'and'],
    ['推动流通规则 and 标准一体化衔接', 'and'],
    ['加强the国际合作', 'the'],
    ['推动 of the 长三角一体化', 'of the'],
  ])('flags the running English in %s', (text, word) => {
    expect(flagged(text, 'latin-in-cjk')).toEqual([word]);
  });

  it.each(['推动G60科创走廊建设', '发展人工智能（AI）产业', '到2030年基础研究经费占比', '集聚10个千亿级产业', '建设5G网络', '推广iPhone应用', '登录www.gov.cn查询', '日均10 km以上', '研发mRNA疫苗', 'The plan will boost growth and jobs.'])(
    'does not flag acronyms, codes, units or English sentences: %s',
    (text) => {
      expect(codesOf(text)).not.toContain('latin-in-cjk');
    },
  );
});

describe('repeated-char', () => {
  it.each([
    ['完善海外青年人才落户和居留留留政策体系', '留留留'],
    ['加快建设建设设设国际中心', '设设设'],
  ])('flags a character written three or more times in %s', (text, run) => {
    expect(flagged(text, 'repeated-char')).toEqual([run]);
  });

  it.each(['常常', '人人参与', '高高兴兴', '健全全链条科技服务', '放大中国国际进口博览会', '发挥积极财政政策作用', '加强政府投资资金管理', '谢谢大家'])(
    'leaves ordinary doubled characters alone: %s',
    (text) => {
      expect(codesOf(text)).toEqual([]);
    },
  );
});

describe('repeated-word', () => {
  it.each([
    ['持续推进岸线贯通及水生态生态治理', '生态生态'],
    ['推动高质量高质量发展', '高质量高质量'],
    ['全面深化改革开放改革开放', '改革开放改革开放'],
  ])('flags the doubled word in %s', (text, word) => {
    expect(flagged(text, 'repeated-word')).toEqual([word]);
  });

  it.each(['推动高水平研究型大学建设', '互联互通', '共建共享', '共建“一带一路”', '大家研究研究再定', '一步一步推进', '人人人人', '高高兴兴'])(
    'leaves ordinary text and reduplication alone: %s',
    (text) => {
      expect(codesOf(text)).not.toContain('repeated-word');
    },
  );
});

describe('traditional-char', () => {
  it.each([
    ['开展更多首創性改革探索', ['創']],
    ['推動經濟發展', ['動', '經', '濟', '發']],
    ['臺灣地區', ['臺', '灣', '區']],
  ])('flags the traditional characters of %s', (text, chars) => {
    expect(flagged(text, 'traditional-char')).toEqual(chars);
  });

  it.each(['乾坤', '著作权', '干部', '于是', '发面', '台湾', '什么', '这么', '怎么', '干净', '以后', '发展', '方面', '城里', '几个', '一周', '范围', '斗争', '余下', '历史', '团结', '旅游', '尽快', '规划', '恢复', '系统', '标准', '云计算'])(
    'leaves characters that are also simplified alone: %s',
    (text) => {
      expect(codesOf(text)).toEqual([]);
    },
  );

  it.each([['什么', '么'], ['这么', '么'], ['怎么', '么']])('does not suggest 幺 for the 么 of %s', (word, ch) => {
    expect(simplifiedFormOf(ch)).toBeNull();
    expect(flagged(`推动${word}发展`, 'traditional-char')).toEqual([]);
  });

  it('finds no traditional character in the seed except 創', () => {
    const chars = new Set([...seed].filter((c) => simplifiedFormOf(c) !== null));
    expect([...chars]).toEqual(['創']);
  });
});

describe('unbalanced brackets and quotes', () => {
  it.each([
    ['共建上海（长三角国际科技创新中心。', 'unbalanced-bracket', '（'],
    ['落实《规划纲要的部署。', 'unbalanced-bracket', '《'],
    ['强化规划】衔接。', 'unbalanced-bracket', '】'],
    ['坚持“五个中心建设。', 'unbalanced-quote', '“'],
    ['坚持五个中心”建设。', 'unbalanced-quote', '”'],
    ['他说 "要加快发展。', 'unbalanced-quote', '"'],
  ])('flags %s as %s at %s', (text, code, mark) => {
    const warnings = sourceWarnings(text);
    expect(warnings.map((w) => [w.code, text.slice(w.rawStart, w.rawEnd)])).toEqual([[code, mark]]);
  });

  it('flags both marks of crossed pairs', () => {
    expect(codesOf('强化（“五个中心）”功能。')).toEqual(['unbalanced-quote', 'unbalanced-quote']);
  });

  it.each(['共建上海（长三角）国际科技创新中心。', '共建“一带一路”。', '强化（“五个中心”）功能。', '落实《上海市民营经济促进条例》。'])('accepts balanced %s', (text) => {
    expect(codesOf(text)).toEqual([]);
  });
});

describe('heading numbering', () => {
  it.each([
    ['七、甲\n\n1. 乙\n\n1.1 丙\n\n1.3 丁', 'heading-gap', '1.3'],
    ['七、甲\n\n1. 乙\n\n1. 丙', 'heading-repeat', '1.'],
    ['七、甲\n\n2. 乙', 'heading-gap', '2.'],
    ['七、甲\n\n九、乙', 'heading-gap', '九、'],
    ['第一章 总则\n\n第三章 附则', 'heading-gap', '第三章'],
    ['（一）甲\n\n（三）乙', 'heading-gap', '（三）'],
    ['3. 甲\n\n2. 乙', 'heading-repeat', '2.'],
  ])('flags %j as %s at %s', (text, code, number) => {
    const warnings = sourceWarnings(text);
    expect(warnings.map((w) => [w.code, text.slice(w.rawStart, w.rawEnd)])).toEqual([[code, number]]);
  });

  it.each([
    ['an excerpt starting mid-document', '2.3 打造集聚区。\n\n3. 加快转型\n\n3.1 系统推进。\n\n七、增强功能\n\n1. 加强创新'],
    ['numbering restarting under a new parent', '七、甲\n\n1. 乙\n\n2. 丙\n\n八、丁\n\n1. 戊'],
    ['decimal numbers under their parent', '1. 甲\n\n1.1 乙\n\n1.2 丙\n\n2. 丁\n\n2.1 戊'],
  ])('accepts %s', (_what, text) => {
    expect(codesOf(text)).toEqual([]);
  });
});
