/**
 * Internal. Apollo's `formatError`, where every error of a GraphQL answer passes: a thrown
 * error is read through `toClientError` (src/errors.ts), a GraphQL error keeps the client code
 * it carries, and anything else becomes a generic INTERNAL_SERVER_ERROR, logged here. Never a
 * stack trace, never an internal message.
 */
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ErrorCode, toClientError } from '../errors';

/** Codes a GraphQL error may carry to a client with its own message: ours, and Apollo's request errors. */
const CLIENT_CODES: ReadonlySet<string> = new Set<string>([
  ...Object.values(ErrorCode).filter((code) => code !== ErrorCode.INTERNAL_SERVER_ERROR),
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

export interface ErrorLog {
  error(details: { err: unknown }, message: string): void;
}

export function createFormatError(log: ErrorLog) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
    if (original instanceof GraphQLError) {
      if (typeof extensions.code === 'string' && CLIENT_CODES.has(extensions.code)) return { ...formatted, extensions };
    } else {
      const client = toClientError(original);
      if (client.logged && !client.unexpected) log.error({ err: original }, 'request refused; the details are for the operator');
      if (!client.unexpected) {
        const argumentName = client.argumentName === undefined ? {} : { argumentName: client.argumentName };
        return { ...formatted, message: client.message, extensions: { ...extensions, code: client.code, ...argumentName } };
      }
    }
    log.error({ err: original }, 'unexpected error while resolving a request');
    return {
      message: 'Internal server error',
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    };
  };
}
