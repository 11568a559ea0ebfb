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
import { ErrorCode, HTTP_STATUS } from '../errors';
import { checkReadAccess, checkRole } from '../security/check-role';
import type { ApiContext } from './context';
import { refusal } from './graphql-errors';

export function authorizationPlugin(): ApolloServerPlugin<ApiContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, contextValue }) {
          if (operation?.operation === 'subscription') {
            throw new GraphQLError('subscriptions are not supported; send a query or a mutation', {
              extensions: { code: ErrorCode.BAD_REQUEST, http: { status: HTTP_STATUS[ErrorCode.BAD_REQUEST] } },
            });
          }
          const { principal, publicQueries } = contextValue;
          const check =
            operation?.operation === 'mutation'
              ? checkRole(principal, 'editor', 'mutations')
              : checkReadAccess(principal, publicQueries, 'queries');
          if (!check.ok) throw refusal(check.denial);
        },
      };
    },
  };
}
