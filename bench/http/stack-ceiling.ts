/**
 * The stack's ceiling for the HTTP benchmark: what Apollo Server 5 and graphql-js alone
 * answer per second over our schema, with none of our plugins, context, loaders, resolvers
 * or store. The real server's answers are recorded once (data only) and the stack's
 * resolvers hand them back, so the stack parses, validates and executes the same document
 * and serialises the same bytes. The gap server → stack is ours; stack → floor is the
 * mandated stack's own cost.
 */
import { Kind, parse, print, visit, type FieldNode } from 'graphql';

/** One operation's recorded `data`: root field → value. */
export type RecordedData = Readonly<Record<string, unknown>>;

const typenameField: FieldNode = { kind: Kind.FIELD, name: { kind: Kind.NAME, value: '__typename' } };

/**
 * The query with `__typename` selected in every selection set that lacks it: recorded with
 * this, each object carries its concrete type, which graphql-js's default `resolveType`
 * reads, so `Node` and other abstract fields resolve on the stack without our resolvers.
 */
export function withTypenames(query: string): string {
  return print(
    visit(parse(query), {
      SelectionSet(node) {
        const hasTypename = node.selections.some((each) => each.kind === Kind.FIELD && each.name.value === '__typename');
        return hasTypename ? undefined : { ...node, selections: [...node.selections, typenameField] };
      },
    }),
  );
}

/**
 * Query resolvers answering each recorded root field with its recorded value. Two operations
 * may share a root field only with the same value (else one of them would answer wrongly).
 */
export function recordedResolvers(recorded: Readonly<Record<string, RecordedData>>): Record<string, () => unknown> {
  const values = new Map<string, unknown>();
  for (const [operation, data] of Object.entries(recorded)) {
    for (const [field, value] of Object.entries(data)) {
      if (values.has(field) && JSON.stringify(values.get(field)) !== JSON.stringify(value))
        throw new Error(`recorded root field ${field} differs between operations (at ${operation})`);
      values.set(field, value);
    }
  }
  return Object.fromEntries([...values].map(([field, value]) => [field, () => value]));
}
