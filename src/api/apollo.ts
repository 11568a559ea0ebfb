/**
 * Public. Builds the Apollo Server for the graph: schema from schema/*.graphql, typed
 * resolvers, one error formatter, no stack traces ever, Sandbox landing page in development.
 */
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginLandingPageLocalDefault,
  ApolloServerPluginLandingPageProductionDefault,
} from '@apollo/server/plugin/landingPage/default';
import type { Logger } from '../logger';
import type { ApiContext } from './context';
import { createFormatError } from './errors';
import { resolvers } from './resolvers';
import { loadTypeDefs } from './schema';

export interface ApolloOptions {
  readonly production: boolean;
  readonly logger: Logger;
  readonly plugins?: readonly ApolloServerPlugin<ApiContext>[];
}

export function createApollo(options: ApolloOptions): ApolloServer<ApiContext> {
  return new ApolloServer<ApiContext>({
    typeDefs: loadTypeDefs(),
    resolvers,
    introspection: !options.production,
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: options.production,
    formatError: createFormatError(options.logger),
    logger: options.logger,
    plugins: [
      options.production
        ? ApolloServerPluginLandingPageProductionDefault({ footer: false })
        : ApolloServerPluginLandingPageLocalDefault({ footer: false }),
      ...(options.plugins ?? []),
    ],
  });
}
