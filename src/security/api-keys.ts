/**
 * Public. API keys from configuration (`API_KEYS="alice:editor:<secret>,bob:reader:<secret>"`):
 * parsed and checked once at start, after which only a SHA-256 digest of each secret is
 * kept, so a logged or dumped config never holds a usable key.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';

const API_KEY_ROLES = ['reader', 'editor'] as const;
export type ApiKeyRole = (typeof API_KEY_ROLES)[number];

export interface ApiKey {
  /** Who holds the key; recorded in the audit log as the editor of a change. */
  readonly name: string;
  readonly role: ApiKeyRole;
  /** SHA-256 of the secret: equal length for every key, as `timingSafeEqual` needs. */
  readonly secretDigest: Buffer;
}

/** Shortest secret accepted: 16 characters of a random token is already ~96 bits. */
const MIN_SECRET_LENGTH = 16;
const MAX_SECRET_LENGTH = 256;
const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
// RFC 6750 b64token characters, so every secret can travel in `Authorization: Bearer`.
const SECRET = /^[A-Za-z0-9\-._~+/]+=*$/;

export function digestSecret(secret: string): Buffer {
  return createHash('sha256').update(secret, 'utf8').digest();
}

/**
 * Parses `name:role:secret` entries separated by commas. Problems name the entry by its
 * position and key name, never by its secret.
 */
export function parseApiKeys(text: string): { keys: ApiKey[]; problems: string[] } {
  const keys: ApiKey[] = [];
  const problems: string[] = [];
  const names = new Set<string>();
  const digests = new Set<string>();
  const entries = text
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0);
  entries.forEach((entry, index) => {
    const where = `entry ${index + 1}`;
    const first = entry.indexOf(':');
    const second = first < 0 ? -1 : entry.indexOf(':', first + 1);
    if (second < 0) {
      problems.push(`${where}: expected name:role:secret`);
      return;
    }
    const name = entry.slice(0, first);
    const role = z.enum(API_KEY_ROLES).safeParse(entry.slice(first + 1, second));
    const secret = entry.slice(second + 1);
    if (!NAME.test(name)) problems.push(`${where}: name must be 1-64 letters, digits, ".", "_" or "-"`);
    if (!role.success) problems.push(`${where} (${name}): role must be one of ${API_KEY_ROLES.join(', ')}`);
    if (secret.length < MIN_SECRET_LENGTH || secret.length > MAX_SECRET_LENGTH || !SECRET.test(secret)) {
      problems.push(
        `${where} (${name}): secret must be ${MIN_SECRET_LENGTH}-${MAX_SECRET_LENGTH} characters of A-Z a-z 0-9 - . _ ~ + / (e.g. openssl rand -hex 24)`,
      );
    }
    if (names.has(name)) problems.push(`${where}: name ${JSON.stringify(name)} is used by an earlier key`);
    const digest = digestSecret(secret);
    if (digests.has(digest.toString('hex'))) problems.push(`${where} (${name}): secret is the same as an earlier key's`);
    names.add(name);
    digests.add(digest.toString('hex'));
    if (role.success) keys.push({ name, role: role.data, secretDigest: digest });
  });
  return problems.length > 0 ? { keys: [], problems } : { keys, problems };
}
