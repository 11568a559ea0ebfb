/**
 * Public. The in-process cache of whole GraphQL answers to read queries. The graph changes
 * only through curation, and the curation service's generation moves on with every change,
 * so an answer stays right until the generation moves; then every answer is dropped at once.
 * An answer is also dropped at its max-age (the schema's hint), which bounds how late a
 * change this process cannot see (another replica's, on a shared Neo4j) shows.
 *
 * An answer is keyed by the normalised document (a hash of the printed AST, so spacing and
 * comments do not split entries), the operation name, the variables as canonical JSON (keys
 * sorted) and the caller's class (anonymous, reader, editor), so callers whose answers may
 * differ never share one. Requests arrive as query text or an APQ hash; both are the SHA-256
 * of the text (as Apollo computes `queryHash`), mapped to the normalised document once Apollo
 * has parsed it. The response-cache plugin fills the cache; the HTTP edge answers from it.
 */
import { createHash } from 'node:crypto';
import type { Principal } from '../security/authenticate';
import { LruCache } from '../analytics/lru-cache';

export interface CachedResponse {
  /** The exact bytes Apollo answered (its JSON and trailing newline). */
  readonly body: Buffer;
  /** Strong validator of the answer (`keyedEntityTag`, or `entityTag` over the body). */
  readonly etag: string;
  readonly cacheControl: string;
  /** The cache policy it was answered under, to answer it again under the same. */
  readonly policy: { readonly maxAge: number; readonly scope: 'PUBLIC' | 'PRIVATE' };
}

/** A held answer and when it expires: its max-age, so a change this process cannot see
 * (another replica's curation on a shared Neo4j) shows within max-age, as at a CDN. */
interface HeldResponse {
  readonly response: CachedResponse;
  readonly expiresAt: number;
}

/** What identifies an answer, as a request carries it. */
export interface ResponseLookup {
  /** SHA-256 (hex) of the query text, which is also its APQ hash. */
  readonly queryHash: string;
  readonly operationName: string | undefined;
  readonly variables: unknown;
  readonly caller: string;
}

export interface ResponseCacheOptions {
  /** Bytes of answers held (bodies and keys); 0 holds none, ETags and 304s still work. */
  readonly maxBytes: number;
  /** The graph's generation (`CurationService.generation`); constant on a read-only server. */
  readonly generation: () => number;
  /**
   * Every change to the graph passes this process's curation and moves the generation (the
   * embedded store), so ETags may come from answers' keys (`keyedEntityTag`). @default false
   */
  readonly keyedTags?: boolean;
}

/** Rough per-entry bookkeeping (Map slot, record, Buffer header), so tiny entries still count. */
const ENTRY_OVERHEAD_BYTES = 200;

export class ResponseCache {
  private readonly responses: LruCache<string, HeldResponse>;
  /** Query hash → normalised document key. Independent of the graph: never invalidated. */
  private readonly documents: LruCache<string, string>;
  private heldGeneration: number;

  constructor(private readonly options: ResponseCacheOptions) {
    const weigh = ({ response }: HeldResponse, key: string): number =>
      2 * key.length + response.body.length + response.etag.length + response.cacheControl.length + ENTRY_OVERHEAD_BYTES;
    this.responses = new LruCache({ maxSize: options.maxBytes, sizeOf: weigh });
    // The aliases are tiny (two hashes); an eighth of the bound holds tens of thousands.
    this.documents = new LruCache({
      maxSize: Math.floor(options.maxBytes / 8),
      sizeOf: (value: string, key: string) => 2 * (key.length + value.length) + ENTRY_OVERHEAD_BYTES,
    });
    this.heldGeneration = options.generation();
  }

  get generation(): number {
    return this.options.generation();
  }

  /** Whether answers are held at all (a bound of 0 holds none; ETags and 304s still work). */
  get holdsAnswers(): boolean {
    return this.options.maxBytes > 0;
  }

  /**
   * A strong ETag for the answer to `request` at `generation` from what identifies it, not
   * from its bytes, when every change to the graph passes this process (`keyedTags`): the
   * cache rests on an answer being the same bytes for the same key at the same generation,
   * so the key then names the bytes as a hash of them would, and an answer need not be
   * serialised and hashed to be validated. Undefined otherwise (on a shared Neo4j another
   * replica's change leaves the generation here as it was: only the bytes can tell), or when
   * the answer has no key.
   */
  keyedEntityTag(documentKey: string, request: ResponseLookup, generation: number): string | undefined {
    if (!this.options.keyedTags) return undefined;
    const key = responseKey(documentKey, request);
    return key === undefined ? undefined : `"${createHash('sha256').update(`${generation}\n${key}`).digest('base64url')}"`;
  }

  /** Answers held now (for tests and the operator). */
  get entries(): number {
    this.dropIfStale();
    return this.responses.size;
  }

  /** The answer to a request as it arrives (text or hash), if its text was parsed before. */
  lookup(request: ResponseLookup): CachedResponse | undefined {
    const documentKey = this.documents.get(request.queryHash);
    return documentKey === undefined ? undefined : this.find(documentKey, request);
  }

  /**
   * The answer to a parsed document (another spelling of a held one), remembering that the
   * request's text is that document so the next request is answered before parsing.
   */
  lookupDocument(documentKey: string, request: ResponseLookup): CachedResponse | undefined {
    const response = this.find(documentKey, request);
    if (response !== undefined) this.documents.set(request.queryHash, documentKey);
    return response;
  }

  private find(documentKey: string, request: ResponseLookup): CachedResponse | undefined {
    this.dropIfStale();
    const key = responseKey(documentKey, request);
    if (key === undefined) return undefined;
    const held = this.responses.get(key);
    if (held === undefined) return undefined;
    if (Date.now() < held.expiresAt) return held.response;
    this.responses.delete(key);
    return undefined;
  }

  /**
   * Holds `body` as the answer to `request`, whose document normalises to `documentKey`, if
   * the graph is still at `generation` (the one the answer was computed from).
   */
  store(request: ResponseLookup, documentKey: string, generation: number, response: CachedResponse): void {
    this.dropIfStale();
    if (generation !== this.heldGeneration) return;
    const key = responseKey(documentKey, request);
    if (key === undefined) return;
    this.documents.set(request.queryHash, documentKey);
    this.responses.set(key, { response, expiresAt: Date.now() + response.policy.maxAge * 1000 });
  }

  private dropIfStale(): void {
    const now = this.options.generation();
    if (now === this.heldGeneration) return;
    this.responses.clear();
    this.heldGeneration = now;
  }
}

/** The key of an answer; undefined when its variables are too deep to be worth one. */
function responseKey(documentKey: string, request: ResponseLookup): string | undefined {
  const variables = canonicalJson(request.variables ?? {});
  return variables === undefined ? undefined : `${documentKey}\n${request.operationName ?? ''}\n${request.caller}\n${variables}`;
}

/** The class of caller an answer may depend on; undefined for a refused credential (never cached). */
export function callerClass(principal: Principal): string | undefined {
  switch (principal.kind) {
    case 'anonymous':
      return 'anonymous';
    case 'key':
      return principal.role;
    case 'rejected':
      return undefined;
  }
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The normalised document's key: a hash of the printed AST. */
export function documentKey(printed: string): string {
  return sha256Hex(printed);
}

/** A strong ETag over the answer's bytes and the generation they were computed at. */
export function entityTag(body: Buffer, generation: number): string {
  return `"${createHash('sha256').update(`${generation}\n`).update(body).digest('base64url')}"`;
}

/** Whether an `If-None-Match` header names `etag` (weak comparison, as RFC 9110 has for it). */
export function ifNoneMatchHits(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  return header.split(',').some((each) => {
    const tag = each.trim();
    return tag === '*' || tag === etag || tag === `W/${etag}`;
  });
}

/** Deepest variables given a key; deeper ones (no input of the schema nests so) are not cached. */
const MAX_VARIABLES_DEPTH = 32;

/** JSON with object keys sorted at every depth: equal values give equal text; undefined past MAX_VARIABLES_DEPTH. */
export function canonicalJson(value: unknown, depth = 0): string | undefined {
  if (depth > MAX_VARIABLES_DEPTH) return undefined;
  if (Array.isArray(value)) {
    const items = value.map((each) => canonicalJson(each, depth + 1));
    return items.some((each) => each === undefined) ? undefined : `[${items.join(',')}]`;
  }
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const fields: string[] = [];
    for (const key of Object.keys(record).sort()) {
      if (record[key] === undefined) continue;
      const text = canonicalJson(record[key], depth + 1);
      if (text === undefined) return undefined;
      fields.push(`${JSON.stringify(key)}:${text}`);
    }
    return `{${fields.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
