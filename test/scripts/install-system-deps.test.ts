import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { plan, type Machine } from '../../scripts/install-system-deps.ts';

const debianRoot: Machine = { skip: false, hasBrowser: false, hasChineseFont: false, platform: 'linux', debianLike: true, root: true };

describe('install-system-deps plan', () => {
  const cases: [string, Partial<Machine>, ReturnType<typeof plan>][] = [
    ['installs with apt on Debian/Ubuntu as root when something is missing', {}, 'apt'],
    ['installs when only the font is missing', { hasBrowser: true }, 'apt'],
    ['does nothing when browser and font are there', { hasBrowser: true, hasChineseFont: true }, 'nothing'],
    ['does nothing with DANGKE_SKIP_SYSTEM_DEPS=1', { skip: true }, 'nothing'],
    ['prints the commands when not root', { root: false }, 'hint'],
    ['prints the commands on other Linux distributions', { debianLike: false }, 'hint'],
    ['prints the commands on macOS', { platform: 'darwin' }, 'hint'],
  ];
  for (const [name, change, expected] of cases) it(name, () => assert.equal(plan({ ...debianRoot, ...change }), expected));
});
