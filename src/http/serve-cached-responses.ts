/**
 * Internal. Answers a read query from the response cache before Apollo sees it: GET (query
 * text or an APQ hash in the URL, as a CDN can cache) or POST (after the JSON body parser).
 * A hit is the held bytes with their `ETag` and `Cache-Control`, or `304 Not Modified` when
 * `If-None-Match` names the ETag. Anything it cannot answer exactly as Apollo would goes on
 * to Apollo: a miss, a refused credential, a GET without the CSRF-prevention header Apollo
 * requires, or a client asking for another media type (HTML, graphql-response+json).
 * It sits after CORS, the rate limit and the body parser: a hit counts like any request.
 * Most hits never reach it: the fast path (`graphql-fast-path.ts`) answers them before
 * Express with the same functions; this one answers what only Express's parsers can read
 * (a compressed or chunked body, say).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';
import {
  callerClass,
  ifNoneMatchHits,
  sha256Hex,
  type CachedResponse,
  type ResponseCache,
  type ResponseLookup,
} from '../api/response-cache';
import type { Authenticator } from '../security/authenticate';

/** Apollo's rule (csrfPrevention: true): one of these headers, or a content type a form cannot send. */
const CSRF_HEADERS = ['x-apollo-operation-name', 'apollo-require-preflight'];
const SIMPLE_CONTENT_TYPES = /^\s*(?:application\/x-www-form-urlencoded|multipart\/form-data|text\/plain)\s*(?:;|$)/i;

interface GraphQLParams {
  readonly query: unknown;
  readonly operationName: unknown;
  readonly variables: unknown;
  readonly extensions: unknown;
}

export function serveCachedResponses(cache: ResponseCache, authenticate: Authenticator): RequestHandler {
  return (request, response, next) => {
    const body: unknown = request.method === 'POST' ? request.body : undefined;
    const lookup = cacheLookupOf(request, request.query, body, authenticate);
    const hit = lookup === undefined ? undefined : cache.lookup(lookup);
    if (hit === undefined) next();
    else answerHit(request, response, hit);
  };
}

/** A held answer: its bytes with their validators, or 304 when `If-None-Match` names its ETag. */
export function answerHit(request: IncomingMessage, response: ServerResponse, hit: CachedResponse): void {
  if (ifNoneMatchHits(request.headers['if-none-match'], hit.etag)) {
    response.setHeader('etag', hit.etag);
    response.setHeader('cache-control', hit.cacheControl);
    response.statusCode = 304;
    response.end();
    return;
  }
  // All headers in one writeHead: headers set before it are merged one by one.
  response.writeHead(200, {
    etag: hit.etag,
    'cache-control': hit.cacheControl,
    'content-type': 'application/json; charset=utf-8',
    'content-length': hit.body.length,
  });
  response.end(hit.body);
}

/**
 * The cache key parts of a request, or undefined when it must go to Apollo. `query` is the
 * URL's parameters as Express parses them (querystring), `body` the parsed JSON of a POST.
 */
export function cacheLookupOf(
  request: IncomingMessage,
  query: Readonly<Record<string, unknown>>,
  body: unknown,
  authenticate: Authenticator,
): ResponseLookup | undefined {
  if (!acceptsJson(request.headers.accept)) return undefined;
  let params: GraphQLParams;
  if (request.method === 'POST') {
    if (body === null || typeof body !== 'object' || Array.isArray(body)) return undefined;
    params = body as GraphQLParams;
  } else if (request.method === 'GET') {
    if (!passesCsrfPrevention(request)) return undefined;
    const variables = parseJsonParam(query.variables);
    const extensions = parseJsonParam(query.extensions);
    if (variables === INVALID || extensions === INVALID) return undefined;
    params = { query: query.query, operationName: query.operationName, variables, extensions };
  } else {
    return undefined;
  }
  const queryHash = queryHashOf(params);
  if (queryHash === undefined) return undefined;
  if (params.operationName !== undefined && params.operationName !== null && typeof params.operationName !== 'string') return undefined;
  const caller = callerClass(authenticate(request.headers.authorization));
  if (caller === undefined) return undefined;
  return { queryHash, operationName: params.operationName ?? undefined, variables: params.variables, caller };
}

/** Hashes of recent short query texts: most traffic repeats a few operations. */
const recentHashes = new Map<string, string>();
const RECENT_HASHES = 256;
const RECENT_TEXT_CHARS = 4096;

function hashOfText(text: string): string {
  const known = recentHashes.get(text);
  if (known !== undefined) return known;
  const hash = sha256Hex(text);
  if (text.length <= RECENT_TEXT_CHARS) {
    // Bounded by dropping them all at once: cheap, and refilled by the next few requests.
    if (recentHashes.size >= RECENT_HASHES) recentHashes.clear();
    recentHashes.set(text, hash);
  }
  return hash;
}

/** The text's SHA-256 when the text is sent (never trust a hash sent beside it), else the APQ hash. */
function queryHashOf(params: GraphQLParams): string | undefined {
  if (typeof params.query === 'string') return hashOfText(params.query);
  if (params.query !== undefined) return undefined;
  const persisted = (params.extensions as { persistedQuery?: { sha256Hash?: unknown } } | undefined)?.persistedQuery;
  return typeof persisted?.sha256Hash === 'string' ? persisted.sha256Hash : undefined;
}

const INVALID = Symbol('invalid');

function parseJsonParam(value: unknown): unknown {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') return INVALID;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return INVALID;
  }
}

function passesCsrfPrevention(request: IncomingMessage): boolean {
  const contentType = request.headers['content-type'];
  if (contentType !== undefined && !SIMPLE_CONTENT_TYPES.test(contentType)) return true;
  return CSRF_HEADERS.some((header) => {
    const value = request.headers[header];
    return typeof value === 'string' && value !== '';
  });
}

/** Held answers are application/json; HTML (the landing page) and graphql-response+json are Apollo's to answer. */
function acceptsJson(accept: string | undefined): boolean {
  if (accept === undefined || accept === '') return true;
  if (/text\/html|application\/graphql-response\+json/i.test(accept)) return false;
  return /application\/json|\*\/\*/i.test(accept);
}
