// A timeline of an export for whoever profiles a big deck: DANGKE_TRACE=1 prints, on stderr, each step's
// time since the process started and Node's resident memory, e.g.
//   [trace]  12.41 s  231 MB  slides.pdf: batch 3/8 printed
// Off by default (one environment lookup per call); nothing a user normally sees.
const enabled = process.env['DANGKE_TRACE'] === '1';

export function trace(step: string): void {
  if (!enabled) return;
  const seconds = (performance.now() / 1000).toFixed(2).padStart(7);
  const megabytes = String(Math.round(process.memoryUsage.rss() / 1024 / 1024)).padStart(4);
  process.stderr.write(`[trace] ${seconds} s ${megabytes} MB  ${step}\n`);
}
