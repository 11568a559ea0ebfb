/**
 * Internal. The body of a POST to /graphql: it must be JSON (anything else — a form,
 * text/plain, XML, no content type — is refused 415 before a byte is read) of at most
 * BODY_LIMIT_BYTES (413, compressed bodies counted inflated), and parse (400). The body
 * parser's errors are turned into ServiceErrors here, the one place that knows them.
 */
import express, { type RequestHandler } from 'express';
import { ErrorCode, ServiceError } from '../errors';

const JSON_TYPE = /^application\/json\s*(?:;|$)/i;

/** body-parser's error `type`s and what the client is told for each. */
function bodyError(error: unknown, limitBytes: number): unknown {
  const { type, status } = (error ?? {}) as { type?: unknown; status?: unknown };
  if (type === 'entity.too.large') return new ServiceError(ErrorCode.PAYLOAD_TOO_LARGE, `request body larger than ${limitBytes} bytes`);
  if (type === 'encoding.unsupported' || type === 'charset.unsupported') {
    return new ServiceError(ErrorCode.UNSUPPORTED_MEDIA_TYPE, 'unsupported request body encoding or charset; send UTF-8 JSON');
  }
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return new ServiceError(ErrorCode.BAD_REQUEST, 'malformed request body: expected JSON');
  }
  return error;
}

export function jsonBody(limitBytes: number): RequestHandler[] {
  const parse = express.json({ limit: limitBytes });
  const requireJson: RequestHandler = (request, _response, next) => {
    const contentType = request.headers['content-type'] ?? '';
    if (request.method !== 'POST' || JSON_TYPE.test(contentType)) {
      next();
      return;
    }
    next(
      new ServiceError(
        ErrorCode.UNSUPPORTED_MEDIA_TYPE,
        `POST /graphql needs "content-type: application/json", got ${JSON.stringify(contentType.slice(0, 100) || 'none')}`,
      ),
    );
  };
  const parseJson: RequestHandler = (request, response, next) => {
    parse(request, response, (error?: unknown) => next(error === undefined ? undefined : bodyError(error, limitBytes)));
  };
  return [requireJson, parseJson];
}
