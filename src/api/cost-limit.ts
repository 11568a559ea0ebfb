/**
 * Internal. The operation cost limit, costed by page size: every field costs 1, and a field
 * with a `first` argument (the value sent, or the schema's default) costs its selection that
 * many times over — a page of 100 endorsements costs about 100 × the fields asked of each.
 * Computed once the operation is known (variables included), before any resolver runs; an
 * operation over `maxCost` is refused as QUERY_TOO_COMPLEX naming its cost and the limit.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import {
  GraphQLError,
  getNamedType,
  isCompositeType,
  Kind,
  typeFromAST,
  valueFromAST,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import { ErrorCode } from '../errors';

interface CostInput {
  readonly schema: GraphQLSchema;
  readonly fragments: Readonly<Record<string, FragmentDefinitionNode>>;
  readonly variables: Readonly<Record<string, unknown>>;
}

/** The cost of a selection on a parent type; fragments are followed (a cycle is refused by validation first). */
export function selectionCost(input: CostInput, parent: GraphQLCompositeType, selectionSet: SelectionSetNode): number {
  let cost = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      const field = 'getFields' in parent ? parent.getFields()[selection.name.value] : undefined;
      cost += 1;
      if (!field || !selection.selectionSet) continue;
      const child = getNamedType(field.type);
      if (!isCompositeType(child)) continue;
      const firstArgument = field.args.find((argument) => argument.name === 'first');
      const firstNode = selection.arguments?.find((argument) => argument.name.value === 'first');
      let pageSize = 1;
      if (firstArgument) {
        const sent = firstNode ? valueFromAST(firstNode.value, firstArgument.type, input.variables) : undefined;
        const value = sent ?? firstArgument.defaultValue;
        pageSize = typeof value === 'number' && value > 0 ? value : 1;
      }
      cost += pageSize * selectionCost(input, child, selection.selectionSet);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const condition = selection.typeCondition ? typeFromAST(input.schema, selection.typeCondition) : parent;
      cost += selectionCost(input, condition && isCompositeType(condition) ? condition : parent, selection.selectionSet);
    } else {
      const fragment = input.fragments[selection.name.value];
      if (!fragment) continue;
      const condition = typeFromAST(input.schema, fragment.typeCondition);
      cost += selectionCost(input, condition && isCompositeType(condition) ? condition : parent, fragment.selectionSet);
    }
  }
  return cost;
}

export function costLimitPlugin<C extends object>(maxCost: number): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, schema, request }) {
          if (!operation) return;
          const root = operation.operation === 'mutation' ? schema.getMutationType() : schema.getQueryType();
          if (!root) return;
          const fragments = Object.fromEntries(
            document.definitions.flatMap((definition) =>
              definition.kind === Kind.FRAGMENT_DEFINITION ? [[definition.name.value, definition]] : [],
            ),
          );
          const cost = selectionCost({ schema, fragments, variables: request.variables ?? {} }, root, operation.selectionSet);
          if (cost > maxCost) {
            throw new GraphQLError(
              `Query cost ${cost} exceeds the limit of ${maxCost} (each field costs 1, times the page size of the lists around it)`,
              {
                extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, cost, maxCost, http: { status: 400 } },
              },
            );
          }
        },
      };
    },
  };
}
