// Reading a .pptx back the way an Office program does: unzip, parse every XML part, follow every
// relationship. `packageProblems` lists what would make PowerPoint offer a repair; [] for a sound package.
import { DOMParser, type Document, type Element } from '@xmldom/xmldom';
import { unzipSync } from 'fflate';
import { posix } from 'node:path';

export interface PptxPackage {
  files: Map<string, Uint8Array>;
  /** Every .xml and .rels part, parsed. */
  xml: Map<string, Document>;
}

export function readPptx(bytes: Uint8Array): PptxPackage {
  const files = new Map(Object.entries(unzipSync(bytes)));
  const xml = new Map<string, Document>();
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for (const [name, data] of files) {
    if (!/\.(xml|rels)$/.test(name)) continue;
    const parser = new DOMParser({
      onError: (level, message) => {
        if (level !== 'warning') throw new Error(`${name}: ${message}`);
      },
    });
    xml.set(name, parser.parseFromString(decoder.decode(data), 'text/xml'));
  }
  return { files, xml };
}

export function elements(doc: Document | Element, tag: string): Element[] {
  return Array.from(doc.getElementsByTagName(tag));
}

/** The relationships of a part: id → target path inside the package. */
export function relationships(pkg: PptxPackage, part: string): Map<string, { type: string; target: string }> {
  const relsPath = posix.join(posix.dirname(part), '_rels', `${posix.basename(part)}.rels`);
  const doc = pkg.xml.get(relsPath);
  const rels = new Map<string, { type: string; target: string }>();
  if (!doc) return rels;
  for (const rel of elements(doc, 'Relationship')) {
    const target = posix.normalize(posix.join(posix.dirname(part), rel.getAttribute('Target') ?? ''));
    rels.set(rel.getAttribute('Id') ?? '', { type: rel.getAttribute('Type') ?? '', target });
  }
  return rels;
}

/** Slide parts in presentation order. */
export function slideParts(pkg: PptxPackage): string[] {
  const presentation = pkg.xml.get('ppt/presentation.xml');
  if (!presentation) return [];
  const rels = relationships(pkg, 'ppt/presentation.xml');
  return elements(presentation, 'p:sldId').map((id) => rels.get(id.getAttribute('r:id') ?? '')?.target ?? '?');
}

export function packageProblems(pkg: PptxPackage): string[] {
  const problems: string[] = [];
  const types = pkg.xml.get('[Content_Types].xml');
  if (!types) return ['no [Content_Types].xml'];
  const defaults = new Set(elements(types, 'Default').map((d) => (d.getAttribute('Extension') ?? '').toLowerCase()));
  const typeOf = new Map(elements(types, 'Override').map((o) => [(o.getAttribute('PartName') ?? '').replace(/^\//, ''), o.getAttribute('ContentType') ?? '']));
  const overrides = new Set(typeOf.keys());
  // Office reads a part by its own content type: "application/xml" (the xml default) is no slide.
  for (const name of pkg.files.keys()) if (name.endsWith('.xml') && name !== '[Content_Types].xml' && !overrides.has(name)) problems.push(`no content type of its own: ${name}`);
  for (const part of overrides) if (!pkg.files.has(part)) problems.push(`content type for a missing part: ${part}`);
  for (const name of pkg.files.keys()) {
    if (name === '[Content_Types].xml') continue;
    const ext = name.split('.').pop()!.toLowerCase();
    if (!overrides.has(name) && !defaults.has(ext)) problems.push(`no content type: ${name}`);
  }
  if (!pkg.files.has('_rels/.rels')) problems.push('no _rels/.rels');
  const reached = new Set<string>();
  const relParts = [...pkg.files.keys()].filter((name) => name.endsWith('.rels'));
  for (const relsPath of relParts) {
    const owner = relsPath === '_rels/.rels' ? '' : posix.join(posix.dirname(posix.dirname(relsPath)), posix.basename(relsPath, '.rels'));
    if (owner !== '' && !pkg.files.has(owner)) problems.push(`relationships of a missing part: ${relsPath}`);
    const base = owner === '' ? '' : posix.dirname(owner);
    for (const rel of elements(pkg.xml.get(relsPath)!, 'Relationship')) {
      if (rel.getAttribute('TargetMode') === 'External') continue;
      const target = posix.normalize(posix.join(base, rel.getAttribute('Target') ?? ''));
      if (!pkg.files.has(target)) problems.push(`${relsPath}: target missing: ${target}`);
      const kind = (rel.getAttribute('Type') ?? '').split('/').pop() ?? '';
      const typed = ['slide', 'notesSlide', 'slideLayout', 'slideMaster', 'notesMaster', 'theme'].includes(kind);
      if (typed && !(typeOf.get(target) ?? '').endsWith(`.${kind}+xml`)) problems.push(`${target}: content type ${typeOf.get(target)} for a ${kind}`);
      reached.add(target);
    }
    // Every r:id used in the owner part must be one of its relationships.
    const ids = new Set(elements(pkg.xml.get(relsPath)!, 'Relationship').map((rel) => rel.getAttribute('Id')));
    const ownerXml = owner === '' ? undefined : pkg.xml.get(owner);
    if (ownerXml) {
      const text = new TextDecoder().decode(pkg.files.get(owner));
      for (const match of text.matchAll(/r:(?:id|embed)="([^"]+)"/g)) if (!ids.has(match[1]!)) problems.push(`${owner}: unknown relationship ${match[1]}`);
    }
  }
  for (const name of pkg.files.keys()) {
    if (name === '[Content_Types].xml' || name.endsWith('.rels')) continue;
    if (!reached.has(name)) problems.push(`part no relationship reaches: ${name}`);
  }
  const slides = slideParts(pkg);
  if (slides.length === 0) problems.push('no slides');
  for (const slide of slides) {
    const notes = [...relationships(pkg, slide).values()].filter((rel) => rel.type.endsWith('/notesSlide'));
    if (notes.length !== 1) problems.push(`${slide}: ${notes.length} notes slides`);
    for (const rel of notes) {
      const back = [...relationships(pkg, rel.target).values()].find((r) => r.type.endsWith('/slide'));
      if (back?.target !== slide) problems.push(`${rel.target} does not point back to ${slide}`);
    }
  }
  return problems;
}

/** Plain text of each paragraph (a:p) in a part. */
export function paragraphTexts(doc: Document): string[] {
  return elements(doc, 'a:p').map((p) => elements(p, 'a:t').map((t) => t.textContent ?? '').join(''));
}

export interface TextBoxGeometry {
  name: string;
  text: string;
  /** EMU. */
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * Where text is on a slide part: the text boxes (txBox="1"), and the shapes that hold text (a card with its
 * words), each as the area its text may use: the shape less its insets (bodyPr lIns…, 0.1 in by default).
 */
export function textBoxes(doc: Document): TextBoxGeometry[] {
  return elements(doc, 'p:sp')
    .filter((sp) => elements(sp, 'p:cNvSpPr')[0]?.getAttribute('txBox') === '1' || elements(sp, 'a:t').some((t) => (t.textContent ?? '').trim() !== ''))
    .map((sp) => {
      const off = elements(sp, 'a:off')[0]!;
      const ext = elements(sp, 'a:ext')[0]!;
      const body = elements(sp, 'a:bodyPr')[0];
      const inset = (name: string, fallback: number): number => Number(body?.getAttribute(name) ?? fallback);
      const [left, top, right, bottom] = [inset('lIns', 91440), inset('tIns', 45720), inset('rIns', 91440), inset('bIns', 45720)];
      return {
        name: elements(sp, 'p:cNvPr')[0]?.getAttribute('name') ?? '',
        text: elements(sp, 'a:t').map((t) => t.textContent ?? '').join(''),
        x: Number(off.getAttribute('x')) + left,
        y: Number(off.getAttribute('y')) + top,
        w: Number(ext.getAttribute('cx')) - left - right,
        h: Number(ext.getAttribute('cy')) - top - bottom,
      };
    });
}

/** The shape (p:sp) whose text includes `text`, or undefined. */
export function shapeWithText(doc: Document, text: string): Element | undefined {
  return elements(doc, 'p:sp').find((sp) => elements(sp, 'a:t').map((t) => t.textContent ?? '').join('').includes(text));
}
