/**
 * Internal. The type definitions, read from schema/*.graphql (the source of truth).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../project-root';

const SCHEMA_DIR = path.join(PROJECT_ROOT, 'schema');

export function loadTypeDefs(): string {
  return readdirSync(SCHEMA_DIR)
    .filter((name) => name.endsWith('.graphql'))
    .sort()
    .map((name) => readFileSync(path.join(SCHEMA_DIR, name), 'utf8'))
    .join('\n');
}
