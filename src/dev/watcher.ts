// Watches folders for changes (recursively: Node 20 supports it on Linux, macOS and Windows) and calls
// back once per burst of events, after DEBOUNCE_MS of quiet: an editor's save is several events (write a
// temporary file, rename it over the original), and one rebuild should answer them all.
// Hidden files and folders (atomic-write temporaries, .backup/, .git) and editor droppings are ignored.
import { watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';

export const DEBOUNCE_MS = 40;

/** Swap and backup files editors write beside the file being saved (vim: .x.swp, x~, 4913). */
const EDITOR_DROPPING = /(?:~|\.swp|\.swx|\.tmp|\.crswap)$|^\d+$/;

export function isIgnoredChange(relativePath: string): boolean {
  const parts = relativePath.split(/[\\/]/);
  const name = parts[parts.length - 1] ?? '';
  return parts.some((part) => part.startsWith('.')) || EDITOR_DROPPING.test(name);
}

export interface FolderWatcher {
  close(): void;
}

export function watchFolders(
  dirs: readonly string[],
  onChange: (files: string[]) => void,
  options: { debounceMs?: number; onError?: (error: Error) => void } = {},
): FolderWatcher {
  const debounceMs = options.debounceMs ?? DEBOUNCE_MS;
  const changed = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  const flush = (): void => {
    timer = undefined;
    const files = [...changed];
    changed.clear();
    if (files.length > 0) onChange(files);
  };
  const watchers: FSWatcher[] = [];
  for (const dir of dirs) {
    let watcher: FSWatcher;
    try {
      watcher = watch(dir, { recursive: true, persistent: false });
    } catch (error) {
      options.onError?.(error as Error);
      continue;
    }
    watcher.on('change', (_event, filename) => {
      const name = filename === null ? '' : String(filename);
      if (name !== '' && isIgnoredChange(name)) return;
      changed.add(name === '' ? dir : join(dir, name));
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(flush, debounceMs);
    });
    watcher.on('error', (error) => options.onError?.(error));
    watchers.push(watcher);
  }
  return {
    close() {
      if (timer !== undefined) clearTimeout(timer);
      for (const watcher of watchers) watcher.close();
    },
  };
}

/** Drops folders inside another folder of the list (a recursive watch already covers them). */
export function outermostFolders(dirs: readonly string[]): string[] {
  const unique = [...new Set(dirs)].sort();
  return unique.filter((dir) => !unique.some((other) => other !== dir && (dir.startsWith(`${other}/`) || dir.startsWith(`${other}\\`))));
}
