/**
 * Internal. Cache-Control from the schema's `@cacheControl` hints, in place of Apollo's
 * cache-control plugin: the operation's policy is read from its document before it runs
 * (`cache-policy.ts`), once per document, instead of by wrapping every resolver to hear each
 * field resolve. The answer's header is Apollo's: `max-age=N, public|private` for an answer
 * without errors whose policy is cacheable, `no-store` otherwise.
 *
 * Apollo's `info.cacheControl` (dynamic hints from resolvers) does not exist under it: no
 * resolver of this schema sets one. The response-cache plugin reads the policy it sets
 * (`overallCachePolicy`), so it must come first among the plugins.
 */
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { getVariableValues, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import { CacheHints, operationCachePolicy, readsVariables, type CacheHint } from './cache-policy';

/** Per document: its operations' policies by name, or that its policy depends on its variables. */
type DocumentPolicies = Map<string, CacheHint> | 'reads-variables';

export function cachePolicyPlugin<Context extends BaseContext>(options: { readonly defaultMaxAge: number }): ApolloServerPlugin<Context> {
  const hints = new CacheHints();
  // Held as long as Apollo holds the document (its bounded document store), no longer.
  const byDocument = new WeakMap<DocumentNode, DocumentPolicies>();
  return {
    async requestDidStart() {
      return {
        async executionDidStart(requestContext) {
          const { schema, document, request, overallCachePolicy } = requestContext;
          // Typed as always there, but Apollo starts execution even when no operation was
          // resolved (none named among several, an unknown name), to report that error itself.
          const operation: OperationDefinitionNode | undefined = requestContext.operation;
          if (operation === undefined) return;
          let policies = byDocument.get(document);
          if (policies === undefined) {
            policies = readsVariables(document) ? 'reads-variables' : new Map();
            byDocument.set(document, policies);
          }
          const question = { schema, hints, document, operation, defaultMaxAge: options.defaultMaxAge };
          if (policies === 'reads-variables') {
            // Coerced as execution will coerce them; variables that fail make an error, and so `no-store`.
            const values = getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {});
            overallCachePolicy.restrict(values.coerced ? operationCachePolicy({ ...question, variables: values.coerced }) : { maxAge: 0 });
            return;
          }
          const name = operation.name?.value ?? '';
          let policy = policies.get(name);
          if (policy === undefined) {
            policy = operationCachePolicy({ ...question, variables: {} });
            policies.set(name, policy);
          }
          overallCachePolicy.restrict(policy);
        },
        async willSendResponse({ response, overallCachePolicy }) {
          const policy = overallCachePolicy.policyIfCacheable();
          const answered = response.body.kind === 'single' && response.body.singleResult.errors === undefined;
          response.http.headers.set(
            'cache-control',
            policy !== null && answered ? `max-age=${policy.maxAge}, ${policy.scope.toLowerCase()}` : 'no-store',
          );
        },
      };
    },
  };
}
