/**
 * Who is calling: a valid bearer key gives its name and role, no header is anonymous, and
 * anything else sent as a credential is rejected (never silently anonymous).
 */
import { parseApiKeys } from '../../src/security/api-keys';
import { createAuthenticator } from '../../src/security/authenticate';

const EDITOR = 'editor-secret-0123456789';
const READER = 'reader-secret-0123456789';
const { keys } = parseApiKeys(`alice:editor:${EDITOR},bob:reader:${READER}`);
const authenticate = createAuthenticator(keys);

it('recognises each key by its secret, whatever the scheme case', () => {
  expect(authenticate(`Bearer ${EDITOR}`)).toEqual({ kind: 'key', name: 'alice', role: 'editor' });
  expect(authenticate(`bearer ${READER}`)).toEqual({ kind: 'key', name: 'bob', role: 'reader' });
});

it('treats a missing or blank header as anonymous', () => {
  expect(authenticate(undefined)).toEqual({ kind: 'anonymous' });
  expect(authenticate('   ')).toEqual({ kind: 'anonymous' });
});

it('rejects unknown keys, prefixes and extensions of real keys, other schemes and huge headers', () => {
  for (const header of [
    'Bearer not-a-key-at-all-000000',
    `Bearer ${EDITOR.slice(0, -1)}`,
    `Bearer ${EDITOR}0`,
    `Basic ${Buffer.from(`alice:${EDITOR}`).toString('base64')}`,
    EDITOR,
    'Bearer',
    `Bearer ${EDITOR} ${READER}`,
    `Bearer ${'x'.repeat(10_000)}`,
  ]) {
    expect(authenticate(header).kind).toBe('rejected');
  }
});

it('knows no one when no keys are configured', () => {
  expect(createAuthenticator([])(`Bearer ${EDITOR}`).kind).toBe('rejected');
});
