// Reading and saving a deck for the studio. Nothing typed is lost:
// - a save names the version it was based on; when the file on disk is no longer that version (edited in
//   another program, redrafted), the save is refused and the caller gets the disk's text to show beside
//   the user's own;
// - every save first keeps the version it replaces in slides/.history/<name>/, pruned to HISTORY_LIMIT;
// - the file is written atomically (temporary file, then rename).
import { createHash } from 'node:crypto';
import { readFile, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../fs/atomic.ts';
import { deckFile, safeName, type StudioFolders } from './names.ts';

/** Versions kept per deck; the oldest go first. */
export const HISTORY_LIMIT = 50;

export function versionOf(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 16);
}

export interface LoadedDeck {
  name: string;
  text: string;
  version: string;
}

export async function loadDeck(folders: StudioFolders, name: string): Promise<LoadedDeck | undefined> {
  try {
    const text = await readFile(deckFile(folders, name), 'utf8');
    return { name, text, version: versionOf(text) };
  } catch {
    return undefined;
  }
}

export type SaveOutcome = { saved: true; version: string } | { saved: false; disk: LoadedDeck | undefined };

/** History entry names sort by time: "20261205T181500123Z-<version>.md". */
function historyEntryName(now: Date, version: string): string {
  return `${now.toISOString().replace(/[-:.]/g, '')}-${version}.md`;
}

export function historyFolder(folders: StudioFolders, name: string): string {
  return join(folders.history, name);
}

export interface HistoryEntry {
  id: string;
  /** ISO time the version was replaced. */
  time: string;
  size: number;
}

/** Newest first. */
export async function listHistory(folders: StudioFolders, name: string): Promise<HistoryEntry[]> {
  let names: string[];
  try {
    names = await readdir(historyFolder(folders, name));
  } catch {
    return [];
  }
  const entries: HistoryEntry[] = [];
  for (const id of names.filter((entry) => /^\d{8}T\d{9}Z-[0-9a-f]{16}\.md$/.test(entry)).sort().reverse()) {
    const stamp = id.slice(0, 16);
    const time = `${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}T${stamp.slice(9, 11)}:${stamp.slice(11, 13)}:${stamp.slice(13, 15)}Z`;
    const text = await readFile(join(historyFolder(folders, name), id), 'utf8').catch(() => '');
    entries.push({ id, time, size: text.length });
  }
  return entries;
}

export async function readHistoryEntry(folders: StudioFolders, name: string, id: unknown): Promise<string | undefined> {
  if (typeof id !== 'string' || !/^\d{8}T\d{9}Z-[0-9a-f]{16}\.md$/.test(id)) return undefined;
  try {
    return await readFile(join(historyFolder(folders, name), id), 'utf8');
  } catch {
    return undefined;
  }
}

async function keepInHistory(folders: StudioFolders, name: string, previous: string, now: Date): Promise<void> {
  const folder = historyFolder(folders, name);
  await writeFileAtomic(join(folder, historyEntryName(now, versionOf(previous))), previous);
  const entries = (await readdir(folder)).filter((entry) => entry.endsWith('.md') && !entry.startsWith('.')).sort();
  for (const old of entries.slice(0, Math.max(0, entries.length - HISTORY_LIMIT))) {
    await rm(join(folder, old), { force: true });
  }
}

/**
 * Saves `text` as the deck `name` if the file on disk is still `baseVersion` (undefined: the file must not
 * exist yet). `force` saves over whatever is there (the user chose their text in the conflict dialog); the
 * replaced version still goes into the history.
 */
export async function saveDeck(
  folders: StudioFolders,
  name: string,
  text: string,
  baseVersion: string | undefined,
  options: { force?: boolean; now?: Date } = {},
): Promise<SaveOutcome> {
  if (safeName(name) !== name) throw new Error(`saveDeck: unsafe name ${name}`);
  const disk = await loadDeck(folders, name);
  if (!options.force && disk?.version !== baseVersion) return { saved: false, disk };
  const version = versionOf(text);
  if (disk && disk.version === version) return { saved: true, version };
  if (disk) await keepInHistory(folders, name, disk.text, options.now ?? new Date());
  await writeFileAtomic(deckFile(folders, name), text);
  return { saved: true, version };
}
