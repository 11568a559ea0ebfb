/**
 * Public. The errors a client can see, in one place below everything that answers one: the
 * codes, the HTTP status of each, which error class carries which code, and the body of an
 * answer that is not GraphQL (RFC 9457 problem details). The GraphQL edge
 * (`api/format-error.ts`) and the HTTP edge (`http/handle-errors.ts`) both read an error
 * through `toClientError`, so each error class is mapped once, here.
 */
import type { Denial } from './security/check-role';
import { ConflictError, InvalidArgumentError, NotFoundError, StoreTimeoutError, StoreUnavailableError } from './store/GraphStore';

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
  /** A POST whose body is not JSON, or in a charset other than UTF-8 (HTTP 415). */
  UNSUPPORTED_MEDIA_TYPE = 'UNSUPPORTED_MEDIA_TYPE',
  /** Malformed HTTP request: bad JSON, a body that is not valid UTF-8, CSRF-unsafe request, subscription (HTTP 400). */
  BAD_REQUEST = 'BAD_REQUEST',
  /** The service cannot answer yet: the graph is not loaded, the store or the journal does not answer (HTTP 503). */
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
  /**
   * The operation costs too much, refused before anything runs (HTTP 400; the message names
   * the cost and the limit): its fields times the pages around them above MAX_COST, or its
   * analytics (layouts, centrality, communities…) estimated above MAX_ANALYTICS_COST.
   */
  QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX',
  /** An analytics computation overran ANALYTICS_TIMEOUT_MS, or the request's ANALYTICS_REQUEST_BUDGET_MS; worth retrying with less (HTTP 503). */
  ANALYTICS_TIMEOUT = 'ANALYTICS_TIMEOUT',
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
  [ErrorCode.BAD_REQUEST]: 400,
  [ErrorCode.SERVICE_UNAVAILABLE]: 503,
  [ErrorCode.QUERY_TOO_COMPLEX]: 400,
  [ErrorCode.ANALYTICS_TIMEOUT]: 503,
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

/**
 * An error class of a layer above this module (the curation journal's) that says itself what
 * a client is told, so it is mapped once, where it is defined: its code, and a message
 * without the operator's details (file paths, settings), which whoever answers logs instead.
 */
export interface ClientFacing {
  readonly clientCode: ErrorCode;
  readonly clientMessage: string;
}

function isClientFacing(error: unknown): error is Error & ClientFacing {
  if (!(error instanceof Error)) return false;
  const { clientCode, clientMessage } = error as Partial<ClientFacing>;
  return typeof clientMessage === 'string' && Object.values(ErrorCode).includes(clientCode as ErrorCode);
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
  /** Whoever answers logs the original: it was unexpected, or its details are for the operator only. */
  readonly logged: boolean;
}

/** The store's error classes and their codes (a subclass, e.g. curation's InvalidChangeError, takes its parent's). */
const STORE_ERROR_CODES: readonly (readonly [abstract new (...args: never[]) => Error, ErrorCode])[] = [
  [InvalidArgumentError, ErrorCode.BAD_USER_INPUT],
  [NotFoundError, ErrorCode.NOT_FOUND],
  [ConflictError, ErrorCode.CONFLICT],
  [StoreTimeoutError, ErrorCode.STORE_TIMEOUT],
  [StoreUnavailableError, ErrorCode.SERVICE_UNAVAILABLE],
];

function clientError(code: ErrorCode, message: string, argumentName?: string, forOperator = false): ClientError {
  const unexpected = code === ErrorCode.INTERNAL_SERVER_ERROR;
  return {
    code,
    status: HTTP_STATUS[code],
    message,
    ...(argumentName === undefined ? {} : { argumentName }),
    headers: HEADERS[code] ?? {},
    unexpected,
    logged: unexpected || forOperator,
  };
}

/** The one reading of any error for a client; anything not raised on purpose becomes INTERNAL_SERVER_ERROR. */
export function toClientError(error: unknown): ClientError {
  if (error instanceof ServiceError) return clientError(error.code, error.message, error.argumentName);
  for (const [type, code] of STORE_ERROR_CODES) {
    if (error instanceof type) return clientError(code, error.message);
  }
  if (isClientFacing(error)) return clientError(error.clientCode, error.clientMessage, undefined, true);
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
