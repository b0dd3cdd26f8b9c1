import assert from 'node:assert/strict';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { withFolderLock } from '../../src/fs/lock.ts';

describe('withFolderLock', () => {
  it('runs one holder at a time and releases the lock afterwards', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dangke-lock-'));
    const order: string[] = [];
    const holder = (name: string) =>
      withFolderLock(dir, async () => {
        order.push(`${name} in`);
        await new Promise((resolve) => setTimeout(resolve, 150));
        order.push(`${name} out`);
      });
    await Promise.all([holder('a'), holder('b')]);
    assert.deepEqual(order.filter((step) => step.endsWith('in')).length, 2);
    for (let index = 0; index < order.length; index += 2) assert.equal(order[index]!.split(' ')[0], order[index + 1]!.split(' ')[0], order.join(', '));
    await assert.rejects(readFile(join(dir, '.dangke-build.lock')), { code: 'ENOENT' });
  });

  it('takes over a lock left by a process that no longer runs', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dangke-lock-'));
    await writeFile(join(dir, '.dangke-build.lock'), '2147483646');
    assert.equal(await withFolderLock(dir, async () => 'done', { waitMs: 2_000 }), 'done');
  });

  it('gives up with a clear error when the folder stays locked', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dangke-lock-'));
    await writeFile(join(dir, '.dangke-build.lock'), String(process.ppid));
    await assert.rejects(withFolderLock(dir, async () => 'never', { waitMs: 300 }), (error: Error) => /另一个构建/.test(error.message));
  });
});
