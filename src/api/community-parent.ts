/**
 * Internal. A community as its resolvers receive it: its members loaded, its bindings
 * computed only when asked (`Community.bindings`).
 */
import type { NodeRecord } from '../domain/graph-document';

export interface CommunityParent {
  readonly id: number;
  readonly size: number;
  readonly members: readonly NodeRecord[];
}
