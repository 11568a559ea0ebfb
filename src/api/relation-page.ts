/**
 * Internal. A page of a node's relations, resolved lazily: `edges` and `pageInfo` read the
 * batched relations loader, `totalCount` asks the store to count, so asking only for the
 * count never loads the list.
 */
import type { Confidence, RelationType } from '../domain/ontology';
import type { Direction } from '../store/GraphStore';

export interface RelationPageRequest {
  readonly nodeId: string;
  readonly direction: Direction;
  readonly types: readonly RelationType[];
  /** Only relations at least this sure; all when absent. */
  readonly minConfidence?: Confidence;
  readonly first: number;
  readonly after: string | null;
  /** Only relations whose `forCity` is one of these (endorsements by country). */
  readonly forCities?: ReadonlySet<string>;
}
