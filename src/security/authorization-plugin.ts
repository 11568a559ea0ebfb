/**
 * Internal. Enforces the roles per operation, before any resolver runs: a mutation needs an
 * editor key, a query needs any key unless PUBLIC_QUERIES, and an invalid credential is
 * refused whatever the operation. Resolvers that write check again (defence in depth).
 *
 * It also refuses subscriptions: the schema has none, and graphql-js only notices at
 * execution, with an uncoded error that would surface as INTERNAL_SERVER_ERROR.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { ApiContext } from '../api/context';
import { ErrorCode } from '../api/errors';
import { checkRole } from './require-role';

export function authorizationPlugin(): ApolloServerPlugin<ApiContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, contextValue }) {
          if (operation?.operation === 'subscription') {
            throw new GraphQLError('subscriptions are not supported; send a query or a mutation', {
              extensions: { code: ErrorCode.BAD_REQUEST, http: { status: 400 } },
            });
          }
          const { principal } = contextValue;
          let result: ReturnType<typeof checkRole> | undefined;
          if (operation?.operation === 'mutation') result = checkRole(principal, 'editor', 'mutations');
          else if (principal.kind === 'rejected' || !contextValue.publicQueries) result = checkRole(principal, 'any', 'queries');
          if (result && !result.ok) throw result.error;
        },
      };
    },
  };
}
