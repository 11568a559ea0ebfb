/**
 * One temp folder per test run (jest's globalSetup and globalTeardown): every test file, and
 * every server or browser a test starts, makes its folders and SQLite files under it (the
 * run's TMPDIR), and the whole folder is removed once every test has finished. Before, each
 * run left some 140 folders in the system's temp folder (curation journals, seed copies,
 * exports) that nothing removed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** The variable that names the run's folder (TMPDIR is set to it too). */
export const TEST_TEMP_ROOT = 'CITIES_KG_TEST_TEMP_ROOT';

export function createTempRoot(): void {
  const root = mkdtempSync(path.join(tmpdir(), 'cities-kg-test-run-'));
  // Workers and the processes tests spawn inherit the environment: os.tmpdir() reads TMPDIR.
  process.env[TEST_TEMP_ROOT] = root;
  process.env.TMPDIR = root;
}

export function removeTempRoot(): void {
  const root = process.env[TEST_TEMP_ROOT];
  if (root !== undefined) rmSync(root, { recursive: true, force: true });
}
