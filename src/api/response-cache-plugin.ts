/**
 * Public. Fills the response cache and validates answers: a read query answered without
 * errors, whose cache policy (the schema's `@cacheControl` hints, as Apollo's cache-control
 * plugin sums them) is cacheable, gets a strong `ETag` (over its bytes and the generation, or its key on the embedded store),
 * `304 Not Modified` when `If-None-Match` names it, and is held for the HTTP edge to answer
 * again. Mutations, answers with errors and answers with an uncacheable field are never held.
 * A request the edge could not answer (a new spelling of a held document) is answered here,
 * once parsed and validated, without executing.
 *
 * `Cache-Control` is Apollo's, except that when queries need a key (PUBLIC_QUERIES=false)
 * every answer is `private`: a shared cache must not hand a keyed answer to a caller
 * without one. Must come after Apollo's cache-control plugin (it reads its policy).
 */
import type { ApolloServerPlugin, GraphQLRequestContext } from '@apollo/server';
import { print, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import type { ApiContext } from './context';
import { callerClass, documentKey, entityTag, ifNoneMatchHits, type ResponseCache, type ResponseLookup } from './response-cache';

export function responseCachePlugin(cache: ResponseCache): ApolloServerPlugin<ApiContext> {
  // Held as long as Apollo holds the document (its bounded document store), no longer.
  const documentKeys = new WeakMap<DocumentNode, string>();
  return {
    async requestDidStart() {
      // The generation the answer is computed from: a change landing meanwhile must not be
      // hidden behind an answer read before it.
      const generation = cache.generation;
      const keyOf = (document: DocumentNode): string => {
        // Apollo's document store hands back one parsed document per query text: printing and
        // hashing it once, not once per request, was 5 % of an uncached request's time.
        let key = documentKeys.get(document);
        if (key === undefined) {
          key = documentKey(print(document));
          documentKeys.set(document, key);
        }
        return key;
      };
      return {
        async responseForOperation(requestContext) {
          // Typed as always there, but Apollo calls this even when no operation was resolved
          // (an unknown or missing operation name), to report that error itself.
          const operation: OperationDefinitionNode | undefined = requestContext.operation;
          const document: DocumentNode | undefined = requestContext.document;
          const lookup = lookupOf(requestContext);
          if (operation?.operation !== 'query' || document === undefined || lookup === undefined) return null;
          const held = cache.lookupDocument(keyOf(document), lookup);
          if (held === undefined) return null;
          // Answered as first answered: the same policy for Cache-Control, the same data.
          requestContext.overallCachePolicy.replace(held.policy);
          return { http: requestContext.response.http, body: { kind: 'single', singleResult: JSON.parse(held.body.toString()) as object } };
        },
        async willSendResponse(requestContext) {
          const { request, response, operation, document, contextValue, overallCachePolicy } = requestContext;
          const lookup = lookupOf(requestContext);
          if (operation?.operation !== 'query' || document === undefined || lookup === undefined) return;
          if (response.body.kind !== 'single' || response.body.singleResult.errors !== undefined) return;
          const policy = overallCachePolicy.policyIfCacheable();
          if (policy === null || cache.generation !== generation) return;

          const scope = policy.scope === 'PRIVATE' || !contextValue.publicQueries ? 'private' : 'public';
          const cacheControl = `max-age=${policy.maxAge}, ${scope}`;
          let etag = cache.keyedEntityTag(keyOf(document), lookup, generation);
          // Serialised only to be held or to be hashed: on the embedded store a server that
          // holds no answers writes Apollo's bytes alone (a second serialisation was 5.6 %).
          let body: Buffer | undefined;
          if (cache.holdsAnswers || etag === undefined) {
            const { data, extensions } = response.body.singleResult;
            // Apollo's own serialisation (runHttpQuery), so a held answer is byte for byte the first.
            body = Buffer.from(`${JSON.stringify({ data, extensions })}\n`);
            etag ??= entityTag(body, generation);
          }
          response.http.headers.set('cache-control', cacheControl);
          response.http.headers.set('etag', etag);
          if (ifNoneMatchHits(request.http?.headers.get('if-none-match'), etag)) response.http.status = 304;
          if (body === undefined || !cache.holdsAnswers) return;
          cache.store(lookup, keyOf(document), generation, {
            body,
            etag,
            cacheControl,
            policy: { maxAge: policy.maxAge, scope: policy.scope },
          });
        },
      };
    },
  };
}

/** The cache key parts of a request Apollo has parsed, or undefined when it may not be cached. */
function lookupOf({ queryHash, request, contextValue }: GraphQLRequestContext<ApiContext>): ResponseLookup | undefined {
  const caller = callerClass(contextValue.principal);
  if (queryHash === undefined || caller === undefined) return undefined;
  return { queryHash, operationName: request.operationName ?? undefined, variables: request.variables, caller };
}
