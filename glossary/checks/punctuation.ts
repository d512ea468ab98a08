// punctuation: typographic problems of an English target that come from the Chinese source —
// full-width punctuation (，。；：？！（）《》【】、 and the ideographic space), doubled spaces,
// unbalanced brackets and quotes, and a missing final stop where the source ends a sentence.
// Fix: ASCII punctuation with English spacing, single spaces, and the source's final mark.
import type { CheckDef, Finding } from './types.ts';
import { isJsSpace } from './types.ts';

// Replacement with the spacing English wants; the fixer trims what that leaves doubled.
const FULL_WIDTH: Record<string, string> = {
  '，': ', ', '、': ', ', '。': '. ', '；': '; ', '：': ': ', '！': '! ', '？': '? ',
  '（': ' (', '）': ') ', '【': ' [', '】': '] ', '〔': ' [', '〕': '] ', '《': ' "', '》': '" ',
  '〈': ' "', '〉': '" ', '「': ' "', '」': '" ', '『': ' "', '』': '" ', '\u3000': ' ', '％': '%',
  '～': '~', '＋': '+', '－': '-', '＝': '=', '／': '/', '＆': '&', '＃': '#', '＠': '@',
};
const FULL_WIDTH_RE = /[，、。；：！？（）【】〔〕《》〈〉「」『』\u3000％～＋－＝／＆＃＠]/g;
// Most targets have none: a test allocates nothing, where matchAll makes an iterator per target.
const FULL_WIDTH_ANY = /[，、。；：！？（）【】〔〕《》〈〉「」『』\u3000％～＋－＝／＆＃＠]/;
// How a text ends — /[marks][closers]*\s*$/ — read backwards from its end (a regular expression
// anchored only at the end is tried at every position of the text): trailing white space (\s),
// then closing quotes and brackets, then the final mark.
/** The final mark of the text if it is one of `marks`, after closers and white space; else ''. */
function finalMark(text: string, marks: string, closers: string): string {
  let i = text.length - 1;
  while (i >= 0 && isJsSpace(text.charCodeAt(i))) i--;
  while (i >= 0 && closers.includes(text[i])) i--;
  return i >= 0 && marks.includes(text[i]) ? text[i] : '';
}
const zhFinal = (source: string) => finalMark(source, '。！？；…', '\'"’”」』）)');
const enFinal = (target: string) => finalMark(target, '.!?;:…', '\'"’”)]') !== '';
const endsFullWidth = (target: string) => finalMark(target, '，、。；：！？（）【】〔〕《》〈〉「」『』％', '') !== '';
const FINAL_FOR: Record<string, string> = { '。': '.', '！': '!', '？': '?', '；': ';', '…': '…' };

const BRACKET_OR_QUOTE = /[()[\]“”"]/;

function unbalanced(target: string): { message: string; at: number }[] {
  const problems: { message: string; at: number }[] = [];
  if (!BRACKET_OR_QUOTE.test(target)) return problems;
  for (const [open, close] of [['(', ')'], ['[', ']'], ['“', '”']]) {
    const stack: number[] = [];
    let strayClose = -1;
    for (let i = 0; i < target.length; i++) {
      if (target[i] === open) stack.push(i);
      else if (target[i] === close) {
        if (stack.length) stack.pop();
        else if (strayClose < 0) strayClose = i;
      }
    }
    if (stack.length) problems.push({ message: `unclosed ${open}`, at: stack[0] });
    if (strayClose >= 0) problems.push({ message: `${close} without a matching ${open}`, at: strayClose });
  }
  const straight = [...target.matchAll(/"/g)];
  if (straight.length % 2 === 1) problems.push({ message: 'odd number of " quotes', at: straight[straight.length - 1].index! });
  return problems;
}

export const punctuation: CheckDef = {
  id: 'punctuation',
  severity: 'warning',
  explain:
    'English target with Chinese full-width punctuation, doubled spaces, unbalanced brackets or quotes, or no final punctuation where the source ends its sentence.',
  check(source, target) {
    if (!target.trim()) return [];
    const findings: Finding[] = [];
    if (FULL_WIDTH_ANY.test(target)) for (const m of target.matchAll(FULL_WIDTH_RE)) {
      const name = m[0] === '\u3000' ? 'ideographic space' : m[0];
      findings.push({
        check: 'punctuation',
        severity: 'warning',
        targetSpan: { start: m.index!, end: m.index! + 1 },
        message: `full-width punctuation in English: ${name}`,
      });
    }
    if (target.includes('  ')) for (const m of target.matchAll(/(?<=\S) {2,}(?=\S)/g)) {
      findings.push({ check: 'punctuation', severity: 'warning', targetSpan: { start: m.index!, end: m.index! + m[0].length }, message: 'doubled space' });
    }
    for (const p of unbalanced(target)) {
      findings.push({ check: 'punctuation', severity: 'warning', targetSpan: { start: p.at, end: p.at + 1 }, message: p.message });
    }
    if (zhFinal(source) && !enFinal(target) && !endsFullWidth(target)) {
      const end = target.trimEnd().length;
      findings.push({ check: 'punctuation', severity: 'warning', targetSpan: { start: end, end }, message: 'the source ends with a full stop but the target has no final punctuation' });
    }
    return findings;
  },
  fix(source, target) {
    let out = target.replace(FULL_WIDTH_RE, (c) => FULL_WIDTH[c] ?? c);
    out = out
      .replace(/ {2,}/g, ' ')
      .replace(/ ([,.;:!?)\]%])/g, '$1')
      .replace(/([(\[]) /g, '$1')
      .replace(/^ +| +$/g, '');
    const zhEnd = zhFinal(source);
    if (zhEnd && out.trim() && !enFinal(out)) out = out.trimEnd() + (FINAL_FOR[zhEnd] ?? '.');
    return out === target ? undefined : out;
  },
};
