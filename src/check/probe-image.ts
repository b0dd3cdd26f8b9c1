// The file-system side of the images rule: whether a slide's picture can be read. The rule itself
// (rules/images.ts) is pure and takes this as context.probeImage; check and the studio pass this one.
import { accessSync, constants, statSync } from 'node:fs';
import type { ImageProbe } from './context.ts';

export function probeImage(path: string): ImageProbe {
  try {
    if (!statSync(path).isFile()) return 'not-a-file';
  } catch {
    return 'missing';
  }
  try {
    accessSync(path, constants.R_OK);
    return 'ok';
  } catch {
    return 'unreadable';
  }
}
