// The whole .pptx package from the measured deck, the notes and the document properties. Pure: bytes in
// (pictures read by the caller), bytes out. Every part is listed in [Content_Types].xml and reached by a
// relationship, every slide has its notes page: what PowerPoint checks before it offers a repair.
import { zipSync, type Zippable } from 'fflate';
import { arrangeTexts } from './arrange.ts';
import {
  appPropsXml,
  corePropsXml,
  NOTES_SIZE,
  notesMasterXml,
  notesSlideXml,
  presPropsXml,
  slideLayoutXml,
  slideMasterXml,
  tableStylesXml,
  themeXml,
  viewPropsXml,
  type DocumentProperties,
  type ThemeColors,
} from './parts.ts';
import { elementGradient } from './css-background.ts';
import { placeItems } from './item-shapes.ts';
import { placeTextInShapes, textArea } from './shape-text.ts';
import type { Box, MeasuredDeck } from './slide-model.ts';
import { slideXml } from './slide-xml.ts';
import { esc, PML_NS, REL, relsXml, XML_HEAD, type Relationship } from './xml.ts';

/** EMU per slide px: the deck's 1280 px canvas is PowerPoint's 13.333 in widescreen slide. */
export const EMU_PER_PX = 9525;

export interface PptxInput {
  deck: MeasuredDeck;
  /** Per slide: its speaker notes as paragraphs of plain text. */
  notes: readonly (readonly string[])[];
  properties: DocumentProperties;
  colors: ThemeColors;
  /** Picture bytes by the URL the page loaded them from; absent when the file could not be read. */
  images: ReadonlyMap<string, Uint8Array>;
}

export interface PptxOutput {
  bytes: Uint8Array;
  /** Pictures drawn as a placeholder: slide index and what the Markdown asked for. */
  placeholders: { slide: number; src: string; reason: 'missing' | 'format' }[];
}

type ImageType = { ext: 'png' | 'jpeg' | 'gif'; contentType: string };

/** By the file's first bytes, not its name. */
export function imageType(bytes: Uint8Array): ImageType | undefined {
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return { ext: 'png', contentType: 'image/png' };
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return { ext: 'jpeg', contentType: 'image/jpeg' };
  if (bytes[0] === 0x47 && bytes[1] === 0x49 && bytes[2] === 0x46) return { ext: 'gif', contentType: 'image/gif' };
  return undefined;
}

const CT = {
  presentation: 'application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml',
  slide: 'application/vnd.openxmlformats-officedocument.presentationml.slide+xml',
  slideMaster: 'application/vnd.openxmlformats-officedocument.presentationml.slideMaster+xml',
  slideLayout: 'application/vnd.openxmlformats-officedocument.presentationml.slideLayout+xml',
  notesMaster: 'application/vnd.openxmlformats-officedocument.presentationml.notesMaster+xml',
  notesSlide: 'application/vnd.openxmlformats-officedocument.presentationml.notesSlide+xml',
  theme: 'application/vnd.openxmlformats-officedocument.theme+xml',
  presProps: 'application/vnd.openxmlformats-officedocument.presentationml.presProps+xml',
  viewProps: 'application/vnd.openxmlformats-officedocument.presentationml.viewProps+xml',
  tableStyles: 'application/vnd.openxmlformats-officedocument.presentationml.tableStyles+xml',
  core: 'application/vnd.openxmlformats-package.core-properties+xml',
  app: 'application/vnd.openxmlformats-officedocument.extended-properties+xml',
} as const;

export function writePptx(input: PptxInput): PptxOutput {
  const { deck } = input;
  const encoder = new TextEncoder();
  const files: Zippable = {};
  const overrides: [string, string][] = [];
  const add = (path: string, xml: string, contentType?: string): void => {
    files[path] = [encoder.encode(xml), { level: 1 }];
    if (contentType) overrides.push([`/${path}`, contentType]);
  };
  const placeholders: PptxOutput['placeholders'] = [];

  // Media: each background once, each picture file once, shared by the slides that show them.
  const media = new Map<Uint8Array, string>();
  const mediaTypes = new Map<string, ImageType>();
  const addMedia = (bytes: Uint8Array, type: ImageType): string => {
    const known = media.get(bytes);
    if (known) return known;
    const name = `media/image${media.size + 1}.${type.ext}`;
    media.set(bytes, name);
    mediaTypes.set(type.ext, type);
    files[`ppt/${name}`] = [bytes, { level: 0 }];
    return name;
  };
  const imageBytes = new Map<string, Uint8Array>(input.images);

  const slideWidth = Math.round(deck.width * EMU_PER_PX);
  const slideHeight = Math.round(deck.height * EMU_PER_PX);

  deck.slides.forEach((slide, index) => {
    const number = index + 1;
    const rels: Relationship[] = [
      { id: 'rId1', type: REL.slideLayout, target: '../slideLayouts/slideLayout1.xml' },
      { id: 'rId2', type: REL.notesSlide, target: `../notesSlides/notesSlide${number}.xml` },
    ];
    let background: string | undefined;
    const backgroundBytes = deck.backgrounds[slide.background];
    const backgroundType = backgroundBytes ? imageType(backgroundBytes) : undefined;
    if (backgroundBytes && backgroundType) {
      background = `rId${rels.length + 1}`;
      rels.push({ id: background, type: REL.image, target: `../${addMedia(backgroundBytes, backgroundType)}` });
    }
    const pictures = slide.pictures.map((picture) => {
      const bytes = picture.url ? imageBytes.get(picture.url) : undefined;
      const type = bytes ? imageType(bytes) : undefined;
      if (!bytes || !type) {
        placeholders.push({ slide: index, src: picture.src, reason: bytes ? 'format' : 'missing' });
        return undefined;
      }
      const id = `rId${rels.length + 1}`;
      rels.push({ id, type: REL.image, target: `../${addMedia(bytes, type)}` });
      return id;
    });
    const shapes = slide.shapes.map((shape) => {
      const gradient = shape.css ? elementGradient(shape.css.image, shape.box, shape.css.base) : undefined;
      return gradient ? { ...shape, gradient } : shape;
    });
    const inShapes = placeItems(placeTextInShapes({ shapes, texts: slide.texts }), deck.width, deck.height);
    const shapeTexts = inShapes.shapes.map(textArea).filter((area): area is Box => area !== undefined);
    const texts = arrangeTexts(inShapes, deck.width, deck.height, shapeTexts);
    add(`ppt/slides/slide${number}.xml`, slideXml({ slide: { shapes: inShapes.shapes, pictures: slide.pictures, ...(slide.ornaments ? { ornaments: slide.ornaments } : {}), ...(slide.backgroundGradient ? { backgroundGradient: slide.backgroundGradient } : {}) }, texts, media: { ...(background ? { background } : {}), pictures }, emu: EMU_PER_PX, backgroundColor: slide.backgroundColor ?? input.colors.paper }), CT.slide);
    add(`ppt/slides/_rels/slide${number}.xml.rels`, relsXml(rels));
    add(`ppt/notesSlides/notesSlide${number}.xml`, notesSlideXml(input.notes[index] ?? []), CT.notesSlide);
    add(
      `ppt/notesSlides/_rels/notesSlide${number}.xml.rels`,
      relsXml([
        { id: 'rId1', type: REL.notesMaster, target: '../notesMasters/notesMaster1.xml' },
        { id: 'rId2', type: REL.slide, target: `../slides/slide${number}.xml` },
      ]),
    );
  });

  const slideRelIds = deck.slides.map((_slide, index) => `rId${index + 10}`);
  const sizeType = slideWidth === 9144000 && slideHeight === 6858000 ? ' type="screen4x3"' : '';
  add(
    'ppt/presentation.xml',
    `${XML_HEAD}<p:presentation ${PML_NS} saveSubsetFonts="1">` +
      '<p:sldMasterIdLst><p:sldMasterId id="2147483648" r:id="rId1"/></p:sldMasterIdLst>' +
      '<p:notesMasterIdLst><p:notesMasterId r:id="rId2"/></p:notesMasterIdLst>' +
      `<p:sldIdLst>${slideRelIds.map((id, index) => `<p:sldId id="${256 + index}" r:id="${id}"/>`).join('')}</p:sldIdLst>` +
      `<p:sldSz cx="${slideWidth}" cy="${slideHeight}"${sizeType}/><p:notesSz cx="${NOTES_SIZE.cx}" cy="${NOTES_SIZE.cy}"/>` +
      '<p:defaultTextStyle><a:lvl1pPr><a:defRPr lang="zh-CN"/></a:lvl1pPr></p:defaultTextStyle></p:presentation>',
    CT.presentation,
  );
  add(
    'ppt/_rels/presentation.xml.rels',
    relsXml([
      { id: 'rId1', type: REL.slideMaster, target: 'slideMasters/slideMaster1.xml' },
      { id: 'rId2', type: REL.notesMaster, target: 'notesMasters/notesMaster1.xml' },
      { id: 'rId3', type: REL.theme, target: 'theme/theme1.xml' },
      { id: 'rId4', type: REL.presProps, target: 'presProps.xml' },
      { id: 'rId5', type: REL.viewProps, target: 'viewProps.xml' },
      { id: 'rId6', type: REL.tableStyles, target: 'tableStyles.xml' },
      ...slideRelIds.map((id, index) => ({ id, type: REL.slide, target: `slides/slide${index + 1}.xml` })),
    ]),
  );
  add('ppt/slideMasters/slideMaster1.xml', slideMasterXml(), CT.slideMaster);
  add(
    'ppt/slideMasters/_rels/slideMaster1.xml.rels',
    relsXml([
      { id: 'rId1', type: REL.slideLayout, target: '../slideLayouts/slideLayout1.xml' },
      { id: 'rId2', type: REL.theme, target: '../theme/theme1.xml' },
    ]),
  );
  add('ppt/slideLayouts/slideLayout1.xml', slideLayoutXml(), CT.slideLayout);
  add('ppt/slideLayouts/_rels/slideLayout1.xml.rels', relsXml([{ id: 'rId1', type: REL.slideMaster, target: '../slideMasters/slideMaster1.xml' }]));
  add('ppt/notesMasters/notesMaster1.xml', notesMasterXml(deck.width / deck.height), CT.notesMaster);
  add('ppt/notesMasters/_rels/notesMaster1.xml.rels', relsXml([{ id: 'rId1', type: REL.theme, target: '../theme/theme2.xml' }]));
  add('ppt/theme/theme1.xml', themeXml(input.colors), CT.theme);
  add('ppt/theme/theme2.xml', themeXml(input.colors, 'dangke-notes'), CT.theme);
  add('ppt/presProps.xml', presPropsXml(), CT.presProps);
  add('ppt/viewProps.xml', viewPropsXml(), CT.viewProps);
  add('ppt/tableStyles.xml', tableStylesXml(), CT.tableStyles);
  add('docProps/core.xml', corePropsXml(input.properties), CT.core);
  add('docProps/app.xml', appPropsXml(deck.slides.length), CT.app);
  add(
    '_rels/.rels',
    relsXml([
      { id: 'rId1', type: REL.officeDocument, target: 'ppt/presentation.xml' },
      { id: 'rId2', type: REL.coreProperties, target: 'docProps/core.xml' },
      { id: 'rId3', type: REL.extendedProperties, target: 'docProps/app.xml' },
    ]),
  );

  const defaults = [
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>',
    '<Default Extension="xml" ContentType="application/xml"/>',
    ...[...mediaTypes.values()].map((type) => `<Default Extension="${type.ext}" ContentType="${type.contentType}"/>`),
  ];
  const contentTypes =
    `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">${defaults.join('')}` +
    `${overrides.map(([part, type]) => `<Override PartName="${esc(part)}" ContentType="${type}"/>`).join('')}</Types>`;
  // [Content_Types].xml first, as Office writes it (some readers look for it there).
  const ordered: Zippable = { '[Content_Types].xml': [encoder.encode(contentTypes), { level: 6 }], ...files };
  return { bytes: zipSync(ordered, { mtime: new Date('2026-01-01T00:00:00Z') }), placeholders };
}
