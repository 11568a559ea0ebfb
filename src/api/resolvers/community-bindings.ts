/**
 * Internal. What binds a community (`Community.bindings`): the nodes outside it that
 * relations join to at least two of its members, from one batched store read of the
 * members' relations.
 */
import { checkFirst } from '../arguments';
import type { ApiContext } from '../context';
import type { CommunityResolvers } from '../resolvers-types.generated';

/** Members read for the bindings of a large community (the first by id). */
export const MAX_BINDING_MEMBERS = 500;

export interface Binding {
  readonly nodeId: string;
  readonly memberIds: readonly string[];
}

/** Nodes outside `members` joined to two or more of them, most members first, then by id. */
export async function communityBindings(context: ApiContext, memberIds: readonly string[], first: number): Promise<Binding[]> {
  const members = [...memberIds].sort().slice(0, MAX_BINDING_MEMBERS);
  const inside = new Set(members);
  const relations = await context.store.getRelations({ nodeIds: members, direction: 'BOTH' });
  const joined = new Map<string, Set<string>>();
  for (const relation of relations) {
    const [member, other] = inside.has(relation.from) ? [relation.from, relation.to] : [relation.to, relation.from];
    if (!inside.has(member) || inside.has(other)) continue;
    const set = joined.get(other) ?? new Set<string>();
    set.add(member);
    joined.set(other, set);
  }
  return [...joined]
    .filter(([, set]) => set.size >= 2)
    .map(([nodeId, set]) => ({ nodeId, memberIds: [...set].sort() }))
    .sort((a, b) => b.memberIds.length - a.memberIds.length || (a.nodeId < b.nodeId ? -1 : a.nodeId > b.nodeId ? 1 : 0))
    .slice(0, first);
}

export const Community: CommunityResolvers = {
  bindings: async (community, args, context) => {
    const bindings = await communityBindings(
      context,
      community.members.map((member) => member.id),
      checkFirst(args.first, 5),
    );
    const nodes = await context.loaders.node.loadMany(bindings.map((binding) => binding.nodeId));
    return bindings.flatMap((binding, index) => {
      const node = nodes[index];
      if (!node || node instanceof Error) return [];
      return [{ node, memberCount: binding.memberIds.length, memberIds: [...binding.memberIds] }];
    });
  },
};
