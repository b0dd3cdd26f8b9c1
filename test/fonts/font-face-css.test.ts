import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fontFaceCss } from '../../src/fonts/font-face-css.ts';
import type { DeckFontFace } from '../../src/fonts/subset.ts';

const FACES: DeckFontFace[] = [
  { family: 'Dangke Sans', weight: 400, style: 'normal', file: 'sans-400-0123456789.woff2' },
  { family: 'Dangke Serif', weight: 700, style: 'normal', file: 'serif-700-abcdef0123.woff2' },
];

test('fontFaceCss: one rule per face, font-display block, woff2 relative to the style sheet', () => {
  const css = fontFaceCss(FACES);
  assert.equal(css.match(/@font-face \{/g)?.length, 2);
  assert.match(
    css,
    /@font-face \{\n {2}font-family: "Dangke Sans";\n {2}font-style: normal;\n {2}font-weight: 400;\n {2}font-display: block;\n {2}src: url\("fonts\/sans-400-0123456789\.woff2"\) format\("woff2"\);\n\}/,
  );
  assert.match(css, /font-family: "Dangke Serif";\n {2}font-style: normal;\n {2}font-weight: 700;/);
  assert.equal(css.match(/font-display: block;/g)?.length, 2);
});

test('fontFaceCss: names the licence, loads nothing remote', () => {
  const css = fontFaceCss(FACES, { baseUrl: 'f/', licenseFiles: ['OFL-noto-sans-sc.txt'] });
  assert.match(css, /SIL Open Font License 1\.1; see f\/OFL-noto-sans-sc\.txt\./);
  assert.match(css, /url\("f\/sans-400/);
  assert.doesNotMatch(css, /https?:|@import/);
});

test('fontFaceCss: a hostile family or file name cannot break out of its string or url()', () => {
  const css = fontFaceCss([{ family: 'a"b\\c', weight: 400, style: 'normal', file: 'x") ; y.woff2' }]);
  assert.match(css, /font-family: "a\\"b\\\\c";/);
  assert.match(css, /url\("fonts\/x%22\)%20%3B%20y\.woff2"\)/);
});

test('fontFaceCss: no faces, only the header', () => {
  assert.doesNotMatch(fontFaceCss([]), /@font-face/);
});
