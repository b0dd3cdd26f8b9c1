// `npm run parse -- article.txt --json | head`: the reader closes the pipe early. The command must end
// quietly (no stack trace for a broken pipe) with its usual exit code.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const PROJECT = fileURLToPath(new URL('../../', import.meta.url));

test('a reader that closes the pipe early: no stack trace, exit code 0', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'dangke-pipe-'));
  try {
    // Far more JSON than a pipe holds (64 KB), so the writes meet the closed pipe.
    const paragraph = '全面从严治党永远在路上，党的自我革命永远在路上。'.repeat(20);
    const article = ['学习教育的重大部署', '', ...Array.from({ length: 400 }, (_, index) => `${index + 1}. ${paragraph}\n`)].join('\n');
    const file = join(dir, 'big.txt');
    await writeFile(file, article);
    const child = spawn(process.execPath, ['--import', 'tsx', join(PROJECT, 'build.ts'), 'parse', file, '--json'], { cwd: PROJECT, stdio: ['ignore', 'pipe', 'pipe'] });
    const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    // Like `head -c 1`: read one chunk, then close our end.
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    child.stdout.destroy();
    const code = await closed;
    assert.doesNotMatch(stderr, /EPIPE|Error|node:|\n\s+at /);
    assert.equal(code, 0);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
