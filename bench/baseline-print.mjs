// @ts-check
// The whole-process baseline of `npm run bench`: the least a command that prints a PDF with Chromium can
// do. Plain JavaScript run straight with node (no tsx, no npm): import puppeteer-core, launch the same
// Chromium with the same flags as dangke, open one small page, print it to PDF, close.
//   node bench/baseline-print.mjs <chromium> <page.html> <out.pdf> <browser args as JSON>
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';

const [executablePath, html, pdf, args] = process.argv.slice(2);
if (executablePath === undefined || html === undefined || pdf === undefined || args === undefined) {
  throw new Error('usage: node bench/baseline-print.mjs <chromium> <page.html> <out.pdf> <browser args as JSON>');
}
const userDataDir = await mkdtemp(join(tmpdir(), 'dangke-bench-chrome-'));
const browser = await puppeteer.launch({ executablePath, headless: true, pipe: true, args: JSON.parse(args), userDataDir });
try {
  const page = await browser.newPage();
  await page.goto(pathToFileURL(html).href, { waitUntil: 'load' });
  await page.pdf({ path: pdf, format: 'A4', printBackground: true });
} finally {
  await browser.close();
  await rm(userDataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
}
