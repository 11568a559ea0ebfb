/**
 * The test run's temp folder is in effect: what a test makes under os.tmpdir() lands in the
 * run's own folder, which the run's teardown removes (test/support/temp-root.ts).
 */
import { tmpdir } from 'node:os';
import { TEST_TEMP_ROOT } from '../support/temp-root';

it('makes temp folders under the run folder that the teardown removes', () => {
  const root = process.env[TEST_TEMP_ROOT];
  expect(root).toMatch(/cities-kg-test-run-/);
  expect(tmpdir()).toBe(root);
});
