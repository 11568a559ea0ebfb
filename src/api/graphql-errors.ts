/**
 * Internal. Errors as GraphQL errors: the codes of `src/errors.ts` in `extensions.code`, and
 * the HTTP status of those that refuse the request as a whole (401, 403, and 400 for an
 * operation too complex to run). Any other error in a
 * GraphQL answer leaves the status at 200, as GraphQL over HTTP expects of a field error.
 */
import { GraphQLError } from 'graphql';
import { deniedError, ErrorCode, HTTP_STATUS, toClientError, type ServiceError } from '../errors';
import type { Denial } from '../security/check-role';

declare module 'graphql' {
  interface GraphQLErrorExtensions {
    code?: ErrorCode | string;
    /** The argument at fault, for BAD_USER_INPUT and NOT_FOUND. */
    argumentName?: string;
  }
}

/** Codes that refuse the request as a whole, so they also set the HTTP status. */
const REQUEST_REFUSALS: ReadonlySet<ErrorCode> = new Set([ErrorCode.UNAUTHENTICATED, ErrorCode.FORBIDDEN, ErrorCode.QUERY_TOO_COMPLEX]);

/** `error` as a GraphQL error, with its code (and status and headers when it refuses the caller). */
export function toGraphQLError(error: ServiceError): GraphQLError {
  const client = toClientError(error);
  const http = REQUEST_REFUSALS.has(client.code)
    ? { http: { status: HTTP_STATUS[client.code], headers: new Map(Object.entries(client.headers)) } }
    : {};
  return new GraphQLError(client.message, {
    extensions: { code: client.code, ...(client.argumentName === undefined ? {} : { argumentName: client.argumentName }), ...http },
  });
}

/** A refused role check (`security/check-role.ts`) as a GraphQL error. */
export function refusal(denial: Denial): GraphQLError {
  return toGraphQLError(deniedError(denial));
}
