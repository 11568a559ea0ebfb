/**
 * Internal. All resolvers, typed by codegen from schema/*.graphql.
 */
import type { Resolvers } from '../resolvers-types.generated';
import { City, Commitment, Country, Declaration, Document, Event, Organization, Person, Programme } from './node-types';
import { auditLog } from './audit-log';
import { CommitmentExample } from './commitment-example';
import { Community } from './community-bindings';
import { Mutation } from './mutation';
import { Query } from './query';
import { Relation, Source } from './relation';
import { RelationConnection } from './relation-connection';
import { listQueries, organizationReachResolvers } from './lists';
import { traversalQueries } from './traversal';

export const resolvers: Resolvers = {
  Query: { ...Query, ...traversalQueries, ...listQueries, auditLog },
  Mutation,
  Node: {
    // The GraphQL type of a node is its ontology label.
    __resolveType: (node) => node.label,
  },
  City,
  Country,
  Person,
  Organization: { ...Organization, ...organizationReachResolvers },
  Programme,
  Commitment,
  Declaration,
  Event,
  Document,
  CommitmentExample,
  Community,
  Relation,
  RelationConnection,
  Source,
};
