// A coalition as kwaliteit 0.1.0 made it: its README and CI jobs (kept verbatim
// in templates/earlier/0.1.0/) and no package.json.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { init } from '../../src/commands/init.js';
import { REPO } from './run.js';

export const IDENTITY = { name: 'Coalitie Test', lead: 'OBS De Linde' };

export const earlier010 = (template: string) =>
  readFileSync(join(REPO, 'templates/earlier/0.1.0', template), 'utf8').replace(/\{\{(name|lead)\}\}/g, (_, key: 'name' | 'lead') => IDENTITY[key]);

export async function coalitionFrom010(root: string): Promise<void> {
  await init({ ...IDENTITY, municipality: ['Rivierstad'], subsidyPeriod: '2025-2028', periodFrom: '2025-09-01', periodTo: '2026-01-31', dir: root });
  writeFileSync(join(root, 'README.md'), earlier010('README.md'));
  writeFileSync(join(root, '.github/workflows/kwaliteit.yml'), earlier010('github-workflow.yml'));
  writeFileSync(join(root, '.gitlab-ci.yml'), earlier010('gitlab-ci.yml'));
  rmSync(join(root, 'package.json'));
}
