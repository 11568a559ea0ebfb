/**
 * Internal. Per-client rate limit on /graphql and the exports (clients told apart by IP
 * address, IPv6 by /56 as express-rate-limit does; behind a proxy, set TRUST_PROXY so the
 * address is the client's). Over the limit the answer is 429 RATE_LIMITED, as problem
 * details, with a `Retry-After` header and the IETF `RateLimit` headers. The key is never a
 * bearer token: a client could mint a fresh bucket per request by sending random ones.
 */
import type { RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import { ErrorCode, ServiceError } from '../errors';
import type { Logger } from '../logger';

export function createRateLimit(options: { readonly max: number; readonly windowMs: number }, logger: Logger): RequestHandler {
  const windowSeconds = Math.ceil(options.windowMs / 1000);
  return rateLimit({
    windowMs: options.windowMs,
    limit: options.max,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    // express-rate-limit's configuration warnings go to our log, not to the console.
    logger: {
      warn: (...args: unknown[]) => logger.warn({ args }, 'rate limit'),
      error: (...args: unknown[]) => logger.error({ args }, 'rate limit'),
    },
    handler: (_request, response, next) => {
      const seconds = response.getHeader('retry-after') ?? windowSeconds;
      next(
        new ServiceError(
          ErrorCode.RATE_LIMITED,
          `too many requests: at most ${options.max} per ${windowSeconds} s from one client; retry after ${String(seconds)} s`,
        ),
      );
    },
  });
}
