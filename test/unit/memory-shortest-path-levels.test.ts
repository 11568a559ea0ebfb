/**
 * The memory store's shortest path through levels of thousands of nodes on both sides: the
 * search expands the smaller side, so it must expand a level of 3,000 whose last node alone
 * leads on. The frontier grows far past its first size (a typed array grown by doubling),
 * and every node of it must still be there to be expanded.
 */
import type { GraphData, NodeRecord, RelationRecord } from '../../src/domain/graph-document';
import { relationId } from '../../src/domain/graph-document';
import { MemoryGraphStore } from '../../src/store/memory/MemoryGraphStore';

const CITIES = 3_000;
const source = [{ doc: 'doc:000', quote: 'a quote' }];

function starGraph(): GraphData {
  const nodes: NodeRecord[] = [
    { id: 'org:hub', label: 'Organization', name: 'Hub', nameAr: 'المحور', sources: source } as NodeRecord,
    { id: 'country:yy', label: 'Country', name: 'Yland', nameAr: 'بلد', sources: source } as NodeRecord,
  ];
  const relations: RelationRecord[] = [];
  const relate = (type: RelationRecord['type'], from: string, to: string): void => {
    relations.push({ id: relationId({ type, from, to }), type, from, to, confidence: 'STATED', sources: source } as RelationRecord);
  };
  for (let i = 0; i < CITIES; i += 1) {
    const city = `city:c${String(i).padStart(4, '0')}`;
    nodes.push({ id: city, label: 'City', name: `City ${i}`, nameAr: `مدينة ${i}`, sources: source } as NodeRecord);
    relate('PARTNERS_WITH', 'org:hub', city);
    const other = `city:f${String(i).padStart(4, '0')}`;
    nodes.push({ id: other, label: 'City', name: `Other city ${i}`, nameAr: `مدينة أخرى ${i}`, sources: source } as NodeRecord);
    relate('IN_COUNTRY', other, 'country:yy');
  }
  // Only the last city of the hub's level leads to the country's level.
  relate('LEARNED_FROM', 'city:c2999', 'city:f0000');
  return { nodes, relations };
}

let store: MemoryGraphStore;
beforeAll(async () => {
  store = new MemoryGraphStore();
  await store.mergeGraph(starGraph());
});

it('finds the path through the one node of a level of 3,000 that leads on', async () => {
  const path = await store.shortestPath({ fromId: 'city:c0000', toId: 'country:yy', maxHops: 6 });
  expect(path?.nodeIds).toEqual(['city:c0000', 'org:hub', 'city:c2999', 'city:f0000', 'country:yy']);
  expect(path?.relations.map((relation) => relation.type)).toEqual(['PARTNERS_WITH', 'PARTNERS_WITH', 'LEARNED_FROM', 'IN_COUNTRY']);
});

it('stops at the hop cap before it', async () => {
  expect(await store.shortestPath({ fromId: 'city:c0000', toId: 'country:yy', maxHops: 3 })).toBeNull();
});
