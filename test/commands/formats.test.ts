// `--formats`, `--images` and `--no-pdf` turned into the set of outputs a build writes.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chooseFormats, DEFAULT_FORMATS, needsBrowser, OUTPUT_FORMATS, parseFormats } from '../../src/commands/formats.ts';
import { ExitCode, UserError } from '../../src/errors.ts';

const sorted = (set: ReadonlySet<string>): string[] => [...set].sort();

describe('output formats', () => {
  it('writes html, pdf, pptx and docx by default; pictures only when asked', () => {
    assert.deepEqual(sorted(chooseFormats({})), ['docx', 'html', 'pdf', 'pptx']);
    assert.deepEqual(sorted(chooseFormats({ images: true })), ['docx', 'html', 'images', 'pdf', 'pptx']);
    assert.deepEqual(sorted(DEFAULT_FORMATS), ['docx', 'html', 'pdf', 'pptx']);
  });

  it('reads a list as people type it: commas of either width, spaces, any case', () => {
    assert.deepEqual(sorted(parseFormats('html,PDF')), ['html', 'pdf']);
    assert.deepEqual(sorted(parseFormats('docx，images、 pptx')), ['docx', 'images', 'pptx']);
    assert.deepEqual(sorted(parseFormats(OUTPUT_FORMATS.join(','))), [...OUTPUT_FORMATS].sort());
  });

  it('--formats replaces the default; --images adds to it', () => {
    assert.deepEqual(sorted(chooseFormats({ formats: 'docx' })), ['docx']);
    assert.deepEqual(sorted(chooseFormats({ formats: 'docx', images: true })), ['docx', 'images']);
  });

  it('--no-pdf keeps everything that needs no browser', () => {
    const formats = chooseFormats({ noPdf: true });
    assert.deepEqual(sorted(formats), ['docx', 'html']);
    assert.equal(needsBrowser(formats), false);
    assert.deepEqual(sorted(chooseFormats({ noPdf: true, images: true, formats: 'pdf,docx,images' })), ['docx']);
    assert.equal(needsBrowser(chooseFormats({ formats: 'images' })), true);
  });

  it('an unknown or empty format is a usage error listing the formats there are', () => {
    for (const text of ['html,word', 'ppt', '', ' , ']) {
      assert.throws(
        () => parseFormats(text),
        (error: unknown) => {
          assert.ok(error instanceof UserError);
          assert.equal(error.exitCode, ExitCode.usage);
          assert.match(error.message, /html、pdf、pptx、docx、images/);
          return true;
        },
        text,
      );
    }
    assert.throws(() => parseFormats('html,word'), /未知的格式：word/);
  });
});
