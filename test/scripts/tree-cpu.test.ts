// npm test's CPU line (scripts/test.mjs) counts every process the tests start, also those that no process it
// waits for ever reaps (Chromium's renderers end up with the system's init, so the children's times in
// /proc/self/stat never include them): here a grandchild orphaned while it works.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { sampleTreeCpu } from '../../scripts/test.mjs';

const SKIP = existsSync('/proc/self/stat') ? false : 'no /proc here: the CPU of the processes the tests start is not sampled';

test('sampleTreeCpu counts a grandchild that is orphaned while it works', { skip: SKIP }, async () => {
  const dir = await mkdtemp(join(tmpdir(), 'dangke-tree-cpu-'));
  const done = join(dir, 'done');
  const sampler = sampleTreeCpu();
  let cpu: number | undefined;
  try {
    // The grandchild spends 2 s of CPU (not of the clock), then leaves a mark. Its parent, a shell, lives
    // 1.5 s (sampled as ours meanwhile) and exits, leaving it to the system to reap.
    const burn = `const used = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1e6; }; while (used() < 2); require('node:fs').writeFileSync(${JSON.stringify(done)}, '');`;
    const shell = spawn('sh', ['-c', '"$0" -e "$1" & sleep 1.5', process.execPath, burn], { stdio: 'ignore' });
    await new Promise((resolve) => shell.on('close', resolve));
    // Bounded: the grandchild needs 2 s of CPU, however long a loaded machine takes to give it that.
    for (let waited = 0; !existsSync(done); waited += 100) {
      assert.ok(waited < 300_000, 'the grandchild never finished');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    cpu = sampler.stop();
    await rm(dir, { recursive: true, force: true });
  }
  // At least 2 s less the time after the last sample it was seen in (half a second of the clock at most).
  assert.ok(cpu !== undefined && cpu >= 1, `${cpu} s counted; the grandchild alone used 2 s`);
});
