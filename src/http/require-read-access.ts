/**
 * Internal. The read check for routes beside /graphql (the exports): the same rule as a
 * GraphQL query (`checkReadAccess`), answered 401 UNAUTHENTICATED with `WWW-Authenticate`.
 */
import type { RequestHandler } from 'express';
import { deniedError } from '../errors';
import type { Authenticator } from '../security/authenticate';
import { checkReadAccess } from '../security/check-role';

export function requireReadAccess(authenticate: Authenticator, publicQueries: boolean): RequestHandler {
  return (request, _response, next) => {
    const check = checkReadAccess(authenticate(request.headers.authorization), publicQueries, `GET ${request.path}`);
    next(check.ok ? undefined : deniedError(check.denial));
  };
}
