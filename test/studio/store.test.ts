// Saving a deck from the studio: atomic, refused when the file changed on disk since it was loaded, and
// every replaced version kept (and pruned) in slides/.history/<name>/.
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { studioFolders } from '../../src/studio/names.ts';
import { HISTORY_LIMIT, listHistory, loadDeck, readHistoryEntry, saveDeck, versionOf } from '../../src/studio/store.ts';

describe('studio store', () => {
  let root: string;
  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'dangke-studio-store-'));
    await mkdir(join(root, 'slides'));
  });
  after(() => rm(root, { recursive: true, force: true }));

  it('saves over the version it was based on and keeps that version in the history', async () => {
    const folders = studioFolders(root);
    await writeFile(join(root, 'slides', '党课.md'), '第一版');
    const loaded = await loadDeck(folders, '党课');
    assert.equal(loaded?.version, versionOf('第一版'));
    const outcome = await saveDeck(folders, '党课', '第二版', loaded?.version);
    assert.deepEqual(outcome, { saved: true, version: versionOf('第二版') });
    assert.equal(await readFile(join(root, 'slides', '党课.md'), 'utf8'), '第二版');
    const history = await listHistory(folders, '党课');
    assert.equal(history.length, 1);
    assert.equal(await readHistoryEntry(folders, '党课', history[0]!.id), '第一版');
  });

  it('refuses to save over a file changed on disk since it was loaded, and says what is there', async () => {
    const folders = studioFolders(root);
    await writeFile(join(root, 'slides', '冲突.md'), '打开时');
    const loaded = await loadDeck(folders, '冲突');
    await writeFile(join(root, 'slides', '冲突.md'), '别的程序改过');
    const outcome = await saveDeck(folders, '冲突', '我的修改', loaded?.version);
    assert.equal(outcome.saved, false);
    assert.equal(!outcome.saved && outcome.disk?.text, '别的程序改过');
    assert.equal(await readFile(join(root, 'slides', '冲突.md'), 'utf8'), '别的程序改过');
    // The user chose their own text: saved, and the disk's version goes into the history.
    const forced = await saveDeck(folders, '冲突', '我的修改', loaded?.version, { force: true });
    assert.equal(forced.saved, true);
    const [entry] = await listHistory(folders, '冲突');
    assert.equal(await readHistoryEntry(folders, '冲突', entry!.id), '别的程序改过');
  });

  it(`keeps at most ${HISTORY_LIMIT} versions, dropping the oldest`, async () => {
    const folders = studioFolders(root);
    await writeFile(join(root, 'slides', '多次.md'), 'v0');
    let version = versionOf('v0');
    const start = Date.UTC(2026, 0, 1);
    for (let index = 1; index <= HISTORY_LIMIT + 5; index += 1) {
      const outcome = await saveDeck(folders, '多次', `v${index}`, version, { now: new Date(start + index * 1000) });
      assert.ok(outcome.saved);
      version = outcome.version;
    }
    const names = await readdir(join(root, 'slides', '.history', '多次'));
    assert.equal(names.length, HISTORY_LIMIT);
    const history = await listHistory(folders, '多次');
    assert.equal(await readHistoryEntry(folders, '多次', history[0]!.id), `v${HISTORY_LIMIT + 4}`);
    assert.equal(await readHistoryEntry(folders, '多次', history.at(-1)!.id), 'v5');
  });

  it('reads no history entry outside the deck’s own history folder', async () => {
    const folders = studioFolders(root);
    for (const id of ['../../党课.md', '..', '/etc/passwd', '20260101T000000000Z-0123456789abcdef.md/../x', 42]) {
      assert.equal(await readHistoryEntry(folders, '党课', id), undefined);
    }
  });
});
