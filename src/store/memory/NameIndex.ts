/**
 * Internal. Full-text index over node names for the memory store (MiniSearch), folding
 * case, diacritics, tashkeel and Arabic letter variants on both sides, with prefix and
 * fuzzy matching. Exact matches of the whole name, Arabic name or an alias rank first.
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

function namesOf(node: NodeRecord): string[] {
  const acronym = node.label === 'Organization' && node.acronym ? [node.acronym] : [];
  const code = node.label === 'Country' ? [node.code] : [];
  return [node.name, node.nameAr, ...(node.aliases ?? []), ...acronym, ...code];
}

function collapse(text: string): string {
  return searchTerms(text).join(' ');
}

export class NameIndex {
  private readonly index = new MiniSearch<IndexedName>({
    fields: ['name', 'nameAr', 'aliases'],
    storeFields: ['label'],
    tokenize: (text) => text.split(/[^\p{L}\p{N}]+/u),
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
  /** Folded whole names of each node, for the exact-match test. */
  private readonly exactNames = new Map<string, ReadonlySet<string>>();

  upsert(node: NodeRecord): void {
    if (this.index.has(node.id)) this.index.discard(node.id);
    const names = namesOf(node);
    this.index.add({
      id: node.id,
      label: node.label,
      name: node.name,
      nameAr: node.nameAr,
      aliases: names.slice(2).join(' | '),
    });
    this.exactNames.set(node.id, new Set(names.map(collapse)));
  }

  clear(): void {
    this.index.removeAll();
    this.exactNames.clear();
  }

  search(text: string, labels: readonly NodeLabel[] | undefined, first: number): NameMatch[] {
    const wanted = labels && labels.length > 0 ? new Set<string>(labels) : undefined;
    const filter = wanted ? (result: SearchResult) => wanted.has(String(result['label'])) : undefined;
    let results = this.index.search(text, { combineWith: 'AND', ...(filter ? { filter } : {}) });
    // A query with one misspelt word among several should still find something.
    if (results.length === 0) results = this.index.search(text, { combineWith: 'OR', ...(filter ? { filter } : {}) });
    const query = collapse(text);
    return (
      results
        .map((result) => {
          const id = String(result.id);
          const exact = this.exactNames.get(id)?.has(query) ?? false;
          return { id, exact, score: result.score };
        })
        // Exact matches first, then by relevance, then by id so that ties are deterministic.
        .sort((a, b) => Number(b.exact) - Number(a.exact) || b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
        .slice(0, first)
    );
  }
}
