/**
 * Internal. The end of the Express chain: a 404 for any route not served, and the one error
 * handler, which answers every error raised before or beside GraphQL (body limits, rate
 * limit, exports, readiness, …) as RFC 9457 problem details. The error is read by
 * `toClientError` (src/errors.ts); anything unexpected is logged and answered 500.
 */
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { ErrorCode, PROBLEM_CONTENT_TYPE, problemDetails, ServiceError, toClientError } from '../errors';
import type { Logger } from '../logger';

/** The codes of client errors that Express's own parts (express.static, body parsers) raise with a `status`. */
const LIBRARY_STATUS_CODES: Readonly<Record<number, ErrorCode>> = {
  404: ErrorCode.NOT_FOUND,
  413: ErrorCode.PAYLOAD_TOO_LARGE,
  415: ErrorCode.UNSUPPORTED_MEDIA_TYPE,
};

/** An http-errors error (Express's libraries) with a 4xx status as a ServiceError; anything else as it is. */
function fromLibrary(error: unknown): unknown {
  if (error instanceof ServiceError) return error;
  const status = (error as { status?: unknown } | null)?.status;
  if (typeof status !== 'number' || status < 400 || status > 499) return error;
  return new ServiceError(LIBRARY_STATUS_CODES[status] ?? ErrorCode.BAD_REQUEST, `the request could not be served (HTTP ${status})`);
}

export function notFound(): RequestHandler {
  return (_request, _response, next) => {
    next(new ServiceError(ErrorCode.NOT_FOUND, 'nothing here: the API is at /graphql, the explorer at /explorer/'));
  };
}

export function handleErrors(logger: Logger): ErrorRequestHandler {
  return (error: unknown, _request, response, next) => {
    if (response.headersSent) {
      next(error);
      return;
    }
    const client = toClientError(fromLibrary(error));
    if (client.logged) logger.error({ err: error }, 'request failed');
    response
      .status(client.status)
      .set(client.headers)
      .type(PROBLEM_CONTENT_TYPE)
      .send(JSON.stringify(problemDetails(client)));
  };
}
