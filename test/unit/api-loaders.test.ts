/**
 * The per-request relation loader: a batch of keys (nodes × direction × types × confidence)
 * answers each key exactly what one store call for that node alone answers, in the same
 * order, whatever the keys it is batched with; relations between two asked nodes go to both,
 * and a node's relation to itself is listed once.
 */
import type { NodeRecord, RelationRecord } from '../../src/domain/graph-document';
import { relationId } from '../../src/domain/graph-document';
import type { Confidence, RelationType } from '../../src/domain/ontology';
import { createLoaders, type RelationKey } from '../../src/api/loaders';
import type { Direction } from '../../src/store/GraphStore';
import { MemoryGraphStore } from '../../src/store/memory/MemoryGraphStore';

const source = [{ doc: 'doc:000', quote: 'a quote' }];
const CITIES = 40;
const city = (i: number) => `city:c${String(i).padStart(2, '0')}`;

function graph(): { nodes: NodeRecord[]; relations: RelationRecord[] } {
  const nodes: NodeRecord[] = [{ id: 'country:xx', label: 'Country', name: 'Xland', nameAr: 'بلد', sources: source } as NodeRecord];
  const relations: RelationRecord[] = [];
  const relate = (type: RelationType, from: string, to: string, confidence: Confidence): void => {
    const note = confidence === 'STATED' ? {} : { note: 'graded for the test' };
    relations.push({ id: relationId({ type, from, to }), type, from, to, confidence, ...note, sources: source } as RelationRecord);
  };
  for (let i = 0; i < CITIES; i += 1) {
    nodes.push({ id: city(i), label: 'City', name: `City ${i}`, nameAr: `مدينة ${i}`, sources: source } as NodeRecord);
    relate('IN_COUNTRY', city(i), 'country:xx', i % 3 === 0 ? 'INFERRED' : 'STATED');
    // Districts both ways between neighbours, so one relation joins two asked nodes.
    if (i > 0) relate('PART_OF', city(i), city(i - 1), i % 4 === 0 ? 'DOUBTFUL' : 'STATED');
  }
  relate('PART_OF', city(7), city(7), 'STATED');
  return { nodes, relations };
}

let store: MemoryGraphStore;
beforeAll(async () => {
  store = new MemoryGraphStore();
  await store.mergeGraph(graph());
});

const DIRECTIONS: Direction[] = ['OUT', 'IN', 'BOTH'];
const TYPE_SETS: RelationType[][] = [[], ['PART_OF'], ['IN_COUNTRY', 'PART_OF']];

it('answers each key of a batch as a store call for its node alone', async () => {
  const keys: RelationKey[] = [];
  for (const direction of DIRECTIONS)
    for (const types of TYPE_SETS)
      for (const minConfidence of [undefined, 'INFERRED' as const])
        for (const nodeId of [...Array.from({ length: CITIES }, (_unused, i) => city(i)), 'country:xx', 'city:missing'])
          keys.push({ nodeId, direction, types, ...(minConfidence ? { minConfidence } : {}) });
  const batched = await createLoaders(store).relations.loadMany(keys);
  const alone = await Promise.all(
    keys.map(({ nodeId, direction, types, minConfidence }) =>
      store.getRelations({ nodeIds: [nodeId], direction, types, ...(minConfidence ? { minConfidence } : {}) }),
    ),
  );
  expect(batched.map((answer) => (answer instanceof Error ? answer.message : answer.map((relation) => relation.id)))).toEqual(
    alone.map((answer) => answer.map((relation) => relation.id)),
  );
  // The self-loop is there, once, for its node in every direction.
  const loop = relationId({ type: 'PART_OF', from: city(7), to: city(7) });
  for (const direction of DIRECTIONS) {
    const answer = await createLoaders(store).relations.load({ nodeId: city(7), direction, types: [] });
    expect(answer.filter((relation) => relation.id === loop)).toHaveLength(1);
  }
});
