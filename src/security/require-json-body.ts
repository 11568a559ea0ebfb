/**
 * Internal. A POST to /graphql must carry JSON: anything else (a form, text/plain, XML, no
 * content type) is answered 415 with a GraphQL-shaped error instead of reaching Apollo
 * without a body. Runs before the JSON parser, so such bodies are never read.
 */
import type { RequestHandler } from 'express';
import { ErrorCode } from '../api/errors';

const JSON_TYPE = /^application\/json\s*(?:;|$)/i;

export function requireJsonBody(): RequestHandler {
  return (request, response, next) => {
    const contentType = request.headers['content-type'] ?? '';
    if (request.method !== 'POST' || JSON_TYPE.test(contentType)) {
      next();
      return;
    }
    response.status(415).json({
      errors: [
        {
          message: `POST /graphql needs "content-type: application/json", got ${JSON.stringify(contentType.slice(0, 100) || 'none')}`,
          extensions: { code: ErrorCode.UNSUPPORTED_MEDIA_TYPE },
        },
      ],
    });
  };
}
