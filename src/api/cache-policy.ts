/**
 * Internal. The cache policy of an operation, read from the schema's `@cacheControl` hints
 * and the document alone, before it runs: the rules of Apollo's cache-control plugin
 * (a field takes its own hint, else its return type's; a field returning an object, and
 * every root field, is uncacheable unless hinted or told to inherit its parent's max-age;
 * the answer's policy is the strictest of its fields'), applied to every field the
 * document selects instead of to every field resolved.
 *
 * Why: Apollo's plugin learns the policy by wrapping every resolver of the schema and
 * hearing each field resolve (`willResolveField`); that was a third of an uncached `node`
 * request's time. Every field a document selects can be resolved (and no resolver here sets
 * a dynamic hint), so the policy read from the document is never looser than Apollo's,
 * and it is Apollo's exactly when every selected field resolves. It is stricter only
 * where a parent is null, a list is empty or a fragment's type is not the one resolved;
 * in this schema every type inherits its max-age and only root fields carry one, so the
 * two agree on every answer (test/unit/cache-policy.test.ts compares them).
 */
import {
  getDirectiveValues,
  getNamedType,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  isAbstractType,
  isCompositeType,
  isObjectType,
  Kind,
  visit,
  BREAK,
  type DirectiveNode,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

export type CacheScope = 'PUBLIC' | 'PRIVATE';

/** A hint as `@cacheControl` gives it; also the policy of a field or an answer. */
export interface CacheHint {
  readonly maxAge?: number;
  readonly scope?: CacheScope;
  readonly inheritMaxAge?: boolean;
}

/** The strictest of two policies (Apollo's `restrict`): the shorter max-age, and PRIVATE over PUBLIC. */
export function restrictPolicy(policy: CacheHint, hint: CacheHint): CacheHint {
  const maxAge = hint.maxAge !== undefined && (policy.maxAge === undefined || hint.maxAge < policy.maxAge) ? hint.maxAge : policy.maxAge;
  const scope = hint.scope !== undefined && policy.scope !== 'PRIVATE' ? hint.scope : policy.scope;
  return { ...(maxAge === undefined ? {} : { maxAge }), ...(scope === undefined ? {} : { scope }) };
}

/** What `hint` sets replaces what `policy` had (Apollo's `replace`). */
function replacePolicy(policy: CacheHint, hint: CacheHint): CacheHint {
  const maxAge = hint.maxAge ?? policy.maxAge;
  const scope = hint.scope ?? policy.scope;
  return { ...(maxAge === undefined ? {} : { maxAge }), ...(scope === undefined ? {} : { scope }) };
}

/** The `@cacheControl` hint among some directives, read as Apollo reads it. */
function hintOf(directives: readonly DirectiveNode[] | undefined): CacheHint | undefined {
  const directive = directives?.find((each) => each.name.value === 'cacheControl');
  if (directive === undefined) return undefined;
  const argument = (name: string) => directive.arguments?.find((each) => each.name.value === name)?.value;
  const scopeValue = argument('scope');
  const scopeName = scopeValue?.kind === Kind.ENUM ? scopeValue.value : undefined;
  const scope = scopeName === 'PUBLIC' || scopeName === 'PRIVATE' ? scopeName : undefined;
  const inherit = argument('inheritMaxAge');
  if (inherit?.kind === Kind.BOOLEAN && inherit.value) return { inheritMaxAge: true, ...(scope === undefined ? {} : { scope }) };
  const maxAge = argument('maxAge');
  return { ...(maxAge?.kind === Kind.INT ? { maxAge: parseInt(maxAge.value, 10) } : {}), ...(scope === undefined ? {} : { scope }) };
}

/** The schema's hints, read once: by type and by field, as the type's or the field's definition (or extensions) give them. */
export class CacheHints {
  private readonly types = new Map<GraphQLCompositeType, CacheHint>();
  private readonly fields = new Map<GraphQLField<unknown, unknown>, CacheHint>();

  ofType(type: GraphQLCompositeType): CacheHint {
    let hint = this.types.get(type);
    if (hint === undefined) {
      hint = hintOf(type.astNode?.directives) ?? type.extensionASTNodes.map((node) => hintOf(node.directives)).find(Boolean) ?? {};
      this.types.set(type, hint);
    }
    return hint;
  }

  ofField(field: GraphQLField<unknown, unknown>): CacheHint {
    let hint = this.fields.get(field);
    if (hint === undefined) {
      hint = hintOf(field.astNode?.directives) ?? {};
      this.fields.set(field, hint);
    }
    return hint;
  }
}

/** A field's own policy, before it is summed into the answer's (Apollo's `willResolveField`). */
function fieldPolicy(hints: CacheHints, field: GraphQLField<unknown, unknown>, isRoot: boolean, defaultMaxAge: number): CacheHint {
  let policy: CacheHint = {};
  let inheritMaxAge = false;
  const target = getNamedType(field.type);
  if (isCompositeType(target)) {
    const typeHint = hints.ofType(target);
    policy = replacePolicy(policy, typeHint);
    inheritMaxAge = typeHint.inheritMaxAge === true;
  }
  const fieldHint = hints.ofField(field);
  if (fieldHint.inheritMaxAge === true && policy.maxAge === undefined) {
    inheritMaxAge = true;
    if (fieldHint.scope !== undefined) policy = replacePolicy(policy, { scope: fieldHint.scope });
  } else {
    policy = replacePolicy(policy, fieldHint);
  }
  if (policy.maxAge === undefined && ((isCompositeType(target) && !inheritMaxAge) || isRoot)) {
    policy = restrictPolicy(policy, { maxAge: defaultMaxAge });
  }
  return policy;
}

export interface PolicyQuestion {
  readonly schema: GraphQLSchema;
  readonly hints: CacheHints;
  readonly document: DocumentNode;
  readonly operation: OperationDefinitionNode;
  /** The operation's variables, coerced (only `@skip` / `@include` read them). */
  readonly variables: Readonly<Record<string, unknown>>;
  /** The max-age of a root field or an object-returning field without a hint of its own. */
  readonly defaultMaxAge: number;
}

/**
 * The policy of the answer to `operation`: the strictest of the policies of every field it
 * selects, on every type a fragment can apply to. Meta fields (`__typename`, introspection)
 * add nothing, as Apollo leaves them unwrapped.
 */
export function operationCachePolicy(question: PolicyQuestion): CacheHint {
  const { schema, hints, document, operation, variables, defaultMaxAge } = question;
  const root = schema.getRootType(operation.operation);
  if (root === undefined || root === null) return {};
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const included = (node: { readonly directives?: readonly DirectiveNode[] }): boolean =>
    getDirectiveValues(GraphQLSkipDirective, node, variables)?.if !== true &&
    getDirectiveValues(GraphQLIncludeDirective, node, variables)?.if !== false;
  const applies = (condition: string | undefined, type: GraphQLObjectType): boolean => {
    if (condition === undefined || condition === type.name) return true;
    const conditionType = schema.getType(condition);
    return conditionType !== undefined && isAbstractType(conditionType) && schema.isSubType(conditionType, type);
  };

  /** The fields a selection set selects on `type`, by name, with their sub-selections. */
  const collect = (type: GraphQLObjectType, selectionSet: SelectionSetNode, into: Map<string, FieldNode[]>, seen: Set<string>): void => {
    for (const selection of selectionSet.selections) {
      if (!included(selection)) continue;
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        into.set(name, [...(into.get(name) ?? []), selection]);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        if (applies(selection.typeCondition?.name.value, type)) collect(type, selection.selectionSet, into, seen);
      } else {
        const fragment = fragments.get(selection.name.value);
        if (fragment === undefined || seen.has(fragment.name.value)) continue;
        seen.add(fragment.name.value);
        if (applies(fragment.typeCondition.name.value, type)) collect(type, fragment.selectionSet, into, seen);
      }
    }
  };

  // A type's part depends only on the type and the selections made on it: each pair is summed once.
  const done = new Map<GraphQLObjectType, Set<SelectionSetNode>>();
  let policy: CacheHint = {};
  const walk = (type: GraphQLObjectType, selectionSets: readonly SelectionSetNode[], isRoot: boolean): void => {
    const fields = new Map<string, FieldNode[]>();
    for (const selectionSet of selectionSets) collect(type, selectionSet, fields, new Set());
    for (const [name, nodes] of fields) {
      if (name.startsWith('__')) continue;
      const field = type.getFields()[name];
      if (field === undefined) continue;
      policy = restrictPolicy(policy, fieldPolicy(hints, field, isRoot, defaultMaxAge));
      const target = getNamedType(field.type);
      if (!isCompositeType(target)) continue;
      const subSelections = nodes.flatMap((node) => (node.selectionSet === undefined ? [] : [node.selectionSet]));
      for (const runtime of isObjectType(target) ? [target] : schema.getPossibleTypes(target)) {
        const seenOnType = done.get(runtime) ?? new Set();
        done.set(runtime, seenOnType);
        const fresh = subSelections.filter((selectionSet) => !seenOnType.has(selectionSet));
        if (fresh.length === 0) continue;
        for (const selectionSet of fresh) seenOnType.add(selectionSet);
        walk(runtime, fresh, false);
      }
    }
  };
  walk(root, [operation.selectionSet], true);
  return policy;
}

/** Whether a document's policy can depend on its variables (it uses `@skip` or `@include`). */
export function readsVariables(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Directive(node) {
      if (node.name.value === 'skip' || node.name.value === 'include') {
        found = true;
        return BREAK;
      }
      return undefined;
    },
  });
  return found;
}
