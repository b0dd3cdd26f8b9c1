// docProps/core.xml: title, subject, author, keywords, without the time of packing, so one deck always
// gives the same bytes (see ../zip-timestamps.ts). Pure.

export interface CoreProperties {
  title: string;
  subject?: string | undefined;
  author: string;
  keywords: string;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function corePropertiesXml(properties: CoreProperties): string {
  const element = (name: string, value: string | undefined): string => (value === undefined || value === '' ? '' : `<${name}>${escapeXml(value)}</${name}>`);
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    element('dc:title', properties.title) +
    element('dc:subject', properties.subject) +
    element('dc:creator', properties.author) +
    element('cp:keywords', properties.keywords) +
    element('dc:description', '党课讲稿') +
    element('cp:lastModifiedBy', properties.author) +
    '<cp:revision>1</cp:revision>' +
    '</cp:coreProperties>'
  );
}
