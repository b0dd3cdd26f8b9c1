// One build of one deck in a process of its own, as `npm run build` runs it; prints its peak memory.
// Used by bench/run.ts: a fresh process measures the build alone, not what earlier runs left on the heap.
//   tsx bench/build-once.ts <root> <deck.md>  →  {"maxRssBytes": …, "ms": …}
import { buildCommand } from '../src/commands/build.ts';
import { memoryReporter } from '../src/report.ts';

const [root, deck] = process.argv.slice(2);
if (root === undefined || deck === undefined) throw new Error('usage: tsx bench/build-once.ts <root> <deck.md>');
const started = performance.now();
await buildCommand({ root, decks: [deck], pdf: true }, memoryReporter());
// resourceUsage().maxRSS is in kilobytes and covers the whole life of this process.
console.log(JSON.stringify({ maxRssBytes: process.resourceUsage().maxRSS * 1024, ms: performance.now() - started }));
