/**
 * Public. The role checks: mutations need an `editor` key; queries need any key unless they
 * are public; a credential that is sent but not valid is refused everywhere, so a mistyped
 * key fails loudly instead of silently reading as anonymous. Pure: it returns a result, and
 * the edges (`api/`, `http/`) answer a refusal (`deniedError` in `src/errors.ts`).
 */
import type { ApiKeyRole } from './api-keys';
import type { Principal } from './authenticate';

/** Why a caller is refused: no usable key (401), or a key whose role may not (403). */
export interface Denial {
  readonly kind: 'unauthenticated' | 'forbidden';
  readonly message: string;
}

export type RoleCheck =
  { readonly ok: true; readonly name: string; readonly role: ApiKeyRole } | { readonly ok: false; readonly denial: Denial };

/** Whether `principal` may do `what`, which needs a key of the `needed` role (or any key). */
export function checkRole(principal: Principal, needed: ApiKeyRole | 'any', what: string): RoleCheck {
  switch (principal.kind) {
    case 'rejected':
      return { ok: false, denial: { kind: 'unauthenticated', message: `${what}: ${principal.reason}` } };
    case 'anonymous':
      return {
        ok: false,
        denial: {
          kind: 'unauthenticated',
          message: `${what}: an API key${needed === 'any' ? '' : ` with the ${needed} role`} is needed; send "Authorization: Bearer <key>"`,
        },
      };
    case 'key':
      if (needed === 'editor' && principal.role !== 'editor') {
        return {
          ok: false,
          denial: { kind: 'forbidden', message: `${what}: the key "${principal.name}" has the ${principal.role} role; this needs editor` },
        };
      }
      return { ok: true, name: principal.name, role: principal.role };
  }
}

/** Whether `principal` may read (queries, exports): anyone when queries are public, but never a credential that is not valid. */
export function checkReadAccess(
  principal: Principal,
  publicQueries: boolean,
  what: string,
): { readonly ok: true } | { readonly ok: false; readonly denial: Denial } {
  if (principal.kind === 'anonymous' && publicQueries) return { ok: true };
  const check = checkRole(principal, 'any', what);
  return check.ok ? { ok: true } : check;
}
