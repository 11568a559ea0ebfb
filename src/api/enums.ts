/**
 * Internal. Mapping between the ontology's values (`City`, `coordination-body`) and the
 * GraphQL enum values (`CITY`, `COORDINATION_BODY`). A unit test checks the schema's enums
 * hold exactly the ontology's values, so these conversions cannot drift.
 */
import { LABEL_OF_NODE_TYPE, type NodeLabel } from '../domain/ontology';
import type { NodeType } from './resolvers-types.generated';

/** `coordination-body` → `COORDINATION_BODY`. */
export function toEnumValue<T extends string>(value: string): T {
  return value.toUpperCase().replace(/-/g, '_') as T;
}

export function nodeTypeOf(label: NodeLabel): NodeType {
  return toEnumValue<NodeType>(label);
}

export function labelOf(type: NodeType): NodeLabel {
  return LABEL_OF_NODE_TYPE[type];
}

/** `COORDINATION_BODY` → `coordination-body`. */
export function fromEnumValue<T extends string>(value: string): T {
  return value.toLowerCase().replace(/_/g, '-') as T;
}
