/**
 * Internal. The list queries (schema/lists.graphql): arguments checked, anchors required to
 * exist, the page asked of the store (GraphStore.listNodesWhere), and organisation reach
 * read through a per-request loader.
 */
import type { NodeOf } from '../../domain/graph-document';
import type { NodeLabel } from '../../domain/ontology';
import type { FilteredListQuery, NodePage } from '../../store/GraphStore';
import type { ListedLabel } from '../../store/list-filters';
import { badUserInput, notFound } from '../../errors';
import { checkFirst, checkNodeId } from '../arguments';
import type { Connection } from '../connections';
import type { ApiContext } from '../context';
import { fromEnumValue } from '../enums';
import type { OrganizationResolvers, QueryResolvers } from '../resolvers-types.generated';

const DATE = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/;

function checkDate(value: string | null | undefined, argumentName: string): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (!DATE.test(value)) throw badUserInput(`${argumentName}: ${JSON.stringify(value)} is not YYYY, YYYY-MM or YYYY-MM-DD`, argumentName);
  return value;
}

/** The filters given, each an id of the anchor's label that exists. */
async function checkAnchors(
  context: ApiContext,
  anchors: Readonly<Record<string, { readonly id: string | null | undefined; readonly label: NodeLabel }>>,
): Promise<Record<string, string>> {
  const filters: Record<string, string> = {};
  for (const [name, { id, label }] of Object.entries(anchors)) {
    if (id === null || id === undefined) continue;
    const checked = checkNodeId(id, name, label);
    if (!(await context.loaders.node.load(checked))) throw notFound(`${name}: no ${label} ${checked}`, name);
    filters[name] = checked;
  }
  return filters;
}

function connectionOf<L extends ListedLabel>(page: NodePage, label: L): Connection<NodeOf<L>> {
  const edges = page.nodes.flatMap((node, index) => {
    const cursor = page.cursors?.[index];
    return node.label === label && cursor !== undefined ? [{ cursor, node: node as NodeOf<L> }] : [];
  });
  return { totalCount: page.totalCount, edges, pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor } };
}

async function list<L extends ListedLabel>(
  context: ApiContext,
  label: L,
  query: Omit<FilteredListQuery, 'label' | 'first'> & { readonly first: number | null | undefined },
): Promise<Connection<NodeOf<L>>> {
  const first = checkFirst(query.first, 20);
  return connectionOf(await context.store.listNodesWhere({ ...query, label, first }), label);
}

const kindOf = (kind: string | null | undefined): { kind?: string } => (kind ? { kind: fromEnumValue(kind) } : {});

export const listQueries: Pick<QueryResolvers, 'organizations' | 'programmes' | 'events' | 'people'> = {
  organizations: async (_root, args, context) =>
    list(context, 'Organization', {
      ...kindOf(args.kind),
      filters: await checkAnchors(context, { countryId: { id: args.countryId, label: 'Country' } }),
      orderBy: args.orderBy ?? 'ID',
      first: args.first,
      after: args.after ?? null,
    }),

  programmes: async (_root, args, context) =>
    list(context, 'Programme', {
      ...kindOf(args.kind),
      filters: await checkAnchors(context, {
        cityId: { id: args.cityId, label: 'City' },
        partnerId: { id: args.partnerId, label: 'Organization' },
        commitmentId: { id: args.commitmentId, label: 'Commitment' },
      }),
      orderBy: args.orderBy ?? 'ID',
      first: args.first,
      after: args.after ?? null,
    }),

  events: async (_root, args, context) => {
    const from = checkDate(args.from, 'from');
    const to = checkDate(args.to, 'to');
    if (from !== undefined && to !== undefined && from > `${to}~`) throw badUserInput(`from (${from}) is after to (${to})`, 'from');
    return list(context, 'Event', {
      ...kindOf(args.kind),
      ...(from === undefined ? {} : { from }),
      ...(to === undefined ? {} : { to }),
      filters: await checkAnchors(context, {
        cityId: { id: args.cityId, label: 'City' },
        countryId: { id: args.countryId, label: 'Country' },
      }),
      orderBy: args.orderBy ?? 'ID',
      first: args.first,
      after: args.after ?? null,
    });
  },

  people: async (_root, args, context) =>
    list(context, 'Person', {
      filters: await checkAnchors(context, {
        cityId: { id: args.cityId, label: 'City' },
        countryId: { id: args.countryId, label: 'Country' },
      }),
      orderBy: args.orderBy ?? 'ID',
      first: args.first,
      after: args.after ?? null,
    }),
};

export const organizationReachResolvers: Pick<OrganizationResolvers, 'programmeCount' | 'cityCount' | 'countryCount'> = {
  programmeCount: async (organization, _args, context) => (await context.loaders.reach.load(organization.id)).programmeCount,
  cityCount: async (organization, _args, context) => (await context.loaders.reach.load(organization.id)).cityCount,
  countryCount: async (organization, _args, context) => (await context.loaders.reach.load(organization.id)).countryCount,
};
