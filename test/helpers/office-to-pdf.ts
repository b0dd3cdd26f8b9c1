// LibreOffice as an independent reader of the Office files we write: `soffice --headless --convert-to pdf`,
// with a profile of its own per run so parallel runs (and a LibreOffice the user has open) never lock each other.

import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, delimiter, extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { existsSync } from 'node:fs';

const run = promisify(execFile);

/** The soffice executable, or undefined (tests then skip and say why). */
export function findSoffice(): string | undefined {
  const dirs = (process.env.PATH ?? '').split(delimiter).filter((dir) => dir !== '');
  for (const name of ['soffice', 'libreoffice']) {
    const found = dirs.map((dir) => join(dir, name)).find((path) => existsSync(path));
    if (found !== undefined) return found;
  }
  return undefined;
}

export const NO_SOFFICE = 'LibreOffice (soffice) is not installed: the Office read-back through LibreOffice is skipped (apt-get install --no-install-recommends libreoffice-writer)';

/** Converts `file` to PDF in `outDir`; returns the PDF's path. */
export async function officeToPdf(soffice: string, file: string, outDir: string): Promise<string> {
  const [pdf] = await officeToPdfs(soffice, [file], outDir);
  return pdf!;
}

/**
 * Converts several files to PDF in `outDir` with one soffice start (each start costs about 6 s of CPU, the
 * conversions themselves well under one); returns the PDFs' paths in the order of `files`. The files' names
 * must differ once their extensions are dropped, as the PDFs are named after them.
 */
export async function officeToPdfs(soffice: string, files: readonly string[], outDir: string): Promise<string[]> {
  const pdfs = files.map((file) => join(outDir, `${basename(file, extname(file))}.pdf`));
  if (new Set(pdfs).size !== pdfs.length) throw new Error(`two files would give the same PDF name: ${files.join(', ')}`);
  const profile = await mkdtemp(join(tmpdir(), 'dangke-soffice-'));
  try {
    await run(soffice, [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--convert-to', 'pdf', '--outdir', outDir, ...files], {
      timeout: 300_000,
    });
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
  return pdfs;
}
