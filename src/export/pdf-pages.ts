// Counts the pages of a PDF without a PDF library: every page object is a dictionary with /Type /Page
// (the page tree nodes say /Pages). Chromium writes page dictionaries uncompressed, so this is exact for
// the PDFs we make; it is not a general PDF parser.
export function countPdfPages(pdf: Uint8Array): number {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  return text.match(/\/Type\s*\/Page(?![A-Za-z])/g)?.length ?? 0;
}
