// TBX-Basic reader and writer (ISO 30042:2008 martif; TBX-Basic XCS TBXBasicXCSV02). Reads the
// v2 shape (martif/termEntry/langSet/tig|ntig) and the TBX v3 shape (tbx/conceptEntry/langSec/
// termSec). Parsing is a streaming SAX pass (saxes) into a small element tree with line
// numbers; DTDs are never fetched and no entity beyond the XML predefined ones is expanded.
// Mapping: entry status = administrativeStatus of the zh term; en preferred → en, admitted →
// variants, deprecated/superseded → forbidden; options as termNotes x-caseSensitive and
// x-matchMode on the preferred English term.
import { SaxesParser } from 'saxes';
import type { MatchMode, TermEntry, TermStatus } from '../model.ts';
import { entryProblems, slugId } from '../model.ts';
import type { FormatProblem } from './format-error.ts';
import { FormatError } from './format-error.ts';
import { assignIds, parseBool, parseMatchMode, parseStatus } from './shared.ts';

interface El {
  name: string;
  attrs: Record<string, string>;
  children: El[];
  text: string;
  line: number;
}

function parseXml(text: string): El {
  const parser = new SaxesParser({ position: true });
  const root: El = { name: '#document', attrs: {}, children: [], text: '', line: 1 };
  const stack: El[] = [root];
  let failure: FormatProblem | null = null;
  parser.on('error', (err) => {
    if (!failure) failure = { line: parser.line, message: `malformed XML: ${err.message.replace(/^[^:]*:\d+:\d+: /, '').replace(/^\d+:\d+: /, '')}` };
    throw err;
  });
  parser.on('opentag', (tag) => {
    const el: El = { name: tag.name, attrs: {}, children: [], text: '', line: parser.line };
    for (const [k, v] of Object.entries(tag.attributes)) el.attrs[k] = typeof v === 'string' ? v : v.value;
    stack[stack.length - 1].children.push(el);
    stack.push(el);
  });
  parser.on('closetag', () => void stack.pop());
  parser.on('text', (t) => void (stack[stack.length - 1].text += t));
  parser.on('cdata', (t) => void (stack[stack.length - 1].text += t));
  try {
    parser.write(text).close();
  } catch (err) {
    throw new FormatError('tbx', [failure ?? { line: parser.line, message: `malformed XML: ${(err as Error).message}` }]);
  }
  return root;
}

const kids = (el: El, ...names: string[]) => el.children.filter((c) => names.includes(c.name));
const kid = (el: El, ...names: string[]) => el.children.find((c) => names.includes(c.name));
const typed = (el: El, name: string, type: string) => el.children.filter((c) => c.name === name && c.attrs.type === type);
/** All text inside an element, including inline markup (hi, ph …). */
function textOf(el: El): string {
  return el.text + el.children.map(textOf).join('');
}

function langOf(el: El): 'zh' | 'en' | null {
  const lang = (el.attrs['xml:lang'] ?? el.attrs.lang ?? '').toLowerCase();
  if (/^zh(-(cn|hans|sg|hans-cn))?$/.test(lang)) return 'zh';
  if (/^en(-[a-z]{2,})?$/.test(lang)) return 'en';
  return null;
}

interface Tig {
  term: string;
  status: TermStatus;
  superseded: boolean;
  notes: El[];
  line: number;
}

function readTigs(langSet: El, problems: FormatProblem[]): Tig[] {
  const out: Tig[] = [];
  for (const tig of kids(langSet, 'tig', 'ntig', 'termSec')) {
    const holder = tig.name === 'ntig' ? (kid(tig, 'termGrp') ?? tig) : tig;
    const termEl = kid(holder, 'term');
    const notes = kids(holder, 'termNote');
    const statusEl = notes.find((n) => n.attrs.type === 'administrativeStatus');
    const parsed = statusEl ? parseStatus(textOf(statusEl)) : { status: 'preferred' as const, superseded: false };
    if (!parsed) {
      problems.push({ line: statusEl!.line, field: 'status', message: `administrativeStatus '${textOf(statusEl!).trim()}' is not preferredTerm-admn-sts, admittedTerm-admn-sts, deprecatedTerm-admn-sts or supersededTerm-admn-sts` });
    }
    // A term with a bad status still counts as present, so the entry is not also reported as missing it.
    const { status, superseded } = parsed ?? { status: 'preferred' as const, superseded: false };
    out.push({ term: termEl ? textOf(termEl).trim() : '', status, superseded, notes, line: tig.line });
  }
  return out;
}

export function parse(text: string): TermEntry[] {
  const doc = parseXml(text.replace(/^\uFEFF/, ''));
  const root = doc.children[0];
  if (!root || (root.name !== 'martif' && root.name !== 'tbx')) {
    throw new FormatError('tbx', [{ line: root?.line ?? 1, message: `the root element is <${root?.name ?? 'nothing'}>, expected <martif> (TBX-Basic) or <tbx> (TBX v3)` }]);
  }
  const body = kid(kid(root, 'text') ?? root, 'body');
  if (!body) throw new FormatError('tbx', [{ line: root.line, message: 'no <text><body> element holding the term entries' }]);

  const problems: FormatProblem[] = [];
  const entries: TermEntry[] = [];
  const explicit: boolean[] = [];
  const idLines = new Map<string, number>();
  for (const te of kids(body, 'termEntry', 'conceptEntry')) {
    const before = problems.length;
    const id = (te.attrs.id ?? te.attrs['xml:id'] ?? '').trim();
    if (id) {
      const first = idLines.get(id);
      if (first !== undefined) problems.push({ line: te.line, field: 'id', message: `duplicate entry id '${id}' (first used on line ${first})` });
      else idLines.set(id, te.line);
    }
    let zh: Tig | undefined;
    const en: Tig[] = [];
    for (const ls of kids(te, 'langSet', 'langSec')) {
      const lang = langOf(ls);
      if (!lang) continue;
      const tigs = readTigs(ls, problems).filter((t) => t.term);
      if (lang === 'zh') zh ??= tigs.find((t) => t.status === 'preferred') ?? tigs[0];
      else en.push(...tigs);
    }
    const preferred = en.filter((t) => t.status === 'preferred');
    const admitted = en.filter((t) => t.status === 'admitted');
    const main = preferred[0] ?? admitted[0];
    if (!zh) problems.push({ line: te.line, field: 'zh', message: 'the entry has no Chinese (zh) term' });
    if (!main) problems.push({ line: te.line, field: 'en', message: 'the entry has no preferred English (en) term' });
    let caseSensitive = false;
    let match: MatchMode = 'inflected';
    for (const n of main?.notes ?? []) {
      if (n.attrs.type === 'x-caseSensitive') {
        const v = parseBool(textOf(n));
        if (v === null) problems.push({ line: n.line, field: 'caseSensitive', message: `x-caseSensitive '${textOf(n).trim()}' is not yes or no` });
        else caseSensitive = v;
      } else if (n.attrs.type === 'x-matchMode') {
        const v = parseMatchMode(textOf(n));
        if (v === null) problems.push({ line: n.line, field: 'match', message: `x-matchMode '${textOf(n).trim()}' is not exact, inflected or prefix` });
        else match = v;
      }
    }
    if (problems.length > before || !zh || !main) continue;
    const entry: TermEntry = {
      id: id || slugId(main.term),
      zh: zh.term,
      en: main.term,
      variants: [...preferred.slice(1), ...admitted].filter((t) => t !== main).map((t) => t.term),
      forbidden: en.filter((t) => t.status === 'deprecated').map((t) => t.term),
      note: kids(te, 'note').map((n) => textOf(n).trim()).filter(Boolean).join('\n'),
      source: [...typed(te, 'admin', 'source'), ...typed(te, 'descrip', 'source')].map((n) => textOf(n).trim()).filter(Boolean).join('; '),
      status: zh.status,
      caseSensitive,
      match,
    };
    const subject = typed(te, 'descrip', 'subjectField').map((n) => textOf(n).trim()).filter(Boolean).join('; ');
    if (subject) entry.subject = subject;
    for (const p of entryProblems(entry)) problems.push({ line: te.line, field: p.field, message: p.message });
    entries.push(entry);
    explicit.push(!!id);
  }
  if (problems.length) throw new FormatError('tbx', problems);
  assignIds(entries, explicit);
  return entries;
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const ADMN: Record<TermStatus, string> = {
  preferred: 'preferredTerm-admn-sts',
  admitted: 'admittedTerm-admn-sts',
  deprecated: 'deprecatedTerm-admn-sts',
};

function tig(term: string, status: TermStatus, extra = ''): string {
  return `        <tig><term>${esc(term)}</term><termNote type="administrativeStatus">${ADMN[status]}</termNote>${extra}</tig>`;
}

export function serialize(entries: TermEntry[], description = 'Bitext Workbench glossary (zh-CN → en)'): string {
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<martif type="TBX-Basic" xml:lang="en">',
    `  <martifHeader><fileDesc><sourceDesc><p>${esc(description)}</p></sourceDesc></fileDesc><encodingDesc><p type="XCSURI">TBXBasicXCSV02.xcs</p></encodingDesc></martifHeader>`,
    '  <text><body>',
  ];
  for (const e of entries) {
    out.push(`    <termEntry id="${esc(e.id)}">`);
    if (e.subject) out.push(`      <descrip type="subjectField">${esc(e.subject)}</descrip>`);
    if (e.note) out.push(`      <note>${esc(e.note)}</note>`);
    if (e.source) out.push(`      <admin type="source">${esc(e.source)}</admin>`);
    out.push('      <langSet xml:lang="zh-CN">', tig(e.zh, e.status), '      </langSet>');
    let options = '';
    if (e.caseSensitive) options += '<termNote type="x-caseSensitive">yes</termNote>';
    if (e.match !== 'inflected') options += `<termNote type="x-matchMode">${e.match}</termNote>`;
    out.push('      <langSet xml:lang="en">', tig(e.en, 'preferred', options));
    for (const v of e.variants) out.push(tig(v, 'admitted'));
    for (const f of e.forbidden) out.push(tig(f, 'deprecated'));
    out.push('      </langSet>', '    </termEntry>');
  }
  out.push('  </body></text>', '</martif>', '');
  return out.join('\n');
}
