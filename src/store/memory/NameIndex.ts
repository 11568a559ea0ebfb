/**
 * Internal. Full-text index over node names for the memory store (MiniSearch), folding
 * case, diacritics, tashkeel and Arabic letter variants on both sides, with prefix and
 * fuzzy matching. Exact matches of the whole name, Arabic name or an alias rank first.
 *
 * Built on the first search, not at load: MiniSearch indexes about 15k names a second here,
 * so at a million relations (330k nodes) indexing at load would cost far more than the
 * whole graph. The build runs in slices that yield to the event loop, so a server keeps
 * answering other requests while the first search waits for it.
 */
import MiniSearch, { type SearchResult } from 'minisearch';
import type { NodeRecord } from '../../domain/graph-document';
import type { NodeLabel } from '../../domain/ontology';
import { foldForSearch, searchTerms } from '../../domain/text';

interface IndexedName {
  readonly id: string;
  readonly label: NodeLabel;
  readonly name: string;
  readonly nameAr: string;
  readonly aliases: string;
}

export interface NameMatch {
  readonly id: string;
  readonly score: number;
  readonly exact: boolean;
}

/** Names indexed between two yields to the event loop while building. */
const SLICE = 2000;

function namesOf(node: NodeRecord): string[] {
  const acronym = node.label === 'Organization' && node.acronym ? [node.acronym] : [];
  const code = node.label === 'Country' ? [node.code] : [];
  return [node.name, node.nameAr, ...(node.aliases ?? []), ...acronym, ...code];
}

function collapse(text: string): string {
  return searchTerms(text).join(' ');
}

function tokenize(text: string): string[] {
  return text.split(/[^\p{L}\p{N}]+/u);
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

export class NameIndex {
  private readonly index = new MiniSearch<IndexedName>({
    fields: ['name', 'nameAr', 'aliases'],
    storeFields: ['label'],
    tokenize,
    processTerm: (term) => {
      const folded = foldForSearch(term);
      return folded.length > 0 ? folded : null;
    },
    searchOptions: {
      boost: { name: 2, nameAr: 2, aliases: 1.5 },
      prefix: true,
      fuzzy: (term) => (term.length > 4 ? 0.2 : false),
    },
  });
  /** Nodes written since the last search, in write order (a later write of an id wins). */
  private pending: NodeRecord[] = [];
  private flushing: Promise<void> | undefined;
  /** Bumped by clear(), so that a build in progress stops adding what was cleared. */
  private generation = 0;

  /** @param recordOf the current record of an indexed node (for the exact-name check). */
  constructor(private readonly recordOf: (id: string) => NodeRecord | undefined) {}

  upsert(node: NodeRecord): void {
    this.pending.push(node);
  }

  clear(): void {
    this.index.removeAll();
    this.pending = [];
    this.generation += 1;
  }

  async search(text: string, labels: readonly NodeLabel[] | undefined, first: number): Promise<NameMatch[]> {
    await this.flush();
    const wanted = labels && labels.length > 0 ? new Set<string>(labels) : undefined;
    const filter = wanted ? (result: SearchResult) => wanted.has(String(result['label'])) : undefined;
    let results = this.index.search(text, { combineWith: 'AND', ...(filter ? { filter } : {}) });
    // A query with one misspelt word among several should still find something.
    if (results.length === 0) results = this.index.search(text, { combineWith: 'OR', ...(filter ? { filter } : {}) });
    const queryTerms = searchTerms(text);
    const query = queryTerms.join(' ');
    // MiniSearch splits the raw text before folding (tashkeel splits a word); where that
    // gives other terms than folding first, the cheap pre-check below does not hold.
    const sameTerms = tokenize(text).map(foldForSearch).filter((term) => term.length > 0).join(' ') === query;
    return (
      results
        .map((result) => {
          const id = String(result.id);
          const candidate = !sameTerms || queryTerms.every((term) => result.terms.includes(term));
          return { id, exact: candidate && this.isExact(id, query), score: result.score };
        })
        // Exact matches first, then by relevance, then by id so that ties are deterministic.
        .sort((a, b) => Number(b.exact) - Number(a.exact) || b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
        .slice(0, first)
    );
  }

  /**
   * Whether the folded query equals a whole folded name of the node. Only a result that
   * matched every query term as itself (not as a prefix or a near miss) can be one, so the
   * names are folded again for those few results alone: no folded names are kept per node.
   */
  private isExact(id: string, query: string): boolean {
    const record = this.recordOf(id);
    return record !== undefined && namesOf(record).some((name) => collapse(name) === query);
  }

  /** Indexes what was written since the last search; one build at a time. */
  private async flush(): Promise<void> {
    while (this.flushing) await this.flushing;
    if (this.pending.length === 0) return;
    this.flushing = this.drain();
    try {
      await this.flushing;
    } finally {
      this.flushing = undefined;
    }
  }

  /** Adds the pending nodes a slice at a time, yielding to the event loop between slices. */
  private async drain(): Promise<void> {
    const generation = this.generation;
    while (this.pending.length > 0 && generation === this.generation) {
      const batch = this.pending;
      this.pending = [];
      for (let start = 0; start < batch.length; start += SLICE) {
        if (start > 0) await yieldToEventLoop();
        // clear() while we yielded: what is left of this batch was cleared with the rest.
        if (generation !== this.generation) return;
        for (const node of batch.slice(start, start + SLICE)) this.add(node);
      }
    }
  }

  private add(node: NodeRecord): void {
    if (this.index.has(node.id)) this.index.discard(node.id);
    const names = namesOf(node);
    this.index.add({ id: node.id, label: node.label, name: node.name, nameAr: node.nameAr, aliases: names.slice(2).join(' | ') });
  }
}
