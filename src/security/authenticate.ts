/**
 * Public. Who is calling: the principal behind an `Authorization: Bearer <secret>` header.
 * Secrets are compared in constant time over SHA-256 digests (equal length whatever was
 * sent), and every key is compared, so the time taken tells nothing about which key, or
 * how much of one, matched.
 */
import { timingSafeEqual } from 'node:crypto';
import { digestSecret, type ApiKey, type ApiKeyRole } from './api-keys';

export type Principal =
  | { readonly kind: 'anonymous' }
  | { readonly kind: 'key'; readonly name: string; readonly role: ApiKeyRole }
  /** A credential was sent but is not a valid key: refused even where anonymous access is allowed. */
  | { readonly kind: 'rejected'; readonly reason: string };

export const ANONYMOUS: Principal = { kind: 'anonymous' };

/** Longest header value looked at; longer ones cannot be a key this service issued. */
const MAX_AUTHORIZATION_LENGTH = 512;

export type Authenticator = (authorization: string | undefined) => Principal;

export function createAuthenticator(keys: readonly ApiKey[]): Authenticator {
  return (authorization) => {
    if (authorization === undefined || authorization.trim() === '') return ANONYMOUS;
    if (authorization.length > MAX_AUTHORIZATION_LENGTH) {
      return { kind: 'rejected', reason: 'the Authorization header is too long to hold an API key' };
    }
    const match = /^Bearer[ ]+(\S+)\s*$/i.exec(authorization);
    if (!match?.[1]) return { kind: 'rejected', reason: 'send the API key as "Authorization: Bearer <key>"' };
    const presented = digestSecret(match[1]);
    let found: ApiKey | undefined;
    for (const key of keys) {
      // No early exit: the loop costs the same whether the first, the last or no key matches.
      if (timingSafeEqual(presented, key.secretDigest) && found === undefined) found = key;
    }
    if (!found) return { kind: 'rejected', reason: 'the API key is not valid' };
    return { kind: 'key', name: found.name, role: found.role };
  };
}
