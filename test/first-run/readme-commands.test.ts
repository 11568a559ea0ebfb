/**
 * The README promises only what exists: every `npm start`, `npm test` and `npm run X` it shows
 * is a script in package.json, and its configuration tables (those whose first column is
 * "variable") name exactly the environment variables src/config.ts reads.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ENVIRONMENT_VARIABLES } from '../../src/config';
import { PROJECT_ROOT } from '../../src/project-root';

const readme = readFileSync(path.join(PROJECT_ROOT, 'README.md'), 'utf8');
const scripts = Object.keys((JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { scripts: object }).scripts);

/** Script names the README runs (`npm run X` may wrap across a line). */
function scriptsShown(markdown: string): string[] {
  const named = [...markdown.matchAll(/\bnpm\s+run\s+([\w:-]+)/g)].map((match) => match[1] ?? '');
  const lifecycle = [...markdown.matchAll(/\bnpm\s+(start|test)\b/g)].map((match) => match[1] ?? '');
  return [...new Set([...named, ...lifecycle])].sort();
}

/** Variables named in the first column of every table headed `| variable | …`. */
function variablesDocumented(markdown: string): string[] {
  const found = new Set<string>();
  let inTable = false;
  for (const line of markdown.split('\n')) {
    if (/^\|\s*variable\s*\|/.test(line)) {
      inTable = true;
      continue;
    }
    if (!line.startsWith('|')) {
      inTable = false;
      continue;
    }
    if (!inTable) continue;
    const firstCell = line.split('|')[1] ?? '';
    for (const [, name = ''] of firstCell.matchAll(/`([A-Z][A-Z0-9_]*)`/g)) found.add(name);
  }
  return [...found].sort();
}

it('runs only scripts that package.json has', () => {
  const shown = scriptsShown(readme);
  expect(shown).toEqual(expect.arrayContaining(['start', 'test', 'export', 'import']));
  expect(shown.filter((name) => !scripts.includes(name))).toEqual([]);
});

it('documents every variable src/config.ts reads, and no other', () => {
  const documented = variablesDocumented(readme);
  expect({
    documentedButNotRead: documented.filter((name) => !ENVIRONMENT_VARIABLES.includes(name)),
    readButNotDocumented: ENVIRONMENT_VARIABLES.filter((name) => !documented.includes(name)),
  }).toEqual({ documentedButNotRead: [], readButNotDocumented: [] });
});

it('reads the README the way it is written', () => {
  const sample = [
    'Run `npm run\nvalidate`, then `npm start`.',
    '| variable | default |',
    '| --- | --- |',
    '| `PORT` | `4000` |',
    '| `NEO4J_USER` / `NEO4J_PASSWORD` | x |',
    '',
    '| caller | `NOT_A_VARIABLE` |',
  ].join('\n');
  expect(scriptsShown(sample)).toEqual(['start', 'validate']);
  expect(variablesDocumented(sample)).toEqual(['NEO4J_PASSWORD', 'NEO4J_USER', 'PORT']);
});
