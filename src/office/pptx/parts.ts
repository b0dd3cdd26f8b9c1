// The parts every presentation package needs besides its slides: theme, slide master and layout, notes master,
// presentation properties. Written by hand so every element and relationship is ours to check. Pure.
import { TYPEFACES } from './fonts.ts';
import { esc, PML_NS, XML_HEAD } from './xml.ts';

export interface ThemeColors {
  /** Text on light backgrounds. */
  ink: string;
  /** The theme's accent (党政 red). */
  accent: string;
  /** Second accent (gold). */
  accent2: string;
  /** The slide paper. */
  paper: string;
}

const FONT_SCHEME = (): string => {
  const font = (faces: { ea: string; latin: string }): string =>
    `<a:latin typeface="${esc(faces.latin)}"/><a:ea typeface="${esc(faces.ea)}"/><a:cs typeface=""/><a:font script="Hans" typeface="${esc(faces.ea)}"/>`;
  return `<a:fontScheme name="dangke"><a:majorFont>${font(TYPEFACES.title)}</a:majorFont><a:minorFont>${font(TYPEFACES.body)}</a:minorFont></a:fontScheme>`;
};

export function themeXml(colors: ThemeColors, name = 'dangke'): string {
  const srgb = (value: string): string => `<a:srgbClr val="${value}"/>`;
  const fill = '<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>';
  const line = (w: number): string => `<a:ln w="${w}" cap="flat" cmpd="sng" algn="ctr"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:prstDash val="solid"/></a:ln>`;
  return (
    `${XML_HEAD}<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="${esc(name)}"><a:themeElements>` +
    `<a:clrScheme name="${esc(name)}">` +
    `<a:dk1>${srgb(colors.ink)}</a:dk1><a:lt1>${srgb('FFFFFF')}</a:lt1><a:dk2>${srgb(colors.accent)}</a:dk2><a:lt2>${srgb(colors.paper)}</a:lt2>` +
    `<a:accent1>${srgb(colors.accent)}</a:accent1><a:accent2>${srgb(colors.accent2)}</a:accent2><a:accent3>${srgb('8A5A00')}</a:accent3>` +
    `<a:accent4>${srgb('5C0008')}</a:accent4><a:accent5>${srgb('6B5646')}</a:accent5><a:accent6>${srgb('2F5597')}</a:accent6>` +
    `<a:hlink>${srgb('0563C1')}</a:hlink><a:folHlink>${srgb('954F72')}</a:folHlink></a:clrScheme>` +
    FONT_SCHEME() +
    `<a:fmtScheme name="${esc(name)}"><a:fillStyleLst>${fill}${fill}${fill}</a:fillStyleLst>` +
    `<a:lnStyleLst>${line(6350)}${line(12700)}${line(19050)}</a:lnStyleLst>` +
    '<a:effectStyleLst><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle></a:effectStyleLst>' +
    `<a:bgFillStyleLst>${fill}${fill}${fill}</a:bgFillStyleLst></a:fmtScheme>` +
    '</a:themeElements><a:objectDefaults/><a:extraClrSchemeLst/></a:theme>'
  );
}

const CLR_MAP = 'bg1="lt1" tx1="dk1" bg2="lt2" tx2="dk2" accent1="accent1" accent2="accent2" accent3="accent3" accent4="accent4" accent5="accent5" accent6="accent6" hlink="hlink" folHlink="folHlink"';
const EMPTY_TREE =
  '<p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr>' +
  '<p:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/><a:chOff x="0" y="0"/><a:chExt cx="0" cy="0"/></a:xfrm></p:grpSpPr>';

function levelStyle(sizeHundredths: number): string {
  return `<a:lvl1pPr><a:defRPr sz="${sizeHundredths}"><a:latin typeface="+mn-lt"/><a:ea typeface="+mn-ea"/><a:cs typeface="+mn-cs"/></a:defRPr></a:lvl1pPr>`;
}

export function slideMasterXml(): string {
  return (
    `${XML_HEAD}<p:sldMaster ${PML_NS}><p:cSld><p:bg><p:bgRef idx="1001"><a:schemeClr val="bg1"/></p:bgRef></p:bg><p:spTree>${EMPTY_TREE}</p:spTree></p:cSld>` +
    `<p:clrMap ${CLR_MAP}/><p:sldLayoutIdLst><p:sldLayoutId id="2147483649" r:id="rId1"/></p:sldLayoutIdLst>` +
    `<p:txStyles><p:titleStyle>${levelStyle(4400)}</p:titleStyle><p:bodyStyle>${levelStyle(2800)}</p:bodyStyle><p:otherStyle>${levelStyle(1800)}</p:otherStyle></p:txStyles></p:sldMaster>`
  );
}

export function slideLayoutXml(): string {
  return `${XML_HEAD}<p:sldLayout ${PML_NS} type="blank" preserve="1"><p:cSld name="空白"><p:spTree>${EMPTY_TREE}</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sldLayout>`;
}

/** Notes pages are portrait A4-ish (Office's default 7.5 × 10 in): slide picture above, notes below. */
export const NOTES_SIZE = { cx: 6858000, cy: 9144000 };

function placeholder(id: number, name: string, type: 'sldImg' | 'body', x: number, y: number, cx: number, cy: number, text: boolean): string {
  const idx = type === 'body' ? ' idx="1"' : '';
  const locks = type === 'sldImg' ? '<a:spLocks noGrp="1" noRot="1" noChangeAspect="1"/>' : '<a:spLocks noGrp="1"/>';
  const body = text ? '<p:txBody><a:bodyPr vert="horz" lIns="91440" tIns="45720" rIns="91440" bIns="45720" rtlCol="0"/><a:lstStyle/><a:p><a:endParaRPr lang="zh-CN"/></a:p></p:txBody>' : '';
  const fill = type === 'sldImg' ? '<a:noFill/><a:ln w="12700"><a:solidFill><a:prstClr val="black"/></a:solidFill></a:ln>' : '';
  return (
    `<p:sp><p:nvSpPr><p:cNvPr id="${id}" name="${name}"/><p:cNvSpPr>${locks}</p:cNvSpPr><p:nvPr><p:ph type="${type}"${idx}/></p:nvPr></p:nvSpPr>` +
    `<p:spPr><a:xfrm><a:off x="${x}" y="${y}"/><a:ext cx="${cx}" cy="${cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom>${fill}</p:spPr>${body}</p:sp>`
  );
}

/** Where the slide picture sits on a notes page, keeping the slide's aspect. */
function notesImageBox(aspect: number): { x: number; y: number; cx: number; cy: number } {
  const cx = 6096000;
  const cy = Math.round(cx / aspect);
  return { x: Math.round((NOTES_SIZE.cx - cx) / 2), y: 685800, cx, cy };
}

export function notesMasterXml(aspect: number): string {
  const image = notesImageBox(aspect);
  const bodyY = image.y + image.cy + 228600;
  const notesRun = `<a:defRPr sz="1400" kern="1200"><a:solidFill><a:schemeClr val="tx1"/></a:solidFill><a:latin typeface="+mn-lt"/><a:ea typeface="+mn-ea"/><a:cs typeface="+mn-cs"/></a:defRPr>`;
  return (
    `${XML_HEAD}<p:notesMaster ${PML_NS}><p:cSld><p:bg><p:bgRef idx="1001"><a:schemeClr val="bg1"/></p:bgRef></p:bg><p:spTree>${EMPTY_TREE}` +
    placeholder(2, '幻灯片图像占位符 1', 'sldImg', image.x, image.y, image.cx, image.cy, false) +
    placeholder(3, '备注占位符 2', 'body', 685800, bodyY, 5486400, NOTES_SIZE.cy - bodyY - 685800, true) +
    `</p:spTree></p:cSld><p:clrMap ${CLR_MAP}/>` +
    `<p:notesStyle><a:lvl1pPr marL="0" algn="l" defTabSz="914400" rtl="0" eaLnBrk="1" latinLnBrk="0" hangingPunct="1">${notesRun}</a:lvl1pPr></p:notesStyle></p:notesMaster>`
  );
}

/** A slide's notes page: its picture and the lecture script, one paragraph per spoken paragraph. */
export function notesSlideXml(paragraphs: readonly string[]): string {
  const text = (paragraphs.length > 0 ? paragraphs : [''])
    .map((paragraph) => (paragraph === '' ? '<a:p><a:endParaRPr lang="zh-CN" altLang="en-US" dirty="0"/></a:p>' : `<a:p><a:r><a:rPr lang="zh-CN" altLang="en-US" dirty="0"/><a:t>${esc(paragraph)}</a:t></a:r></a:p>`))
    .join('');
  return (
    `${XML_HEAD}<p:notes ${PML_NS}><p:cSld><p:spTree>${EMPTY_TREE}` +
    '<p:sp><p:nvSpPr><p:cNvPr id="2" name="幻灯片图像占位符 1"/><p:cNvSpPr><a:spLocks noGrp="1" noRot="1" noChangeAspect="1"/></p:cNvSpPr><p:nvPr><p:ph type="sldImg"/></p:nvPr></p:nvSpPr><p:spPr/></p:sp>' +
    '<p:sp><p:nvSpPr><p:cNvPr id="3" name="备注占位符 2"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph type="body" idx="1"/></p:nvPr></p:nvSpPr><p:spPr/>' +
    `<p:txBody><a:bodyPr/><a:lstStyle/>${text}</p:txBody></p:sp>` +
    '</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:notes>'
  );
}

export function presPropsXml(): string {
  return `${XML_HEAD}<p:presentationPr ${PML_NS}/>`;
}

export function viewPropsXml(): string {
  return `${XML_HEAD}<p:viewPr ${PML_NS}><p:normalViewPr><p:restoredLeft sz="15620"/><p:restoredTop sz="80000"/></p:normalViewPr><p:gridSpacing cx="72008" cy="72008"/></p:viewPr>`;
}

export function tableStylesXml(): string {
  return `${XML_HEAD}<a:tblStyleLst xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" def="{5C22544A-7EE6-4342-B048-85BDC9FD1C3A}"/>`;
}

export interface DocumentProperties {
  title: string;
  subject?: string;
  author?: string;
  keywords: string[];
}

export function corePropsXml(props: DocumentProperties): string {
  const optional = (tag: string, value: string | undefined): string => (value ? `<${tag}>${esc(value)}</${tag}>` : '');
  return (
    `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
    `<dc:title>${esc(props.title)}</dc:title>${optional('dc:subject', props.subject)}${optional('dc:creator', props.author)}${optional('cp:lastModifiedBy', props.author)}` +
    `${props.keywords.length > 0 ? `<cp:keywords>${esc(props.keywords.join('; '))}</cp:keywords>` : ''}</cp:coreProperties>`
  );
}

export function appPropsXml(slides: number): string {
  return (
    `${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">` +
    `<Application>dangke</Application><PresentationFormat>${slides > 0 ? '自定义' : ''}</PresentationFormat><Slides>${slides}</Slides><Notes>${slides}</Notes></Properties>`
  );
}
