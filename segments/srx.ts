// SRX 2.0 loading (LISA/GALA "Segmentation Rules eXchange" 2.0, 2008): <header cascade>, <languagerules>
// of <languagerule languagerulename> holding ordered <rule break="yes|no"> with <beforebreak>/<afterbreak>
// regexes, and <maprules> of <languagemap languagepattern languagerulename>. Language selection follows
// the SRX 2.0 cascade semantics as OmegaT and Okapi implement them: the language code is matched
// (whole, case-insensitively) against each languagepattern in order; with cascade="yes" the rules of every
// matching map are concatenated in map order, with cascade="no" only the first matching map is used.
// SRX 1.0 files (<maprule> wrappers, no cascade attribute) are read as cascade="no".
//
// XML is read with saxes, which never fetches a DTD and never expands declared entities (a DOCTYPE with
// <!ENTITY> is refused). Rule regexes are written for Java/ICU; the common Java-only spellings \x{…} and
// \Q…\E are translated, anything JavaScript cannot compile is reported with its line.
import { FormatError, type FormatProblem } from './format-error.ts';
import { SaxesParser } from 'saxes';
import { checkRules, RuleError, type RuleSet, type SegmentationRule } from './rules.ts';

export interface SrxMapRule {
  pattern: string;
  ruleName: string;
}

export interface Srx {
  cascade: boolean;
  rules: Map<string, RuleSet>;
  mapRules: SrxMapRule[];
}

/** A problem of a malformed SRX file (the project's one FormatError carries them). */
export type SrxProblem = FormatProblem;

/** Java/ICU regex spellings that JavaScript lacks but that mean the same thing. */
function fromJavaRegex(source: string): string {
  return source
    .replace(/\\Q([\s\S]*?)(?:\\E|$)/g, (_m, literal: string) => literal.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&'))
    .replace(/\\x\{([0-9A-Fa-f]+)\}/g, '\\u{$1}');
}

class StopParsing extends Error {}

const RULE_CHILDREN = new Set(['beforebreak', 'afterbreak']);

/** Parses an SRX 2.0 (or 1.0) document. Throws FormatError naming every problem with its line. */
export function parseSrx(xml: string): Srx {
  const problems: SrxProblem[] = [];
  const parser = new SaxesParser({ position: true });
  const problem = (message: string, field?: string, line = parser.line) =>
    problems.push(field === undefined ? { line, message } : { line, field, message });

  const stack: string[] = [];
  const stackLines: number[] = [];
  let lastClosed: { name: string; line: number } | null = null;
  let sawRoot = false;
  let version = '';
  let cascade: boolean | null = null;
  const rules = new Map<string, RuleSet>();
  const ruleLines = new Map<string, number>();
  const mapRules: (SrxMapRule & { line: number })[] = [];
  let currentSet: RuleSet | null = null;
  let currentRule: (SegmentationRule & { beforeLine: number; afterLine: number }) | null = null;
  let textTarget: 'before' | 'after' | null = null;
  let text = '';

  parser.on('error', (e) => {
    const m = /^(?:[^:]*:)?(\d+):(\d+): (.*)$/s.exec(e.message);
    const reason = (m ? m[3] : e.message).replace(/\.$/, '');
    // saxes pops the unclosed element (calling closetag) before it reports the mismatch.
    const where =
      reason === 'unexpected close tag' && lastClosed
        ? ` (<${lastClosed.name}> opened on line ${lastClosed.line} is not closed)`
        : stack.length > 0
          ? ` (inside <${stack[stack.length - 1]}> opened on line ${stackLines[stackLines.length - 1]})`
          : '';
    problems.push({ line: m ? Number(m[1]) : parser.line, message: `XML: ${reason}${where}` });
    throw new StopParsing();
  });
  parser.on('doctype', (doctype) => {
    if (/<!ENTITY/i.test(doctype)) {
      problem('DOCTYPE declares entities; entity declarations are not supported in SRX files', 'DOCTYPE');
      throw new StopParsing();
    }
  });
  parser.on('opentag', (tag) => {
    const name = tag.name.replace(/^.*:/, '');
    const attr = (a: string): string | undefined => {
      const v = tag.attributes[a];
      return typeof v === 'string' ? v : undefined;
    };
    const parent = stack[stack.length - 1];
    stack.push(name);
    stackLines.push(parser.line);
    if (!sawRoot) {
      sawRoot = true;
      if (name !== 'srx') problem(`root element is <${tag.name}>, expected <srx>`, 'srx');
      version = attr('version') ?? '';
      if (version !== '' && version !== '2.0' && version !== '1.0') problem(`unsupported SRX version "${version}"`, 'srx@version');
      return;
    }
    switch (name) {
      case 'header': {
        const c = attr('cascade');
        if (c !== undefined) {
          if (c !== 'yes' && c !== 'no') problem(`cascade must be "yes" or "no", not "${c}"`, 'header@cascade');
          cascade = c === 'yes';
        }
        break;
      }
      case 'languagerule': {
        const ruleName = attr('languagerulename');
        if (!ruleName) {
          problem('<languagerule> has no languagerulename', 'languagerule@languagerulename');
          currentSet = { language: '', rules: [] };
        } else {
          if (rules.has(ruleName)) problem(`languagerule "${ruleName}" is defined twice (first on line ${ruleLines.get(ruleName)})`, 'languagerule@languagerulename');
          currentSet = { language: ruleName, rules: [] };
          rules.set(ruleName, currentSet);
          ruleLines.set(ruleName, parser.line);
        }
        break;
      }
      case 'rule': {
        if (parent !== 'languagerule' || !currentSet) {
          problem('<rule> outside a <languagerule>', 'rule');
          break;
        }
        const b = attr('break') ?? 'yes';
        if (b !== 'yes' && b !== 'no') problem(`break must be "yes" or "no", not "${b}"`, 'rule@break');
        currentRule = { break: b !== 'no', before: '', after: '', beforeLine: parser.line, afterLine: parser.line };
        break;
      }
      case 'beforebreak':
      case 'afterbreak':
        if (parent !== 'rule' || !currentRule) {
          problem(`<${name}> outside a <rule>`, name);
          break;
        }
        textTarget = name === 'beforebreak' ? 'before' : 'after';
        if (textTarget === 'before') currentRule.beforeLine = parser.line;
        else currentRule.afterLine = parser.line;
        text = '';
        break;
      case 'languagemap': {
        const pattern = attr('languagepattern');
        const ruleName = attr('languagerulename');
        if (pattern === undefined) problem('<languagemap> has no languagepattern', 'languagemap@languagepattern');
        if (ruleName === undefined) problem('<languagemap> has no languagerulename', 'languagemap@languagerulename');
        if (pattern !== undefined && ruleName !== undefined) {
          try {
            new RegExp(`^(?:${pattern})$`, 'i');
          } catch (e) {
            problem(`languagepattern /${pattern}/ is not a valid regex: ${(e as Error).message}`, 'languagemap@languagepattern');
          }
          mapRules.push({ pattern, ruleName, line: parser.line });
        }
        break;
      }
      default:
        break;
    }
  });
  const onText = (t: string) => {
    if (textTarget) text += t;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('closetag', (tag) => {
    const name = tag.name.replace(/^.*:/, '');
    stack.pop();
    lastClosed = { name: tag.name, line: stackLines.pop() ?? parser.line };
    if (RULE_CHILDREN.has(name) && textTarget && currentRule) {
      currentRule[textTarget] = fromJavaRegex(text);
      textTarget = null;
    } else if (name === 'rule' && currentRule && currentSet) {
      const { beforeLine, afterLine, ...rule } = currentRule;
      try {
        checkRules({ language: currentSet.language, rules: [rule] });
      } catch (e) {
        if (!(e instanceof RuleError)) throw e;
        const field = e.field === 'before' ? 'beforebreak' : 'afterbreak';
        problem(`regex /${e.source}/ does not compile: ${e.reason}`, field, e.field === 'before' ? beforeLine : afterLine);
      }
      currentSet.rules.push(rule);
      currentRule = null;
    } else if (name === 'languagerule') {
      currentSet = null;
    }
  });

  const first = /\S/.exec(xml.replace(/^\uFEFF/, ''));
  if (first && first[0] !== '<') {
    throw new FormatError('srx', [{ line: 1, message: 'not an XML document (it does not start with "<")' }]);
  }
  try {
    parser.write(xml).close();
  } catch (e) {
    if (!(e instanceof StopParsing)) throw e;
  }
  if (problems.length === 0) {
    if (!sawRoot) problem('the file has no <srx> element', 'srx', 1);
    for (const m of mapRules) {
      if (!rules.has(m.ruleName)) problem(`languagemap refers to languagerule "${m.ruleName}", which is not defined`, 'languagemap@languagerulename', m.line);
    }
  }
  if (problems.length > 0) throw new FormatError('srx', problems);
  return {
    cascade: cascade ?? false,
    rules,
    mapRules: mapRules.map(({ pattern, ruleName }) => ({ pattern, ruleName })),
  };
}

// One RuleSet object per (file, language), so the engine's compiled-regex cache is hit on every call.
const selected = new WeakMap<Srx, Map<string, RuleSet>>();

/**
 * The rules an SRX file gives a language code (e.g. "zh-CN"). Throws when no languagemap matches, since
 * segmenting with no rules would silently produce one segment per line.
 */
export function rulesForLanguage(srx: Srx, languageCode: string): RuleSet {
  let perFile = selected.get(srx);
  if (!perFile) {
    perFile = new Map();
    selected.set(srx, perFile);
  }
  const cached = perFile.get(languageCode);
  if (cached) return cached;

  const matching = srx.mapRules.filter((m) => new RegExp(`^(?:${m.pattern})$`, 'i').test(languageCode));
  if (matching.length === 0) {
    throw new Error(
      `no languagemap of the SRX file matches language "${languageCode}" (patterns: ${srx.mapRules.map((m) => m.pattern).join(', ') || 'none'})`,
    );
  }
  const used = srx.cascade ? matching : matching.slice(0, 1);
  const rules: SegmentationRule[] = [];
  for (const m of used) {
    const set = srx.rules.get(m.ruleName);
    if (!set) throw new Error(`languagemap "${m.pattern}" refers to undefined languagerule "${m.ruleName}"`);
    rules.push(...set.rules);
  }
  const result: RuleSet = { language: languageCode, rules };
  perFile.set(languageCode, result);
  return result;
}

const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Writes rule sets as an SRX 2.0 document (e.g. to hand the built-in rules to another CAT tool). */
export function serializeSrx(srx: Srx): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<srx xmlns="http://www.lisa.org/srx20" version="2.0">',
    `  <header segmentsubflows="yes" cascade="${srx.cascade ? 'yes' : 'no'}"/>`,
    '  <body>',
    '    <languagerules>',
  ];
  for (const [name, set] of srx.rules) {
    lines.push(`      <languagerule languagerulename="${xmlEscape(name)}">`);
    for (const r of set.rules) {
      lines.push(`        <rule break="${r.break ? 'yes' : 'no'}">`);
      lines.push(`          <beforebreak>${xmlEscape(r.before)}</beforebreak>`);
      lines.push(`          <afterbreak>${xmlEscape(r.after)}</afterbreak>`);
      lines.push('        </rule>');
    }
    lines.push('      </languagerule>');
  }
  lines.push('    </languagerules>', '    <maprules>');
  for (const m of srx.mapRules) {
    lines.push(`      <languagemap languagepattern="${xmlEscape(m.pattern)}" languagerulename="${xmlEscape(m.ruleName)}"/>`);
  }
  lines.push('    </maprules>', '  </body>', '</srx>', '');
  return lines.join('\n');
}
