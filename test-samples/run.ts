// `npm run test:samples`: the checks on the sample articles beside the repository (test-samples/*.samples.ts).
// They are not part of `npm test`, which passes on any fresh clone; when the samples are absent this says
// where it looked and exits 0.

import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SAMPLE_ARTICLES_DIR } from './where.ts';

const HERE = fileURLToPath(new URL('.', import.meta.url));

if (!existsSync(join(SAMPLE_ARTICLES_DIR, 'STRUCTURE.json'))) {
  console.log(`没有找到样例文章，跳过样例检查。查找位置：${SAMPLE_ARTICLES_DIR}`);
  console.log(`No sample articles at ${SAMPLE_ARTICLES_DIR} (set DANGKE_SAMPLES_DIR to point elsewhere); nothing to check.`);
  process.exit(0);
}

console.log(`样例文章：${SAMPLE_ARTICLES_DIR}`);
const files = readdirSync(HERE)
  .filter((name) => name.endsWith('.samples.ts'))
  .sort()
  .map((name) => join(HERE, name));
const run = spawnSync(process.execPath, ['--import', 'tsx', '--test', ...files], { stdio: 'inherit' });
process.exit(run.status ?? 1);
