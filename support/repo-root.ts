import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The repository's root: the nearest folder up from here with cmg-planner's package.json. */
function repoRoot(): string {
  let dir = import.meta.dirname;
  while (!existsSync(join(dir, 'package.json')) || !readFileSync(join(dir, 'package.json'), 'utf8').includes('"name": "cmg-planner"')) {
    const up = join(dir, '..');
    if (up === dir) throw new Error('cmg-planner: cannot find the repository root from support/');
    dir = up;
  }
  return dir;
}

export const REPO_ROOT = repoRoot();
