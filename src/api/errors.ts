/**
 * Public. The one place where errors meet the GraphQL edge: a public `ErrorCode` enum,
 * helpers to raise client errors, and `formatError`, which maps store errors to codes and
 * turns anything unknown into a generic INTERNAL_SERVER_ERROR (no stack, no internals).
 */
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { GraphStoreError, InvalidArgumentError, NotFoundError, StoreTimeoutError, ConflictError } from '../store/GraphStore';

export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  STORE_TIMEOUT = 'STORE_TIMEOUT',
  /** No API key, or one that is not valid, where a key is needed (HTTP 401). */
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  /** A valid key whose role may not do this (HTTP 403). */
  FORBIDDEN = 'FORBIDDEN',
  /** Too many requests from this client (HTTP 429, with Retry-After). */
  RATE_LIMITED = 'RATE_LIMITED',
  /** The request body is larger than BODY_LIMIT_BYTES (HTTP 413). */
  PAYLOAD_TOO_LARGE = 'PAYLOAD_TOO_LARGE',
  /** A POST whose body is not JSON (HTTP 415). */
  UNSUPPORTED_MEDIA_TYPE = 'UNSUPPORTED_MEDIA_TYPE',
  /** Malformed HTTP request: bad JSON, CSRF-unsafe request, wrong method (HTTP 400/405). */
  BAD_REQUEST = 'BAD_REQUEST',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

declare module 'graphql' {
  interface GraphQLErrorExtensions {
    code?: ErrorCode | string;
    /** The argument at fault, for BAD_USER_INPUT. */
    argumentName?: string;
  }
}

export function badUserInput(message: string, argumentName: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.BAD_USER_INPUT, argumentName } });
}

export function notFound(message: string, argumentName: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.NOT_FOUND, argumentName } });
}

/** No usable API key where one is needed; answered with HTTP 401 and `WWW-Authenticate: Bearer`. */
export function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: {
      code: ErrorCode.UNAUTHENTICATED,
      http: { status: 401, headers: new Map([['www-authenticate', 'Bearer realm="cities-kg"']]) },
    },
  });
}

/** A valid key whose role may not do this; answered with HTTP 403. */
export function forbidden(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.FORBIDDEN, http: { status: 403 } } });
}

function codeOfStoreError(error: GraphStoreError): ErrorCode {
  if (error instanceof InvalidArgumentError) return ErrorCode.BAD_USER_INPUT;
  if (error instanceof NotFoundError) return ErrorCode.NOT_FOUND;
  if (error instanceof ConflictError) return ErrorCode.CONFLICT;
  if (error instanceof StoreTimeoutError) return ErrorCode.STORE_TIMEOUT;
  return ErrorCode.INTERNAL_SERVER_ERROR;
}

/** Codes a client may see with their own message; everything else is masked. */
const CLIENT_CODES = new Set<string>([
  ErrorCode.BAD_USER_INPUT,
  ErrorCode.NOT_FOUND,
  ErrorCode.CONFLICT,
  ErrorCode.STORE_TIMEOUT,
  ErrorCode.UNAUTHENTICATED,
  ErrorCode.FORBIDDEN,
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
]);

export interface ErrorLog {
  error(details: { err: unknown }, message: string): void;
}

/** Apollo's `formatError`: never a stack trace, never an internal message. */
export function createFormatError(log: ErrorLog) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
    if (original instanceof GraphStoreError) {
      const code = codeOfStoreError(original);
      if (code !== ErrorCode.INTERNAL_SERVER_ERROR) {
        return { ...formatted, message: original.message, extensions: { ...extensions, code } };
      }
    }
    const code = typeof extensions.code === 'string' ? extensions.code : ErrorCode.INTERNAL_SERVER_ERROR;
    if (CLIENT_CODES.has(code)) return { ...formatted, extensions: { ...extensions, code } };
    log.error({ err: original }, 'unexpected error while resolving a request');
    return {
      message: 'Internal server error',
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    };
  };
}
