// Maps a request path to a file inside the served folder, or refuses. The dev server serves the built
// deck and nothing else: `..` and `.` segments (plain or percent-encoded), backslashes, NUL bytes, drive
// letters and empty segments are refused (403), and a path whose real location (symlinks followed) lies
// outside the folder is refused too. Hidden files (atomic-write temporaries) are not found (404).
import { realpath, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, sep } from 'node:path';

export type ResolvedPath = { ok: true; path: string } | { ok: false; status: 403 | 404 };

const FORBIDDEN: ResolvedPath = { ok: false, status: 403 };
const NOT_FOUND: ResolvedPath = { ok: false, status: 404 };

/** The decoded path segments of a request target ("/a/b.css?x" -> ["a", "b.css"]), or undefined if refused. */
export function requestSegments(target: string): string[] | undefined {
  // Origin-form only ("/…"): no "http://host/…", no "*", no bare names.
  if (!target.startsWith('/') || target.startsWith('//')) return undefined;
  const pathPart = target.replace(/[?#].*$/s, '');
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathPart);
  } catch {
    return undefined;
  }
  if (/[\0\\]/.test(decoded) || /[\0-\x1f\x7f]/.test(decoded)) return undefined;
  const segments = decoded.slice(1).split('/');
  // A trailing slash means "the folder's index.html": drop the last empty segment only.
  if (segments.length > 0 && segments[segments.length - 1] === '') segments.pop();
  for (const segment of segments) {
    if (segment === '' || segment === '.' || segment === '..' || segment.includes(':')) return undefined;
  }
  return segments;
}

function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/** `root` must be a real path (see realpath). Folders resolve to their index.html. */
export async function resolveRequestPath(root: string, target: string): Promise<ResolvedPath> {
  const segments = requestSegments(target);
  if (segments === undefined) return FORBIDDEN;
  if (segments.some((segment) => segment.startsWith('.'))) return NOT_FOUND;
  let candidate = join(root, ...segments);
  if (!inside(root, candidate)) return FORBIDDEN;
  let real: string;
  try {
    real = await realpath(candidate);
    if (!inside(root, real)) return FORBIDDEN;
    if ((await stat(real)).isDirectory()) {
      candidate = join(real, 'index.html');
      real = await realpath(candidate);
      if (!inside(root, real)) return FORBIDDEN;
    }
    if (!(await stat(real)).isFile()) return NOT_FOUND;
  } catch {
    return NOT_FOUND;
  }
  return { ok: true, path: real };
}
