/**
 * Internal. The project's root folder, found by walking up from this file to the
 * `package.json` that names cities-kg, so that paths hold both from `src/` (tests) and
 * from `dist/src/` (the built server).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

function findProjectRoot(start: string): string {
  let dir = start;
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'cities-kg') {
      return dir;
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`cities-kg: no package.json named cities-kg above ${start}`);
    dir = parent;
  }
}

export const PROJECT_ROOT = findProjectRoot(__dirname);
