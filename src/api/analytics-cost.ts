/**
 * Internal. The analytics cost limit, as an Apollo plugin: once an operation is parsed,
 * validated and its variables known, the work of each analytics field it asks for (every
 * alias, every fragment) is estimated by the cost model (`analytics/cost.ts`) from its
 * arguments and the size of the graph it would run on, and an operation whose total passes
 * MAX_ANALYTICS_COST is refused with QUERY_TOO_COMPLEX (HTTP 400) before anything runs.
 * GraphQL Armor's cost limit counts fields; this one counts what the fields compute.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import {
  getArgumentValues,
  Kind,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLObjectType,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { estimatedMs, type AnalyticsCall, type ProjectionBuild } from '../analytics/cost';
import type { LayoutKind } from '../analytics/layout';
import { ErrorCode, ServiceError } from '../errors';
import type { Projection } from '../store/GraphStore';
import type { ApiContext } from './context';
import { toGraphQLError } from './graphql-errors';
import type { RequestAnalytics } from './analytics';

const ANALYTICS_FIELDS = new Set(['subgraph', 'centrality', 'communities', 'sharedPartners', 'similarCities', 'suggestedPeers']);

/** The root fields of `selectionSet`, through fragments and inline fragments (validation has refused cycles). */
function rootFields(selectionSet: SelectionSetNode, fragments: Readonly<Record<string, FragmentDefinitionNode>>): FieldNode[] {
  return selectionSet.selections.flatMap((selection) => {
    switch (selection.kind) {
      case Kind.FIELD:
        return [selection];
      case Kind.INLINE_FRAGMENT:
        return rootFields(selection.selectionSet, fragments);
      case Kind.FRAGMENT_SPREAD: {
        const fragment = fragments[selection.name.value];
        return fragment ? rootFields(fragment.selectionSet, fragments) : [];
      }
    }
  });
}

/** The store's work to build a whole-graph projection (EXCHANGE is built to be sized). */
async function projectionBuild(projection: Projection, analytics: RequestAnalytics): Promise<{ build?: ProjectionBuild }> {
  if (projection === 'EXCHANGE') return {};
  return { build: { projection, relations: (await analytics.counts()).relations } };
}

/** The call a field makes, sized from its arguments and the graph. */
async function callOf(name: string, args: Record<string, unknown>, analytics: RequestAnalytics): Promise<AnalyticsCall | undefined> {
  switch (name) {
    case 'subgraph': {
      const graph = await analytics.graphSize();
      const nodes = Math.min(Number(args.limit), graph.nodes);
      // Relations among those nodes: as many as the graph's average degree gives them, at most all.
      const edges = graph.nodes === 0 ? 0 : Math.min(graph.edges, Math.ceil((nodes * 2 * graph.edges) / graph.nodes));
      return { kind: 'subgraph', size: { nodes, edges }, layout: args.layout as LayoutKind };
    }
    case 'centrality':
      return {
        kind: 'centrality',
        metric: args.metric as 'DEGREE' | 'BETWEENNESS' | 'PAGERANK',
        size: await analytics.projectionSizeBound(args.projection as Projection),
        ...(await projectionBuild(args.projection as Projection, analytics)),
      };
    case 'communities':
      return {
        kind: 'communities',
        size: await analytics.projectionSizeBound(args.projection as Projection),
        ...(await projectionBuild(args.projection as Projection, analytics)),
      };
    case 'sharedPartners': {
      // Among given programmes the walk is bounded by their partners; over all of them, by the
      // graph and the pairs of programmes.
      if (args.programmeIds) return undefined;
      const counts = await analytics.counts();
      return { kind: 'sharedPartners', size: await analytics.graphSize(), programmes: counts.byLabel.Programme };
    }
    case 'similarCities':
    case 'suggestedPeers':
      return { kind: 'similarCities', size: await analytics.graphSize() };
    default:
      return undefined;
  }
}

function describe(call: AnalyticsCall): string {
  const detail =
    call.kind === 'subgraph'
      ? ` ${call.layout} over up to ${call.size.nodes} nodes`
      : call.kind === 'centrality'
        ? ` ${call.metric} over ${call.size.nodes} nodes`
        : '';
  return `${call.kind}${detail}`;
}

export interface OperationCost {
  readonly estimatedMs: number;
  /** Each kind of call, with how many times it is asked and its estimate each. */
  readonly calls: readonly { readonly call: string; readonly count: number; readonly estimatedMs: number }[];
}

/** The estimated analytics work of `operation`, with `variables`. */
export async function operationCost(
  operation: OperationDefinitionNode,
  fragments: Readonly<Record<string, FragmentDefinitionNode>>,
  queryType: GraphQLObjectType,
  variables: Record<string, unknown>,
  analytics: RequestAnalytics,
): Promise<OperationCost> {
  const byCall = new Map<string, { count: number; estimatedMs: number }>();
  let total = 0;
  for (const field of rootFields(operation.selectionSet, fragments)) {
    const name = field.name.value;
    const definition = queryType.getFields()[name];
    if (!ANALYTICS_FIELDS.has(name) || definition === undefined) continue;
    let args: Record<string, unknown>;
    try {
      args = getArgumentValues(definition, field, variables);
    } catch {
      continue; // a bad argument value is refused when the field runs
    }
    const call = await callOf(name, args, analytics);
    if (call === undefined) continue;
    const estimate = estimatedMs(call);
    total += estimate;
    const key = describe(call);
    const entry = byCall.get(key) ?? { count: 0, estimatedMs: estimate };
    entry.count += 1;
    byCall.set(key, entry);
  }
  return { estimatedMs: total, calls: [...byCall].map(([call, entry]) => ({ call, ...entry })) };
}

export function analyticsCostPlugin(maxCost: number): ApolloServerPlugin<ApiContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, schema, request, contextValue }) {
          const queryType = schema.getQueryType();
          if (operation?.operation !== 'query' || !queryType) return;
          const fragments = Object.fromEntries(
            document.definitions
              .filter((definition) => definition.kind === Kind.FRAGMENT_DEFINITION)
              .map((fragment) => [fragment.name.value, fragment]),
          );
          let cost: OperationCost;
          try {
            cost = await operationCost(operation, fragments, queryType, request.variables ?? {}, contextValue.analytics);
          } catch {
            return; // the store did not answer the graph's size: the fields meet the same store and report it
          }
          if (cost.estimatedMs <= maxCost) return;
          const calls = cost.calls.map((entry) => `${entry.count} × ${entry.call} (~${Math.round(entry.estimatedMs)} ms each)`).join(', ');
          throw toGraphQLError(
            new ServiceError(
              ErrorCode.QUERY_TOO_COMPLEX,
              `operation too complex: its analytics are estimated at ${Math.round(cost.estimatedMs)} ms of work (${calls}), above the bound of ${maxCost} ms (MAX_ANALYTICS_COST); ask for fewer aliases, a smaller limit, or layout NONE`,
            ),
          );
        },
      };
    },
  };
}
