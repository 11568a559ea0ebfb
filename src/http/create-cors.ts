/**
 * Internal. CORS for /graphql from an allow-list of exact origins (CORS_ORIGINS). With an
 * empty list no CORS header is ever sent, so browsers keep other origins out; same-origin
 * pages (the explorer) and non-browser clients are unaffected either way.
 */
import cors from 'cors';

/** The cors middleware: it needs only Node's request and response (the fast path runs it before Express). */
export type CorsHandler = ReturnType<typeof cors>;

export function createCors(origins: readonly string[]): CorsHandler {
  const allowed = new Set(origins);
  const handler = cors({
    origin: (origin, callback) => callback(null, origin !== undefined && allowed.has(origin)),
    methods: ['GET', 'POST', 'OPTIONS'],
    // `apollo-require-preflight` lets browser GETs pass Apollo's CSRF prevention.
    allowedHeaders: ['content-type', 'authorization', 'apollo-require-preflight'],
    credentials: false,
    maxAge: 600,
  });
  // Without an Origin header the origin check below answers false and cors does nothing:
  // skipping it saves every non-browser request its closures.
  return (request, response, next) => {
    if (request.headers.origin === undefined) next();
    else handler(request, response, next);
  };
}
