/**
 * Internal. The role check of a resolver that writes or names editors: the key's name (the
 * editor recorded in the audit log), or a GraphQL error that refuses the caller.
 */
import type { ApiKeyRole } from '../security/api-keys';
import type { Principal } from '../security/authenticate';
import { checkRole } from '../security/check-role';
import { refusal } from './graphql-errors';

export function requireRole(principal: Principal, needed: ApiKeyRole | 'any', what: string): string {
  const check = checkRole(principal, needed, what);
  if (!check.ok) throw refusal(check.denial);
  return check.name;
}
