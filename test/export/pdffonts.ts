// `pdffonts` (poppler-utils) for the PDF tests: which fonts a PDF embeds, and as what type.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

/** `pdffonts` (poppler-utils) rows as { name, type, embedded }, or undefined when poppler is missing. */
export async function pdffonts(path: string): Promise<Array<{ name: string; type: string; embedded: boolean }> | undefined> {
  try {
    const { stdout } = await promisify(execFile)('pdffonts', [path]);
    return stdout
      .split('\n')
      .slice(2)
      .filter((line) => line.trim() !== '')
      .map((line) => {
        // Columns: name type encoding emb sub uni object ID; "Type 3" and "CID TrueType" contain spaces.
        const match = /^(\S+)\s+(.+?)\s+(\S+)\s+(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+$/.exec(line.trim());
        return { name: match?.[1] ?? '?', type: match?.[2] ?? '?', embedded: match?.[4] === 'yes' };
      });
  } catch {
    return undefined;
  }
}
