// A timeline of an export for whoever profiles a big deck: DANGKE_TRACE=1 prints, on stderr, each step's
// time since the process started and Node's resident memory, e.g.
//   [trace]  12.41 s  231 MB  slides.pdf: batch 3/8 printed
// DANGKE_TRACE=cpu adds the CPU time used so far by this process and every process it started (the
// browser and its renderers), read from /proc on Linux: on a shared machine wall times wander with the
// load, CPU times much less, so a step's cost is the difference between two lines' CPU.
//   [trace]  12.41 s  231 MB  cpu 20.17 s (node 6.02 s)  slides.pdf: batch 3/8 printed
// Off by default (one environment lookup per call); nothing a user normally sees.
import { readdirSync, readFileSync } from 'node:fs';

const setting = process.env['DANGKE_TRACE'];
const enabled = setting === '1' || setting === 'cpu';
const withCpu = setting === 'cpu' && process.platform === 'linux';

export function trace(step: string): void {
  if (!enabled) return;
  const seconds = (performance.now() / 1000).toFixed(2).padStart(7);
  const megabytes = String(Math.round(process.memoryUsage.rss() / 1024 / 1024)).padStart(4);
  const cpu = withCpu ? `cpu ${treeCpuSeconds().toFixed(2).padStart(6)} s (node ${nodeCpuSeconds().toFixed(2)} s)  ` : '';
  process.stderr.write(`[trace] ${seconds} s ${megabytes} MB  ${cpu}${step}\n`);
}

function nodeCpuSeconds(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}

/** Clock ticks per second of /proc/<pid>/stat's times: 100 on every Linux that matters. */
const TICKS = 100;
/** The CPU seen so far of each process that has since ended, so a closed tab's work still counts. */
const ended = new Map<number, number>();
let lastSeen = new Map<number, number>();

/**
 * CPU seconds of this process and all its descendants still running, plus those seen running at an
 * earlier trace line that have ended since (their last reading).
 */
function treeCpuSeconds(): number {
  const parents = new Map<number, number>();
  const cpu = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // ended while we looked
    }
    // After the command's name in parentheses: state, ppid, … utime (14th field), stime (15th).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    parents.set(Number(entry), Number(fields[1]));
    cpu.set(Number(entry), (Number(fields[11]) + Number(fields[12])) / TICKS);
  }
  const inTree = new Set<number>([process.pid]);
  for (let grown = true; grown; ) {
    grown = false;
    for (const [pid, parent] of parents) {
      if (!inTree.has(pid) && inTree.has(parent)) {
        inTree.add(pid);
        grown = true;
      }
    }
  }
  const seen = new Map<number, number>();
  for (const pid of inTree) seen.set(pid, cpu.get(pid) ?? 0);
  for (const [pid, seconds] of lastSeen) if (!seen.has(pid)) ended.set(pid, seconds);
  lastSeen = seen;
  let total = 0;
  for (const seconds of seen.values()) total += seconds;
  for (const seconds of ended.values()) total += seconds;
  return total;
}
