// Where the sample articles live: ../shared/articles beside the repository on the team's machines (real news
// text that is not the project's to ship), or wherever DANGKE_SAMPLES_DIR points.

import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('..', import.meta.url));

export const SAMPLE_ARTICLES_DIR = resolve(process.env['DANGKE_SAMPLES_DIR'] ?? resolve(REPO, '../shared/articles'));
