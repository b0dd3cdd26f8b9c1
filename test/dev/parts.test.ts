// The small pure parts of the dev server: the served page's CSP and client, the watcher's filters.
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { CONTENT_SECURITY_POLICY } from '../../src/page/csp.ts';
import { allowConnectSelf, CLIENT_PATH, injectDevClient, placeholderPage } from '../../src/dev/overlay.ts';
import { isIgnoredChange, outermostFolders, watchFolders } from '../../src/dev/watcher.ts';

describe('dev page', () => {
  it("adds connect-src 'self' to the page's policy and nothing else", () => {
    const policy = allowConnectSelf(CONTENT_SECURITY_POLICY);
    assert.equal(policy, `${CONTENT_SECURITY_POLICY}; connect-src 'self'`);
    assert.equal(allowConnectSelf("default-src 'none'; connect-src https://evil.example"), "default-src 'none'; connect-src 'self'");
  });

  it('injects the client before </body> and widens the CSP meta of the served copy', () => {
    const html = `<html><head><meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}"></head><body><p>x</p></body></html>`;
    const served = injectDevClient(html, 7);
    assert.match(served, /connect-src 'self'">/);
    assert.match(served, new RegExp(`<script src="${CLIENT_PATH}" data-build="7"></script>\\n</body>`));
    assert.match(placeholderPage('<b>标题</b>'), /<title>&lt;b&gt;标题&lt;\/b&gt;<\/title>/);
  });
});

describe('watcher', () => {
  it('ignores hidden files, backups and editor droppings', () => {
    for (const path of ['.deck.md.123.tmp', 'a/.git/index', '.backup/x.md', 'deck.md~', '.deck.md.swp', '4913']) {
      assert.ok(isIgnoredChange(path), path);
    }
    for (const path of ['deck.md', 'images/图 1.png', 'dangzheng/theme.css']) assert.ok(!isIgnoredChange(path), path);
  });

  it('watches each folder once', () => {
    assert.deepEqual(outermostFolders(['/p/slides', '/p/slides/images', '/p/themes', '/p/slides']), ['/p/slides', '/p/themes']);
  });

  it('reports one burst of changes once, including files in subfolders', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dangke-watch-'));
    try {
      await mkdir(join(dir, 'images'));
      const bursts: string[][] = [];
      let resolveFirst: () => void = () => undefined;
      const first = new Promise<void>((resolve) => {
        resolveFirst = resolve;
      });
      // A quiet time longer than the product's 40 ms: under load (CI, load average 10) the three writes
      // below were once more than 40 ms apart and came as two bursts. What is tested is the grouping.
      const watcher = watchFolders(
        [dir],
        (files) => {
          bursts.push(files);
          resolveFirst();
        },
        { debounceMs: 1000 },
      );
      await writeFile(join(dir, 'deck.md'), '1');
      await writeFile(join(dir, 'images', 'a.png'), '2');
      await writeFile(join(dir, '.deck.md.tmp'), '3');
      await first;
      watcher.close();
      assert.equal(bursts.length, 1);
      assert.ok(bursts[0]!.includes(join(dir, 'deck.md')), bursts[0]!.join());
      assert.ok(bursts[0]!.includes(join(dir, 'images', 'a.png')), bursts[0]!.join());
      assert.ok(!bursts[0]!.some((file) => file.endsWith('.tmp')));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
