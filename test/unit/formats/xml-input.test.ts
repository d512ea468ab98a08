import { describe, expect, it } from 'vitest';
import { BareAmpersandGuard } from '../../../server/formats/xml-input.ts';

/** Runs the guard over the text cut into pieces of `size` characters. */
function scan(text: string, size: number): number | undefined {
  const guard = new BareAmpersandGuard();
  for (let i = 0; i < text.length; i += size) {
    const hit = guard.scan(text.slice(i, i + size));
    if (hit) return hit.line;
  }
  return guard.scan('', true)?.line;
}

describe('the bare-ampersand guard', () => {
  it.each([
    ['well-formed references', '<seg>A &amp; B &lt;&#x4E0A;&#28023;&quot;</seg>', undefined],
    ['an "&" in a comment', '<!-- R&D\n & more -->\n<seg>x</seg>', undefined],
    ['an "&" in a CDATA section', '<seg><![CDATA[研发 & 创新\n]]></seg>', undefined],
    ['an "&" in a processing instruction', '<?pi a & b?>\n<seg/>', undefined],
    ['a bare "&" on line 3', '<tu>\n<seg>上海</seg>\n<seg>R & D</seg>\n</tu>', 3],
    ['a reference without ";" on line 2', '<tu>\n<seg>&amp 研发</seg>;\n</tu>', 2],
    ['a bare "&" after a comment', '<!-- & -->\n\n<seg>&</seg>', 3],
  ])('finds %s at the right line, however the text is cut', (_name, text, line) => {
    for (const size of [1, 2, 3, 7, 1000]) expect(scan(text, size)).toBe(line);
  });
});
