/** Journal entries for the journal's own tests: valid changes, none of them applied to a graph. */
import type { NewJournalEntry } from '../../src/curation/CurationJournal';
import type { NodeRecord } from '../../src/domain/graph-document';

export function sampleNode(n: number): NodeRecord {
  return {
    id: `city:town-${n}`,
    label: 'City',
    kind: 'city',
    name: `Town ${n}`,
    nameAr: 'بلدة',
    sources: [{ doc: 'doc:000', quote: 'ويبلغ عدد سكان كراتشي ما يقرب من 20 مليون نسمة' }],
  };
}

export function sampleEntry(n: number): NewJournalEntry {
  const node = sampleNode(n);
  return {
    at: new Date(Date.UTC(2026, 0, 1, 0, 0, n)).toISOString(),
    editor: n % 2 === 0 ? 'alice' : 'carol',
    entityId: node.id,
    change: { kind: 'createNode', node },
    before: null,
    after: node,
  };
}

export function sampleEntries(count: number, first = 1): NewJournalEntry[] {
  return Array.from({ length: count }, (_, i) => sampleEntry(first + i));
}
