/**
 * Public. Builds the Apollo Server for the graph: schema from schema/*.graphql, typed
 * resolvers, one error formatter, no stack traces ever, GraphQL Armor's limits, the role
 * checks, CSRF prevention, and introspection and the Sandbox landing page as configured
 * (both off by default in production).
 */
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import type { SecurityConfig } from '../config';
import type { Logger } from '../logger';
import { analyticsCostPlugin } from './analytics-cost';
import { authorizationPlugin } from './authorization-plugin';
import type { ApiContext } from './context';
import { createArmor } from './create-armor';
import { createDocumentStore, type DocumentStore } from './document-store';
import { createFormatError } from './format-error';
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
    // No client of this API uses automatic persisted queries; without them there is no
    // cache that anonymous clients can fill.
    persistedQueries: false,
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
      ...(options.plugins ?? []),
    ],
  });
}
