/**
 * Public. The role checks: mutations need an `editor` key; queries need any key unless they
 * are public; a credential that is sent but not valid is refused everywhere, so a mistyped
 * key fails loudly instead of silently reading as anonymous.
 */
import type { GraphQLError } from 'graphql';
import { forbidden, unauthenticated } from '../api/errors';
import type { ApiKeyRole } from './api-keys';
import type { Principal } from './authenticate';

/** The caller with a valid key, or the error to answer with. */
export function checkRole(
  principal: Principal,
  needed: ApiKeyRole | 'any',
  what: string,
): { ok: true; name: string; role: ApiKeyRole } | { ok: false; error: GraphQLError } {
  switch (principal.kind) {
    case 'rejected':
      return { ok: false, error: unauthenticated(`${what}: ${principal.reason}`) };
    case 'anonymous':
      return {
        ok: false,
        error: unauthenticated(
          `${what}: an API key${needed === 'any' ? '' : ` with the ${needed} role`} is needed; send "Authorization: Bearer <key>"`,
        ),
      };
    case 'key':
      if (needed === 'editor' && principal.role !== 'editor') {
        return { ok: false, error: forbidden(`${what}: the key "${principal.name}" has the ${principal.role} role; this needs editor`) };
      }
      return { ok: true, name: principal.name, role: principal.role };
  }
}

/** `checkRole` that throws; returns the key's name (the editor recorded in the audit log). */
export function requireRole(principal: Principal, needed: ApiKeyRole | 'any', what: string): string {
  const result = checkRole(principal, needed, what);
  if (!result.ok) throw result.error;
  return result.name;
}
