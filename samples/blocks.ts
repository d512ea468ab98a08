// The hand-made bilingual "blocks" format in which the sample's draft and its gold alignment are
// written: each block is one alignment bead, `= ` lines are Chinese segments, `> ` lines the English
// sentences translating them, `-` ends a block, `¶` ends a block and an English paragraph, `#` is a
// comment. From it come draft.en.txt (the English draft as a translator delivers it) and gold.align
// (the bead of every block, in the `[zh ids]:[en ids]` format of MAC's gold files).

export interface Block {
  zh: string[];
  en: string[];
  /** The English paragraph ends after this block. */
  paragraphEnd: boolean;
  line: number;
}

export function parseBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let current: Block | undefined;
  const close = (paragraphEnd: boolean) => {
    if (current) {
      current.paragraphEnd ||= paragraphEnd;
      blocks.push(current);
      current = undefined;
    } else if (paragraphEnd && blocks.length > 0) {
      blocks[blocks.length - 1].paragraphEnd = true;
    }
  };
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trimEnd();
    if (line === '' || line.startsWith('#')) return;
    if (line === '-' || line === '¶') return close(line === '¶');
    const kind = line.slice(0, 2);
    if (kind !== '= ' && kind !== '> ') throw new Error(`line ${i + 1}: expected '= ', '> ', '-' or '¶', got ${JSON.stringify(line.slice(0, 20))}`);
    current ??= { zh: [], en: [], paragraphEnd: false, line: i + 1 };
    if (kind === '= ') {
      if (current.en.length > 0) throw new Error(`line ${i + 1}: a Chinese line after English lines in the block that starts on line ${current.line}`);
      current.zh.push(line.slice(2).trim());
    } else {
      current.en.push(line.slice(2).trim());
    }
  });
  close(true);
  return blocks;
}

/** The English draft: paragraphs separated by a blank line, sentences of a paragraph by a space. */
export function draftFromBlocks(blocks: Block[]): string {
  const paragraphs: string[] = [];
  let sentences: string[] = [];
  for (const block of blocks) {
    sentences.push(...block.en);
    if (block.paragraphEnd && sentences.length > 0) {
      paragraphs.push(sentences.join(' '));
      sentences = [];
    }
  }
  if (sentences.length > 0) paragraphs.push(sentences.join(' '));
  return paragraphs.join('\n\n') + '\n';
}

/** One bead per block, `[zh ids]:[en ids]`, ids 0-based over the whole document. */
export function goldFromBlocks(blocks: Block[]): string {
  let zh = 0;
  let en = 0;
  const lines = blocks.map((block) => {
    const zhIds = block.zh.map(() => zh++);
    const enIds = block.en.map(() => en++);
    return `[${zhIds.join(',')}]:[${enIds.join(',')}]`;
  });
  return lines.join('\n') + '\n';
}
