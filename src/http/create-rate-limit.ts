/**
 * Internal. Per-client rate limit on /graphql and the exports (clients told apart by IP
 * address, IPv6 by /56 as express-rate-limit does; behind a proxy, set TRUST_PROXY so the
 * address is the client's). Over the limit the answer is 429 RATE_LIMITED, as problem
 * details, with a `Retry-After` header and the IETF `RateLimit` headers. The key is never a
 * bearer token: a client could mint a fresh bucket per request by sending random ones. The
 * counters are held for at most RATE_LIMIT_MAX_CLIENTS clients (`bounded-rate-store.ts`).
 */
import type { RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import { ErrorCode, ServiceError } from '../errors';
import type { Logger } from '../logger';
import { BoundedRateStore } from './bounded-rate-store';

/** Clients whose counters are held at once (README, Limits); past it the oldest window is forgotten. */
export const RATE_LIMIT_MAX_CLIENTS = 10_000;

export function createRateLimit(
  options: { readonly max: number; readonly windowMs: number },
  logger: Logger,
  store: BoundedRateStore = new BoundedRateStore(RATE_LIMIT_MAX_CLIENTS),
): RequestHandler {
  const windowSeconds = Math.ceil(options.windowMs / 1000);
  return rateLimit({
    store,
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
