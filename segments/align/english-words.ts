// English word normalisation shared by the lexicon compiler and the aligner: a light suffix-stripping
// stemmer (a much reduced Porter 1980 step 1 plus -ly/-ness/-ment) and a stop list. The dictionary
// glosses and the draft go through the same function, so only consistency matters, not linguistic
// accuracy: "developing", "developed" and "develops" must all meet "develop".

/** Bump when stem() or the stop list changes: compiled lexicons carry it and are rebuilt on mismatch. */
export const STEMMER_VERSION = 4;

const STOP = new Set(
  (
    'a an the of to in on at by for from with as into onto upon about than then and or nor but if so ' +
    'is are was were be been being am do does did done have has had having it its it\'s this that these those ' +
    'he him his she her hers they them their we us our you your i me my mine who whom whose which what ' +
    'there here all any some such very just also too only own same other s t can could would should will shall may might must ' +
    'sb sth sb\'s sth\'s one\'s oneself etc e g i e esp lit fig abbr cl old variant see used usu ' +
    'classifier archaic literary dialect coll slang tw erhua kangxi radical surname pr'
  ).split(/\s+/),
);

export function isStopword(word: string): boolean {
  return STOP.has(word);
}

// Irregular forms a suffix stripper cannot reach; literary drafts are full of them ("said", "thought").
const IRREGULAR: Record<string, string> = Object.fromEntries(
  (
    'said:say says:say told:tell thought:think saw:see seen:see went:go gone:go goes:go came:come took:take taken:take ' +
    'gave:give given:give got:get gotten:get knew:know known:know made:make found:find left:leave felt:feel heard:hear ' +
    'stood:stand sat:sit ran:run ate:eat eaten:eat wrote:write written:write spoke:speak spoken:speak bought:buy ' +
    'brought:bring fought:fight caught:catch taught:teach sought:seek began:begin begun:begin broke:break broken:break ' +
    'chose:choose chosen:choose drank:drink drunk:drink drove:drive driven:drive fell:fall fallen:fall flew:fly flown:fly ' +
    'forgot:forget forgotten:forget grew:grow grown:grow held:hold kept:keep lost:lose met:meet paid:pay rode:ride ' +
    'rose:rise risen:rise sold:sell sent:send shook:shake sang:sing sung:sing slept:sleep spent:spend stole:steal ' +
    'stolen:steal swam:swim threw:throw thrown:throw wore:wear worn:wear won:win understood:understand laid:lay ' +
    'hid:hide hidden:hide fed:feed led:lead struck:strike bore:bear born:bear beaten:beat became:become built:build ' +
    'meant:mean woke:wake woken:wake lit:light dug:dig hung:hang shot:shoot shut:shut spat:spit split:split bent:bend ' +
    'lent:lend bled:bleed fled:flee swore:swear sworn:swear tore:tear torn:tear froze:freeze frozen:freeze ' +
    'forgave:forgive forgiven:forgive rang:ring rung:ring sank:sink sunk:sink blew:blow blown:blow drew:draw drawn:draw ' +
    'men:man women:woman children:child feet:foot teeth:tooth mice:mouse geese:goose people:person ' +
    'better:good best:good worse:bad worst:bad'
  )
    .split(' ')
    .map((pair) => pair.split(':') as [string, string]),
);

const VOWEL = /[aeiouy]/;

/** Lower-cased stem of an English word. */
export function stem(word: string): string {
  let w = word.toLowerCase();
  if (w.endsWith("'s")) w = w.slice(0, -2);
  w = IRREGULAR[w] ?? w;
  if (w.length <= 3) return w;
  if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('ies') && w.length > 4) w = w.slice(0, -3) + 'y';
  else if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) w = w.slice(0, -1);
  for (const suffix of ['ingly', 'edly', 'ing', 'ed']) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 3 && VOWEL.test(w.slice(0, -suffix.length))) {
      w = w.slice(0, -suffix.length);
      // "planned" → "plann" → "plan", but keep "ll"/"ss"/"zz" ("called" → "call").
      const n = w.length;
      if (n > 2 && w[n - 1] === w[n - 2] && !'lsz'.includes(w[n - 1])) w = w.slice(0, -1);
      break;
    }
  }
  for (const suffix of ['ness', 'ment', 'ly']) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 4) {
      w = w.slice(0, -suffix.length);
      break;
    }
  }
  if (w.endsWith('y') && w.length > 3) w = w.slice(0, -1) + 'i';
  if (w.endsWith('e') && w.length > 3) w = w.slice(0, -1);
  return w;
}

const WORD = /[A-Za-z]+(?:'[A-Za-z]+)?/g;

/** Keys of one English word: its stem unless a stop word, and "not" for a negative contraction. */
export function wordKeys(word: string, out: string[]): void {
  let lower = word.toLowerCase().replace(/’/g, "'");
  if (lower.endsWith("n't")) {
    out.push('not');
    lower = lower === "can't" ? 'can' : lower === "won't" ? 'will' : lower.slice(0, -3);
  } else {
    // "she'd", "I'll", "we're": the clitic is a function word.
    lower = lower.replace(/'(d|ll|re|ve|m)$/, '');
  }
  if (STOP.has(lower)) return;
  const s = stem(lower);
  if (s.length > 0 && !STOP.has(s)) out.push(s);
}

/** Content-word stems of a dictionary gloss or an English sentence (stop words dropped). */
export function contentStems(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(WORD)) wordKeys(m[0], out);
  return out;
}
