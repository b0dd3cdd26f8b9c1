// Drafting and exporting run as dangke's own CLI in a child process (node + tsx + build.ts), one at a time:
// a hostile upload (a .docx that inflates to gigabytes) or a slow export can then only slow or kill that
// child, never the server answering the editor. The command and its arguments come from a fixed table and
// safe names; nothing from a request reaches a shell.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';

const BUILD_TS = fileURLToPath(new URL('../../build.ts', import.meta.url));
const TSX = import.meta.resolve('tsx');

/** The commands the studio may run, with their arguments (relative to the project root). */
export type JobCommand = { kind: 'draft'; article: string } | { kind: 'build'; deck: string };

export type JobState = 'queued' | 'running' | 'done' | 'failed';

export interface Job {
  id: string;
  command: JobCommand;
  state: JobState;
  /** Lines the CLI printed (the newest last; kept short). */
  lines: string[];
  startedAt?: number;
  finishedAt?: number;
  exitCode?: number | null;
}

/** Longest a job may take before it is stopped (a stuck browser, a hostile file). */
const JOB_TIMEOUT_MS = { draft: 120_000, build: 600_000 } as const;
/** Memory a child may use: enough for a 300-slide build, far less than the machine has. */
const CHILD_HEAP_MB = 1024;
const MAX_LINES = 200;
const KEEP_FINISHED = 20;

function argumentsFor(command: JobCommand): string[] {
  return command.kind === 'draft' ? ['draft', command.article] : ['build', command.deck];
}

export interface JobRunner {
  start(command: JobCommand): Job;
  get(id: unknown): Job | undefined;
  /** Resolves when the job ends (tests). */
  finished(id: string): Promise<Job>;
  close(): Promise<void>;
}

export function createJobRunner(root: string, environment: NodeJS.ProcessEnv = process.env): JobRunner {
  const jobs = new Map<string, Job>();
  const waiters = new Map<string, ((job: Job) => void)[]>();
  const queue: Job[] = [];
  let current: { job: Job; child: ChildProcess } | undefined;
  let closed = false;

  const finish = (job: Job, state: JobState, exitCode: number | null): void => {
    job.state = state;
    job.exitCode = exitCode;
    job.finishedAt = Date.now();
    for (const resolve of waiters.get(job.id) ?? []) resolve(job);
    waiters.delete(job.id);
    const finished = [...jobs.values()].filter((entry) => entry.finishedAt !== undefined);
    for (const old of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) jobs.delete(old.id);
  };

  const next = (): void => {
    if (current || closed) return;
    const job = queue.shift();
    if (!job) return;
    job.state = 'running';
    job.startedAt = Date.now();
    const child = spawn(process.execPath, [`--max-old-space-size=${CHILD_HEAP_MB}`, '--import', TSX, BUILD_TS, ...argumentsFor(job.command)], {
      cwd: root,
      env: { ...environment, FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
      windowsHide: true,
    });
    current = { job, child };
    const timer = setTimeout(() => {
      job.lines.push('用时过长，已停止。');
      child.kill('SIGKILL');
    }, JOB_TIMEOUT_MS[job.command.kind]);
    const collect = (chunk: Buffer): void => {
      // Progress lines redraw with \r; keep each as its own line.
      for (const line of chunk.toString('utf8').split(/\r|\n/)) {
        const text = line.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '').trim();
        if (text !== '') job.lines.push(text);
      }
      if (job.lines.length > MAX_LINES) job.lines.splice(0, job.lines.length - MAX_LINES);
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    child.on('error', (error) => {
      job.lines.push(`无法启动：${error.message}`);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      current = undefined;
      finish(job, code === 0 ? 'done' : 'failed', code);
      next();
    });
  };

  return {
    start(command) {
      const job: Job = { id: randomBytes(8).toString('hex'), command, state: 'queued', lines: [] };
      jobs.set(job.id, job);
      queue.push(job);
      next();
      return job;
    },
    get(id) {
      return typeof id === 'string' ? jobs.get(id) : undefined;
    },
    finished(id) {
      const job = jobs.get(id);
      if (!job) return Promise.reject(new Error(`no job ${id}`));
      if (job.finishedAt !== undefined) return Promise.resolve(job);
      return new Promise((resolve) => waiters.set(id, [...(waiters.get(id) ?? []), resolve]));
    },
    async close() {
      closed = true;
      for (const job of queue.splice(0)) finish(job, 'failed', null);
      if (current) {
        const { child } = current;
        const ended = new Promise<void>((resolve) => child.once('close', () => resolve()));
        child.kill('SIGKILL');
        await ended;
      }
    },
  };
}
