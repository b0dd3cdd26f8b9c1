// Phases of printing the synthetic deck's print view (not part of npm run bench): npx tsx bench/profile-print.ts
// VARIANTS=tagged,untagged,outline,flat (flat: CSS=… injected after pdf-ready, e.g. to test a theme change), R=repetitions, N=slides.
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCommand } from '../src/commands/build.ts';
import { draftCommand } from '../src/commands/draft.ts';
import { withBrowser } from '../src/export/browser.ts';
import { printUrl } from '../src/export/slides-pdf.ts';
import { preparePrintView, waitForPrintReady } from '../src/export/print-ready.ts';
import { memoryReporter } from '../src/report.ts';
import { sentencesOf, syntheticDeck } from './synthetic.ts';

const N = Number(process.env['N'] ?? 300);
const root = await mkdtemp(join(tmpdir(), 'dangke-prof-'));
const EXAMPLE = new URL('../articles/liangxue-yizuo.txt', import.meta.url);
await mkdir(join(root, 'articles'));
const article = join(root, 'articles', 'liangxue-yizuo.txt');
await copyFile(EXAMPLE, article);
await draftCommand({ article, root }, memoryReporter());
const large = join(root, 'slides', `synthetic-${N}.md`);
await writeFile(large, syntheticDeck(N, sentencesOf(await readFile(EXAMPLE, 'utf8'))));
await buildCommand({ root, decks: [large], pdf: false }, memoryReporter());
const index = join(root, 'dist', `synthetic-${N}`, 'index.html');
const extraCss = process.env['CSS'] ?? '';
const variants = (process.env['VARIANTS'] ?? 'tagged,untagged').split(',');
const t = () => performance.now();
await withBrowser(async (browser) => {
  for (let r = 0; r < Number(process.env['R'] ?? 3); r++) for (const v of variants) {
    let s = t();
    // In the background, as exports open it (withGuardedPage): no frames, no painting for a screen.
    const page = await browser.newPage({ background: true });
    const newPage = t() - s; s = t();
    await preparePrintView(page);
    await page.setViewport({ width: 1280, height: 720 });
    await page.emulateMediaType('print');
    await page.goto(printUrl(index), { waitUntil: 'load' });
    const load = t() - s; s = t();
    await waitForPrintReady(page, 60000, []);
    if (v.includes('flat')) await page.addStyleTag({ content: extraCss });
    const ready = t() - s; s = t();
    const pdf = await page.pdf({ width: '1280px', height: '720px', printBackground: true, preferCSSPageSize: true, outline: v.includes('outline'), tagged: !v.includes('untagged') });
    const print = t() - s;
    console.log(`${v}: newPage ${newPage.toFixed(0)} load ${load.toFixed(0)} ready ${ready.toFixed(0)} pdf ${print.toFixed(0)} ms (${(pdf.length / 1e6).toFixed(1)} MB)`);
    await page.close();
  }
});
await rm(root, { recursive: true, force: true });
