/**
 * Public. The errors a client can see, in one place below everything that answers one: the
 * codes, the HTTP status of each, which error class carries which code, and the body of an
 * answer that is not GraphQL (RFC 9457 problem details). The GraphQL edge
 * (`api/format-error.ts`) and the HTTP edge (`http/handle-errors.ts`) both read an error
 * through `toClientError`, so each error class is mapped once, here.
 */
import type { Denial } from './security/check-role';
import { ConflictError, InvalidArgumentError, NotFoundError, StoreTimeoutError } from './store/GraphStore';

export enum ErrorCode {
  /** An argument or a query parameter is malformed or out of bounds (HTTP 400). */
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  /** A required entity, or the route, does not exist (HTTP 404). */
  NOT_FOUND = 'NOT_FOUND',
  /** A write contradicts what the graph holds (HTTP 409). */
  CONFLICT = 'CONFLICT',
  /** The store did not answer within STORE_TIMEOUT_MS; worth retrying (HTTP 503). */
  STORE_TIMEOUT = 'STORE_TIMEOUT',
  /** No API key, or one that is not valid, where a key is needed (HTTP 401). */
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  /** A valid key whose role may not do this (HTTP 403). */
  FORBIDDEN = 'FORBIDDEN',
  /** Too many requests from this client (HTTP 429, with Retry-After). */
  RATE_LIMITED = 'RATE_LIMITED',
  /** The request body is larger than BODY_LIMIT_BYTES (HTTP 413). */
  PAYLOAD_TOO_LARGE = 'PAYLOAD_TOO_LARGE',
  /** A POST whose body is not JSON, or not UTF-8 (HTTP 415). */
  UNSUPPORTED_MEDIA_TYPE = 'UNSUPPORTED_MEDIA_TYPE',
  /** A GraphQL operation that costs more than MAX_COST (HTTP 400); the message names the cost and the limit. */
  QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX',
  /** Malformed HTTP request: bad JSON, CSRF-unsafe request, subscription (HTTP 400). */
  BAD_REQUEST = 'BAD_REQUEST',
  /** The service cannot answer yet: the graph is not loaded, the store or the journal does not answer (HTTP 503). */
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
  /** Anything nobody raised on purpose; the message is generic and the original is logged (HTTP 500). */
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

/** The HTTP status each code answers with. */
export const HTTP_STATUS: Readonly<Record<ErrorCode, number>> = {
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.CONFLICT]: 409,
  [ErrorCode.STORE_TIMEOUT]: 503,
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.RATE_LIMITED]: 429,
  [ErrorCode.PAYLOAD_TOO_LARGE]: 413,
  [ErrorCode.UNSUPPORTED_MEDIA_TYPE]: 415,
  [ErrorCode.QUERY_TOO_COMPLEX]: 400,
  [ErrorCode.BAD_REQUEST]: 400,
  [ErrorCode.SERVICE_UNAVAILABLE]: 503,
  [ErrorCode.INTERNAL_SERVER_ERROR]: 500,
};

/** RFC 9110's reason phrase of each status used: the title of an `about:blank` problem. */
const REASON_PHRASE: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** Headers that go with a code wherever it is answered. */
const HEADERS: Partial<Record<ErrorCode, Readonly<Record<string, string>>>> = {
  [ErrorCode.UNAUTHENTICATED]: { 'www-authenticate': 'Bearer realm="cities-kg"' },
};

/** An error the service raises on purpose, with the code the client sees and a message written for it. */
export class ServiceError extends Error {
  override readonly name = 'ServiceError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** The argument at fault, for BAD_USER_INPUT and NOT_FOUND. */
    readonly argumentName?: string,
  ) {
    super(message);
  }
}

export function badUserInput(message: string, argumentName?: string): ServiceError {
  return new ServiceError(ErrorCode.BAD_USER_INPUT, message, argumentName);
}

export function notFound(message: string, argumentName?: string): ServiceError {
  return new ServiceError(ErrorCode.NOT_FOUND, message, argumentName);
}

/** What a client is told about an error. */
export interface ClientError {
  readonly code: ErrorCode;
  readonly status: number;
  readonly message: string;
  readonly argumentName?: string;
  readonly headers: Readonly<Record<string, string>>;
  /** Nobody raised it on purpose: the message is generic, and whoever answers logs the original. */
  readonly unexpected: boolean;
}

/** The store's error classes and their codes (a subclass, e.g. curation's InvalidChangeError, takes its parent's). */
const STORE_ERROR_CODES: readonly (readonly [abstract new (...args: never[]) => Error, ErrorCode])[] = [
  [InvalidArgumentError, ErrorCode.BAD_USER_INPUT],
  [NotFoundError, ErrorCode.NOT_FOUND],
  [ConflictError, ErrorCode.CONFLICT],
  [StoreTimeoutError, ErrorCode.STORE_TIMEOUT],
];

function clientError(code: ErrorCode, message: string, argumentName?: string): ClientError {
  return {
    code,
    status: HTTP_STATUS[code],
    message,
    ...(argumentName === undefined ? {} : { argumentName }),
    headers: HEADERS[code] ?? {},
    unexpected: code === ErrorCode.INTERNAL_SERVER_ERROR,
  };
}

/** The one reading of any error for a client; anything not raised on purpose becomes INTERNAL_SERVER_ERROR. */
export function toClientError(error: unknown): ClientError {
  if (error instanceof ServiceError) return clientError(error.code, error.message, error.argumentName);
  for (const [type, code] of STORE_ERROR_CODES) {
    if (error instanceof type) return clientError(code, error.message);
  }
  return clientError(ErrorCode.INTERNAL_SERVER_ERROR, 'Internal server error');
}

/** The error of a refused role check (`security/check-role.ts`). */
export function deniedError(denial: Denial): ServiceError {
  const code = denial.kind === 'unauthenticated' ? ErrorCode.UNAUTHENTICATED : ErrorCode.FORBIDDEN;
  return new ServiceError(code, denial.message);
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/**
 * RFC 9457 problem details. The type is `about:blank` (no problem type of its own, so the
 * title is the status's reason phrase); `code` is the stable name clients branch on.
 */
export interface ProblemDetails {
  readonly type: 'about:blank';
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly code: ErrorCode;
}

/** The body of an answer that is not GraphQL. */
export function problemDetails(error: ClientError): ProblemDetails {
  return {
    type: 'about:blank',
    title: REASON_PHRASE[error.status] ?? 'Error',
    status: error.status,
    detail: error.message,
    code: error.code,
  };
}
