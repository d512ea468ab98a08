import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { splitText } from '../../../segments/rules.ts';
import { ZH_CLAUSE_RULES, ZH_SENTENCE_RULES } from '../../../segments/rules-zh.ts';

const seed = readFileSync(new URL('../../../samples/shanghai-fyp/source.zh.txt', import.meta.url), 'utf8');
const sentences = (text: string) => splitText(text, ZH_SENTENCE_RULES);
const clauses = (text: string) => splitText(text, ZH_CLAUSE_RULES);

describe('Chinese sentence rules', () => {
  it.each([
    [
      'a long sentence with many commas stays one sentence',
      '坚持科技创新打头阵，引领发展新质生产力，加强原创性、引领性、带动性成果供给，增强关键核心技术和前沿颠覆性技术攻关能力，全面提升创新体系整体效能，为2035年建成国际科技创新中心奠定坚实基础。',
      ['坚持科技创新打头阵，引领发展新质生产力，加强原创性、引领性、带动性成果供给，增强关键核心技术和前沿颠覆性技术攻关能力，全面提升创新体系整体效能，为2035年建成国际科技创新中心奠定坚实基础。'],
    ],
    [
      'a quoted programme name does not end the sentence',
      '深入实施“探索者计划”，鼓励企业、个人等社会力量以科学捐赠或与政府建立联合研究基金等方式投入基础研究。',
      ['深入实施“探索者计划”，鼓励企业、个人等社会力量以科学捐赠或与政府建立联合研究基金等方式投入基础研究。'],
    ],
    [
      'sentences break after 。',
      '1.1 优化基础研究组织模式。深化基础研究先行区建设，发挥战略科学家主导作用。',
      ['1.1 优化基础研究组织模式。', '深化基础研究先行区建设，发挥战略科学家主导作用。'],
    ],
    ['sentences break after ！ and ？', '这是改革！这是开放吗？是的。', ['这是改革！', '这是开放吗？', '是的。']],
    ['a closing quote after 。 stays with its sentence', '他说：“好。”然后离开了。', ['他说：“好。”', '然后离开了。']],
    ['a closing bracket after 。 stays with its sentence', '（详见附件。）下一句话。', ['（详见附件。）', '下一句话。']],
    ['several closers stay together', '他说：“要读《论语》。”）接着说。', ['他说：“要读《论语》。”）', '接着说。']],
    ['a sentence-final …… ends the sentence', '创新、协调、绿色……我们继续前进。', ['创新、协调、绿色……', '我们继续前进。']],
    ['a single … ends the sentence too', '等等…后来呢？', ['等等…', '后来呢？']],
    ['…… followed by 。 breaks only after the 。', '还有很多……。下一句。', ['还有很多……。', '下一句。']],
    ['…… followed by ， does not break', '张江、临港……，都在建设。', ['张江、临港……，都在建设。']],
    ['repeated terminators stay together', '真的吗？！当然。', ['真的吗？！', '当然。']],
    ['half-width ! and ? end a sentence after Chinese', '真的吗?当然!好的。', ['真的吗?', '当然!', '好的。']],
    ['half-width ? inside Latin text does not', '访问 example.com/?q=1 获取。', ['访问 example.com/?q=1 获取。']],
    ['a book title with ！ inside is never cut', '学习《你好！中国》一书。再学习。', ['学习《你好！中国》一书。', '再学习。']],
    ['a quoted exclamation followed by 的 is not cut', '喊出“加油！”的口号。然后出发。', ['喊出“加油！”的口号。', '然后出发。']],
    ['a quoted question followed by 等 is not cut', '回答“为什么？”等问题。然后出发。', ['回答“为什么？”等问题。', '然后出发。']],
    ['a slogan in quotes never causes a break', '明确“线上线下同监管”原则。', ['明确“线上线下同监管”原则。']],
    ['a decimal point is not a full stop', '增长2.5%。达到15%左右。', ['增长2.5%。', '达到15%左右。']],
    ['a page marker on its own line is its own segment', '（上接第5版）\n\n2.3 打造各具特色的航运服务集聚区。', ['（上接第5版）', '2.3 打造各具特色的航运服务集聚区。']],
    ['a line end always breaks, even mid-sentence', '加快成果转化制度\n\n创新，深化科技成果产权制度改革。', ['加快成果转化制度', '创新，深化科技成果产权制度改革。']],
  ])('%s', (_what, text, expected) => {
    expect(sentences(text)).toEqual(expected);
  });

  it('cuts the seed into sentences that end in 。 or at a line end, with no 。 inside', () => {
    const segs = sentences(seed);
    const lineEnds = seed.split('\n').map((l) => l.trim()).filter((l) => l !== '');
    expect(segs.length).toBeGreaterThan(150);
    for (const s of segs) {
      expect(s.endsWith('。') || lineEnds.some((l) => l.endsWith(s))).toBe(true);
      expect(s.slice(0, -1)).not.toContain('。');
    }
    expect(segs).toContain('深入推进“双一流”高校建设，完善高校学科专业布局调整，培育世界一流基础学科群，建强重点学科、交叉学科，结合人工智能应用推动一批专业转型升级。');
    expect(segs).toContain('增强“海聚英才”赛会引才聚才能级。');
  });

  it('never leaves 。 or a closing mark at the start of a sentence of the seed', () => {
    for (const s of sentences(seed)) expect(s).not.toMatch(/^[。！？”’」』）》】]/);
  });
});

describe('Chinese clause rules', () => {
  it.each([
    ['clauses break after ；', '一是加强基础研究；二是推动成果转化。', ['一是加强基础研究；', '二是推动成果转化。']],
    ['clauses break after ：', '主要任务包括：加强原始创新和关键核心技术攻关。', ['主要任务包括：', '加强原始创新和关键核心技术攻关。']],
    ['a colon between digits is a time, not a clause end', '会议于10：30开始。', ['会议于10：30开始。']],
    ['a quote after ： starts the next clause', '他说：“好。”然后离开了。', ['他说：', '“好。”', '然后离开了。']],
    [
      'a ， between two long clauses breaks',
      '坚持科技创新打头阵，引领发展新质生产力，为2035年建成国际科技创新中心奠定坚实基础。',
      ['坚持科技创新打头阵，', '引领发展新质生产力，', '为2035年建成国际科技创新中心奠定坚实基础。'],
    ],
    [
      'a ， after a quoted name breaks when both sides are clauses',
      '深入实施“探索者计划”，鼓励企业、个人等社会力量以科学捐赠。',
      ['深入实施“探索者计划”，', '鼓励企业、个人等社会力量以科学捐赠。'],
    ],
    ['a number list is not cut', '第1，2，3项任务已经全部完成。', ['第1，2，3项任务已经全部完成。']],
    [
      'short parallel items (under six characters) are never split off',
      '深化职业教育内涵建设，做精中职，做强高职，做优职业本科，支持新型高职建设发展。',
      ['深化职业教育内涵建设，做精中职，做强高职，做优职业本科，', '支持新型高职建设发展。'],
    ],
    ['an enumeration with 、 is never cut', '高质量推进张江、临港、浦江实验室建设运行。', ['高质量推进张江、临港、浦江实验室建设运行。']],
    ['a ， inside quotes does not break', '提出“坚持创新驱动发展，全面塑造发展新优势”的要求。', ['提出“坚持创新驱动发展，全面塑造发展新优势”的要求。']],
    ['a ， inside brackets does not break', '建设科创中心（包括张江科学城建设运行，临港科创城建设）。', ['建设科创中心（包括张江科学城建设运行，临港科创城建设）。']],
  ])('%s', (_what, text, expected) => {
    expect(clauses(text)).toEqual(expected);
  });

  it('only refines sentences: every clause of the seed lies inside one sentence', () => {
    const sentenceList = sentences(seed);
    const clauseList = clauses(seed);
    expect(clauseList.length).toBeGreaterThan(sentenceList.length * 2);
    let si = 0;
    let acc = '';
    for (const c of clauseList) {
      acc = acc === '' ? c : acc + c;
      if (acc === sentenceList[si]) {
        si++;
        acc = '';
      } else {
        expect(sentenceList[si].startsWith(acc)).toBe(true);
      }
    }
    expect(si).toBe(sentenceList.length);
  });
});
