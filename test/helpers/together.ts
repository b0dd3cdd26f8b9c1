// Test files run as npm test runs a group of them: in one process, through scripts/test-together.mjs.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Runs `files` (relative to the project) together, with `env` on top of this process's environment, and
 * waits for the group to end. Without NODE_TEST_CONTEXT, which `node --test` sets for its own children:
 * with it the group would report to that runner in its binary protocol instead of printing its lines.
 */
export function runTogether(files: readonly string[], env: Record<string, string> = {}): SpawnSyncReturns<string> {
  const { NODE_TEST_CONTEXT: _context, ...inherited } = process.env;
  return spawnSync(process.execPath, ['--import', 'tsx', '--test-reporter=spec', join(ROOT, 'scripts', 'test-together.mjs'), ...files], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...inherited, ...env },
    timeout: 120_000,
  });
}
