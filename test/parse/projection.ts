// Test helpers for the parser: a stable projection of an Article for fixture files, and the invariants
// every parse result must satisfy whatever the input.

import assert from 'node:assert/strict';
import type { Article, Paragraph, Section } from '../../src/article/model.ts';
import { bodyParagraphs } from '../../src/article/model.ts';

export interface SectionProjection {
  /** Present (true) only for sections the parser made up in a text without headings. */
  generated?: true;
  level: number;
  heading: string;
  paragraphs: number;
  /** Sentences over all the section's own paragraphs: pins the sentence splitter without quoting it all. */
  sentences: number;
  firstSentence: string;
}

/** What a fixture pins down. Full paragraph texts would make every fixture brittle; counts and first
 * sentences show where the boundaries fell, which is what the parser decides. */
export interface ArticleProjection {
  title: string;
  subtitle: string;
  column: string;
  credits: string[];
  /** Present only when the article ends with a sign-off. */
  signoff?: string[];
  lead: { paragraphs: number; sentences: number; firstSentence: string };
  /** Sections depth-first; the level shows the nesting. */
  sections: SectionProjection[];
  captions: string[];
}

export function project(article: Article): ArticleProjection {
  const sections: SectionProjection[] = [];
  const visit = (list: Section[]): void => {
    for (const section of list) {
      sections.push({
        ...(section.generated === true ? { generated: true as const } : {}),
        level: section.level,
        heading: section.heading,
        paragraphs: section.paragraphs.length,
        sentences: sentenceCount(section.paragraphs),
        firstSentence: firstSentence(section.paragraphs),
      });
      visit(section.sections);
    }
  };
  visit(article.sections);
  return {
    title: article.title,
    subtitle: article.subtitle,
    column: article.column,
    credits: article.credits,
    ...(article.signoff !== undefined ? { signoff: article.signoff } : {}),
    lead: { paragraphs: article.lead.length, sentences: sentenceCount(article.lead), firstSentence: firstSentence(article.lead) },
    sections,
    captions: article.captions.map((caption) => caption.text),
  };
}

function sentenceCount(paragraphs: Paragraph[]): number {
  return paragraphs.reduce((sum, paragraph) => sum + paragraph.sentences.length, 0);
}

function firstSentence(paragraphs: Paragraph[]): string {
  return paragraphs[0]?.sentences[0]?.text ?? '';
}

/** Headings and body paragraphs in document order: the text a speaker would read. Generated headings are
 * not in the input (they repeat words of the paragraph under them), so they are left out. */
export function bodyStream(article: Article): string[] {
  const out: string[] = article.lead.map((paragraph) => paragraph.text);
  const visit = (list: Section[]): void => {
    for (const section of list) {
      if (section.generated !== true) out.push(section.heading);
      out.push(...section.paragraphs.map((paragraph) => paragraph.text));
      visit(section.sections);
    }
  };
  visit(article.sections);
  return out;
}

export const noWhitespace = (text: string): string => text.replace(/\s+/g, '');

/** Ids, kinds, sentences and section levels are consistent. */
export function assertWellFormed(article: Article): void {
  const body = bodyParagraphs(article);
  body.forEach((paragraph, index) => {
    assert.equal(paragraph.id, `p${index + 1}`);
    assert.equal(paragraph.kind, 'body');
  });
  article.captions.forEach((caption, index) => {
    assert.equal(caption.id, `c${index + 1}`);
    assert.equal(caption.kind, 'caption');
  });
  for (const paragraph of [...body, ...article.captions]) {
    assert.notEqual(paragraph.text.trim(), '', `${paragraph.id} is empty`);
    assert.equal(paragraph.text, paragraph.text.trim(), `${paragraph.id} is not trimmed`);
    assert.equal(noWhitespace(paragraph.sentences.map((sentence) => sentence.text).join('')), noWhitespace(paragraph.text));
    paragraph.sentences.forEach((sentence, index) => {
      assert.equal(sentence.id, `${paragraph.id}.s${index + 1}`);
      assert.notEqual(sentence.text, '');
    });
  }
  const visit = (list: Section[], parentLevel: number): void => {
    for (const section of list) {
      assert.ok(section.level > parentLevel, `section "${section.heading}" is not deeper than its parent`);
      assert.notEqual(section.heading.trim(), '');
      visit(section.sections, section.level);
    }
  };
  visit(article.sections, 1);
  // JSON round trip: `parse --json` prints the Article as it is.
  assert.deepEqual(JSON.parse(JSON.stringify(article)), article);
}
