/**
 * Public. The read check for routes beside /graphql (the exports): the same rule as a
 * GraphQL query — public unless `PUBLIC_QUERIES=false`, and a credential that is sent but
 * not valid is refused everywhere — answered as HTTP 401 with a JSON body.
 */
import type { RequestHandler } from 'express';
import type { Authenticator } from './authenticate';
import { checkRole } from './require-role';

export function requireReadAccess(authenticate: Authenticator, publicQueries: boolean): RequestHandler {
  return (request, response, next) => {
    const principal = authenticate(request.headers.authorization);
    if (principal.kind === 'anonymous' && publicQueries) {
      next();
      return;
    }
    const result = checkRole(principal, 'any', `GET ${request.path}`);
    if (result.ok) {
      next();
      return;
    }
    response.status(401).set('WWW-Authenticate', 'Bearer').json({ error: result.error.message, code: result.error.extensions.code });
  };
}
