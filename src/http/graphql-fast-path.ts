/**
 * Internal. The front of the HTTP server, before Express: GET and POST /graphql get the
 * edge checks here (CORS, then the rate limit: the same middleware instances Express would
 * run, so the same headers and one budget), and a response-cache hit is answered here
 * (`answerHit`, with its ETag / 304), without Express's router, body parser or Apollo.
 * Anything else falls through to Express unchanged: other paths and methods, a miss, a
 * refused key or a GET without the CSRF-prevention header (Apollo answers those), and any
 * body that is not plain JSON within the limit (Express's body parser answers 413 / 415).
 * A plain JSON POST body is read here by the JSON body parser's rules (`pre-read-body.ts`)
 * and handed on, so Express does not read it again; Express skips the edge checks for a
 * request that passed them here (`unlessEdgeChecked`).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse as parseQueryString } from 'node:querystring';
import type { ErrorRequestHandler, Express, Request, RequestHandler, Response } from 'express';
import type { ResponseCache } from '../api/response-cache';
import type { Authenticator } from '../security/authenticate';
import { plainJsonLength, readPlainJson } from './pre-read-body';
import { answerHit, cacheLookupOf } from './serve-cached-responses';

export interface FastPathOptions {
  /** The Express app behind it: its request and response prototypes (trust proxy, `res.status`…). */
  readonly app: Express;
  readonly cache: ResponseCache;
  readonly authenticate: Authenticator;
  /** CORS and the rate limit, in the order Express would run them. */
  readonly edgeChecks: readonly RequestHandler[];
  readonly bodyLimitBytes: number;
  /** How an edge check's error (429) is answered: Express's own error handler. */
  readonly handleError: ErrorRequestHandler;
}

export type FastPath = (request: IncomingMessage, response: ServerResponse, fallThrough: () => void) => void;

const edgeChecked = new WeakSet<IncomingMessage>();

/** An edge check for Express's chain that a request which passed it on the fast path skips. */
export function unlessEdgeChecked(check: RequestHandler): RequestHandler {
  return (request, response, next) => {
    if (edgeChecked.has(request)) next();
    else void check(request, response, next);
  };
}

export function graphqlFastPath(options: FastPathOptions): FastPath {
  const { app, cache, authenticate, edgeChecks, bodyLimitBytes, handleError } = options;

  const answerOrFallThrough = (request: Request, response: Response, query: Record<string, unknown>, body: unknown, fallThrough: () => void): void => {
    const lookup = cacheLookupOf(request, query, body, authenticate);
    const hit = lookup === undefined ? undefined : cache.lookup(lookup);
    if (hit === undefined) fallThrough();
    else answerHit(request, response, hit);
  };

  return (incoming, outgoing, fallThrough) => {
    const url = incoming.url ?? '';
    const queryStart = url.indexOf('?');
    const pathname = queryStart < 0 ? url : url.slice(0, queryStart);
    const { method } = incoming;
    if (pathname !== '/graphql' || (method !== 'GET' && method !== 'POST')) {
      fallThrough();
      return;
    }
    const { request, response } = asExpress(app, incoming, outgoing);
    const fail = (error: unknown): void => {
      void handleError(error, request, response, () => outgoing.destroy());
    };
    runChecks(edgeChecks, request, response)
      .then(async (refusal) => {
        if (refusal !== undefined) {
          fail(refusal);
          return;
        }
        edgeChecked.add(incoming);
        if (method === 'GET') {
          answerOrFallThrough(request, response, queryStart < 0 ? {} : parseQueryString(url.slice(queryStart + 1)), undefined, fallThrough);
          return;
        }
        if (plainJsonLength(incoming, bodyLimitBytes) === undefined) {
          fallThrough();
          return;
        }
        const read = await readPlainJson(incoming);
        // The client went away mid-body: nobody to answer.
        if (read === undefined) return;
        // A body that does not parse is answered by Express's JSON body step, as ever.
        if ('error' in read) fallThrough();
        else answerOrFallThrough(request, response, {}, read.body, fallThrough);
      })
      .catch(fail);
  };
}

/** Gives a raw request and response Express's prototypes, as `app.handle` would. */
function asExpress(app: Express, incoming: IncomingMessage, outgoing: ServerResponse): { request: Request; response: Response } {
  Object.setPrototypeOf(incoming, app.request);
  Object.setPrototypeOf(outgoing, app.response);
  // The prototypes are now Express's: the objects are its Request and Response.
  const request = incoming as Request;
  const response = outgoing as Response;
  request.res = response;
  response.req = request;
  response.locals ??= Object.create(null) as Record<string, unknown>;
  return { request, response };
}

/** Runs the checks in order; resolves with the first one's error, or undefined when all pass. */
async function runChecks(checks: readonly RequestHandler[], request: Request, response: Response): Promise<unknown> {
  for (const check of checks) {
    const error = await new Promise<unknown>((resolve, reject) => {
      try {
        void check(request, response, (failure?: unknown) => resolve(failure === 'route' || failure === 'router' ? undefined : failure));
      } catch (thrown) {
        reject(thrown instanceof Error ? thrown : new Error(String(thrown)));
      }
    });
    if (error !== undefined && error !== null) return error;
  }
  return undefined;
}
