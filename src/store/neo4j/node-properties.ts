/**
 * Internal. How a node record is laid out as Neo4j properties, and back.
 *
 * Properties are flat: the common ones (`id`, `name`, `nameAr`, `aliases`, `note`), the
 * label's own (`LABEL_PROPERTIES`), provenance as parallel string arrays `sourceDocs` /
 * `sourceQuotes` (Neo4j properties cannot hold maps), and folded search keys that the
 * full-text indexes and the exact-match test read. Absent optional values are left out
 * rather than stored as null, so a re-merge compares equal property maps.
 */
import { citedBy, isWebAddress, nodeRecordSchema, type NodeRecord, type SourceRef } from '../../domain/graph-document';
import { COMMON_NODE_PROPERTIES, LABEL_PROPERTIES, type NodeLabel } from '../../domain/ontology';
import { searchTerms } from '../../domain/text';
import { isPlainMap, isStringList, type PlainMap, type PlainValue } from './neo4j-values';

/** Folded text with punctuation collapsed: what exact matching compares, on both sides. */
export function searchKey(text: string): string {
  return searchTerms(text).join(' ');
}

/** The other names a node is found by: aliases, an organisation's acronym, a country's code. */
function otherNames(node: NodeRecord): string[] {
  const acronym = node.label === 'Organization' && node.acronym !== undefined ? [node.acronym] : [];
  const code = node.label === 'Country' ? [node.code] : [];
  return [...(node.aliases ?? []), ...acronym, ...code];
}

/** The property map a node is stored as (the `props` of a merge row). */
export function nodeToProperties(node: NodeRecord): Record<string, unknown> {
  // Only the ontology's keys, whatever else a caller's object carries.
  const fields = new Map<string, unknown>(Object.entries(node));
  const properties: Record<string, unknown> = {};
  for (const key of [...COMMON_NODE_PROPERTIES, ...LABEL_PROPERTIES[node.label]]) {
    const value = fields.get(key);
    if (value !== undefined && value !== null) properties[key] = value;
  }
  const others = otherNames(node);
  const keys = [node.name, node.nameAr, ...others].map(searchKey).filter((key) => key.length > 0);
  return {
    ...properties,
    sourceDocs: node.sources.map(citedBy),
    sourceQuotes: node.sources.map((source) => source.quote),
    searchName: searchKey(node.name),
    searchNameAr: searchKey(node.nameAr),
    // One line per name, so the analysers keep names apart.
    searchAliases: others.map(searchKey).join('\n'),
    searchKeys: [...new Set(keys)],
  };
}

function stringList(value: PlainValue | undefined, what: string): readonly string[] {
  if (value === undefined || value === null) return [];
  if (isStringList(value)) return value;
  throw new TypeError(`stored ${what} is not a list of strings`);
}

/** Zips the parallel provenance arrays back into `{doc, quote}` pairs. */
export function sourcesFromProperties(properties: PlainMap, owner: string): SourceRef[] {
  const docs = stringList(properties['sourceDocs'], `sourceDocs of ${owner}`);
  const quotes = stringList(properties['sourceQuotes'], `sourceQuotes of ${owner}`);
  if (docs.length !== quotes.length) {
    throw new TypeError(`stored provenance of ${owner} is broken: ${docs.length} docs but ${quotes.length} quotes`);
  }
  // `sourceDocs` holds what each source cites: a Document id, or a web page's address.
  return docs.map((cited, index) => {
    const quote = quotes[index] as string;
    return isWebAddress(cited) ? { url: cited, quote } : { doc: cited, quote };
  });
}

/** The node record stored under `label` with these properties (checked against the ontology). */
export function nodeFromProperties(label: NodeLabel, properties: PlainValue): NodeRecord {
  if (!isPlainMap(properties)) throw new TypeError(`stored ${label} node has no property map`);
  const map = properties;
  const record: Record<string, unknown> = { label };
  for (const key of [...COMMON_NODE_PROPERTIES, ...LABEL_PROPERTIES[label]]) {
    const value = map[key];
    if (value !== undefined && value !== null) record[key] = value;
  }
  record['sources'] = sourcesFromProperties(map, String(map['id']));
  return nodeRecordSchema.parse(record);
}
