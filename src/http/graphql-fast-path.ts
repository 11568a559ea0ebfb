/**
 * Internal. The front of the HTTP server, before Express: GET and POST /graphql get the
 * edge checks here (CORS, then the rate limit: the same middleware instances Express would
 * run, so the same headers and one budget), and a response-cache hit is answered here
 * (`answerHit`, with its ETag / 304), without Express's router, body parser or Apollo.
 * Anything else falls through to Express unchanged: other paths and methods, a miss, a
 * refused key or a GET without the CSRF-prevention header (Apollo answers those), and any
 * body that is not plain JSON within the limit (Express's body parser answers 413 / 415).
 * A plain JSON POST body is read here by the JSON body parser's rules (`pre-read-body.ts`);
 * on a miss Apollo answers it from here (`answer-with-apollo.ts`), as the Express
 * integration would, or, without Apollo given, Express gets it already read; Express skips
 * the edge checks for a request that passed them here (`unlessEdgeChecked`).
 * A hit is answered in callbacks, with no promise made for it, and the weak marks Express
 * reads are set only on requests passed on to it: both cost a hit several microseconds.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse as parseQueryString } from 'node:querystring';
import type { ApolloServer } from '@apollo/server';
import type { ErrorRequestHandler, Express, Request, RequestHandler, Response } from 'express';
import type { ApiContext } from '../api/context';
import type { ResponseCache } from '../api/response-cache';
import type { Authenticator } from '../security/authenticate';
import { answerWithApollo, type ContextFor } from './answer-with-apollo';
import type { CorsHandler } from './create-cors';
import { handOverPreReadBody, plainJsonLength, readPlainJson, type PreReadBody } from './pre-read-body';
import { answerHit, cacheLookupOf } from './serve-cached-responses';

export interface FastPathOptions {
  /** The Express app behind it: its request and response prototypes (trust proxy, `res.status`…). */
  readonly app: Express;
  readonly cache: ResponseCache;
  readonly authenticate: Authenticator;
  readonly cors: CorsHandler;
  /** Absent when the server is not throttled. */
  readonly rateLimit: RequestHandler | undefined;
  readonly bodyLimitBytes: number;
  /** How an edge check's error (429) is answered: Express's own error handler. */
  readonly handleError: ErrorRequestHandler;
  /**
   * Apollo and the context of a request, to answer a JSON POST the cache does not hold
   * without Express around it; without them such a POST falls through to Express.
   */
  readonly apollo?: { readonly server: ApolloServer<ApiContext>; readonly contextFor: ContextFor<ApiContext> };
}

export type FastPath = (request: IncomingMessage, response: ServerResponse, fallThrough: () => void) => void;

const edgeChecked = new WeakSet<IncomingMessage>();
const PENDING = Symbol('pending');

/** An edge check for Express's chain that a request which passed it on the fast path skips. */
export function unlessEdgeChecked(check: RequestHandler | CorsHandler): RequestHandler {
  return (request, response, next) => {
    if (edgeChecked.has(request)) next();
    else void check(request, response, next);
  };
}

export function graphqlFastPath(options: FastPathOptions): FastPath {
  const { app, cache, authenticate, cors, rateLimit, bodyLimitBytes, handleError, apollo } = options;

  /**
   * CORS then the rate limit, then `passed`; a refusal is answered by Express's error
   * handler instead. CORS decides at once (the allow-list is a Set); the rate limit may not.
   */
  const passEdgeChecks = (incoming: IncomingMessage, outgoing: ServerResponse, passed: () => void, failed: (error: unknown) => void) => {
    // cors passes on with `next(null)` for an origin off the list: null is no refusal.
    let refusal: unknown = PENDING;
    cors(incoming, outgoing, (error: unknown) => {
      refusal = error ?? undefined;
    });
    if (refusal === PENDING) throw new Error('CORS did not decide at once');
    if (refusal !== undefined) return failed(refusal);
    if (rateLimit === undefined) return passed();
    // express-rate-limit reads `req.ip` (trust proxy): it needs Express's prototypes.
    const { request, response } = asExpress(app, incoming, outgoing);
    void rateLimit(request, response, (error: unknown) => (error === undefined || error === null ? passed() : failed(error)));
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
    const failed = (error: unknown): void => {
      const { request, response } = asExpress(app, incoming, outgoing);
      void handleError(error, request, response, () => outgoing.destroy());
    };
    // Each step runs in a callback of its own (the body's 'end', the rate limit's `next`),
    // where a throw would escape to the process: it is answered as Express would answer it.
    const guarded =
      <T extends unknown[]>(step: (...args: T) => void) =>
      (...args: T): void => {
        try {
          step(...args);
        } catch (error) {
          failed(error);
        }
      };
    /** On to Express, which then skips the edge checks (and the body reading) done here. */
    const passOn = (read?: PreReadBody): void => {
      edgeChecked.add(incoming);
      if (read !== undefined) handOverPreReadBody(incoming, read);
      fallThrough();
    };
    const answerRead = (query: Record<string, unknown>, body: unknown, read?: PreReadBody): void => {
      const lookup = cacheLookupOf(incoming, query, body, authenticate);
      const hit = lookup === undefined ? undefined : cache.lookup(lookup);
      if (hit !== undefined) answerHit(incoming, outgoing, hit);
      else if (method === 'POST' && apollo !== undefined)
        answerWithApollo(apollo.server, apollo.contextFor, incoming, outgoing, body).catch(failed);
      else passOn(read);
    };
    const readAndAnswer = (): void => {
      if (method === 'GET') return answerRead(queryStart < 0 ? {} : parseQueryString(url.slice(queryStart + 1)), undefined);
      if (plainJsonLength(incoming, bodyLimitBytes) === undefined) return passOn();
      readPlainJson(
        incoming,
        guarded((read: PreReadBody | undefined) => {
          // The client went away mid-body: nobody to answer.
          if (read === undefined) return;
          // A body that does not parse is answered by Express's JSON body step, as ever.
          if ('error' in read) passOn(read);
          else answerRead({}, read.body, read);
        }),
      );
    };
    guarded(passEdgeChecks)(incoming, outgoing, guarded(readAndAnswer), failed);
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
