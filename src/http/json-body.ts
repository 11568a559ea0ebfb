/**
 * Internal. The body of a POST to /graphql: it must be JSON (anything else — a form,
 * text/plain, XML, no content type — is refused 415 before a byte is read) of at most
 * BODY_LIMIT_BYTES (413, compressed bodies counted inflated), be UTF-8 (another charset 415,
 * bytes that are not valid UTF-8 400: decoding them would silently put U+FFFD in their
 * place), and parse (400). The body
 * parser's errors are turned into ServiceErrors here, the one place that knows them. A plain
 * JSON body may have been read already by the fast path (`pre-read-body.ts`), before Express.
 */
import { isUtf8 } from 'node:buffer';
import express, { type RequestHandler } from 'express';
import { ErrorCode, ServiceError } from '../errors';
import { bodyParserError, takePreReadBody } from './pre-read-body';

const JSON_TYPE = /^application\/json\s*(?:;|$)/i;

/** body-parser's error `type`s and what the client is told for each. */
function bodyError(error: unknown, limitBytes: number): unknown {
  const { type, status } = (error ?? {}) as { type?: unknown; status?: unknown };
  if (type === 'entity.too.large') return new ServiceError(ErrorCode.PAYLOAD_TOO_LARGE, `request body larger than ${limitBytes} bytes`);
  if (type === 'utf8.invalid') return new ServiceError(ErrorCode.BAD_REQUEST, 'request body is not valid UTF-8');
  if (type === 'encoding.unsupported' || type === 'charset.unsupported') {
    return new ServiceError(ErrorCode.UNSUPPORTED_MEDIA_TYPE, 'unsupported request body encoding or charset; send UTF-8 JSON');
  }
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return new ServiceError(ErrorCode.BAD_REQUEST, 'malformed request body: expected JSON');
  }
  return error;
}

/** Runs on the raw (inflated) bytes before they are decoded. */
function requireUtf8(_request: unknown, _response: unknown, body: Buffer, encoding: string): void {
  if (encoding.toLowerCase() !== 'utf-8') throw bodyParserError(415, 'charset.unsupported', `unsupported charset ${encoding}`);
  if (!isUtf8(body)) throw bodyParserError(400, 'utf8.invalid', 'request body is not valid UTF-8');
}

export function jsonBody(limitBytes: number): RequestHandler[] {
  const parse = express.json({ limit: limitBytes, verify: requireUtf8 });
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
    // The fast path read this body already (by the same rules): the stream is consumed.
    const preRead = takePreReadBody(request);
    if (preRead !== undefined) {
      if ('error' in preRead) next(bodyError(preRead.error, limitBytes));
      else {
        request.body = preRead.body;
        next();
      }
      return;
    }
    parse(request, response, (error?: unknown) => next(error === undefined ? undefined : bodyError(error, limitBytes)));
  };
  return [requireJson, parseJson];
}
