/**
 * Public. Builds the Apollo Server for the graph: schema from schema/*.graphql, typed
 * resolvers, one error formatter, no stack traces ever, GraphQL Armor's limits, the role
 * checks, CSRF prevention, cache hints, automatic persisted queries, and introspection and
 * the Sandbox landing page as configured (both off by default in production).
 */
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import type { SecurityConfig } from '../config';
import type { Logger } from '../logger';
import { analyticsCostPlugin } from './analytics-cost';
import { authorizationPlugin } from './authorization-plugin';
import { cachePolicyPlugin } from './cache-policy-plugin';
import type { ApiContext } from './context';
import { createArmor } from './create-armor';
import { createDocumentStore, type DocumentStore } from './document-store';
import { createFormatError } from './format-error';
import { persistedQueryCache } from './persisted-query-cache';
import { resolvers } from './resolvers';
import { loadTypeDefs } from './schema';

export type ApolloSecurity = Pick<SecurityConfig, 'introspection' | 'landingPage' | 'blockFieldSuggestions' | 'limits' | 'analytics'>;

export interface ApolloOptions {
  readonly logger: Logger;
  readonly security: ApolloSecurity;
  readonly plugins?: readonly ApolloServerPlugin<ApiContext>[];
  /** Parsed operations, bounded. @default a new `createDocumentStore()` */
  readonly documentStore?: DocumentStore;
}

export function createApollo(options: ApolloOptions): ApolloServer<ApiContext> {
  const { security } = options;
  const armor = createArmor(security);
  return new ApolloServer<ApiContext>({
    typeDefs: loadTypeDefs(),
    resolvers,
    introspection: security.introspection,
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: security.blockFieldSuggestions,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    // Automatic persisted queries, so a read can be a short GET a CDN caches; the texts
    // sit in a bounded LRU of their own, so anonymous clients cannot grow it without bound.
    persistedQueries: { cache: persistedQueryCache() },
    documentStore: options.documentStore ?? createDocumentStore(),
    validationRules: armor.validationRules,
    parseOptions: armor.parseOptions,
    formatError: createFormatError(options.logger),
    logger: options.logger,
    // The process owns its signals (cli start): Apollo's own handler would re-raise SIGTERM
    // and kill the process before the store and the journal are closed.
    stopOnTerminationSignals: false,
    plugins: [
      security.landingPage ? ApolloServerPluginLandingPageLocalDefault({ footer: false }) : ApolloServerPluginLandingPageDisabled(),
      ...(armor.plugins as ApolloServerPlugin<ApiContext>[]),
      authorizationPlugin(),
      analyticsCostPlugin(security.analytics.maxCost),
      // Cache-Control from the schema's @cacheControl hints; unhinted fields are uncacheable.
      // Read from the document, not by wrapping every resolver (Apollo's own plugin, which is
      // turned off so that Apollo does not install it anyway). Named here so that plugins
      // given in `options` (the response cache) run after it.
      ApolloServerPluginCacheControlDisabled(),
      cachePolicyPlugin({ defaultMaxAge: 0 }),
      ...(options.plugins ?? []),
    ],
  });
}
