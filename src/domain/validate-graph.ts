/**
 * Public. Validates a set of curated graph documents against the ontology and the source
 * texts, reporting every problem (not just the first) with its file and entity id, and
 * merges the files into one graph: a node may be described in several files (one per
 * source document) and its sources are joined, as long as the files agree on its facts.
 */
import type { z } from 'zod';
import {
  graphDocumentSchema,
  nodeRecordSchema,
  relationId,
  relationInputSchema,
  relationShapeSchema,
  citedBy,
  isDocumentSource,
  type GraphData,
  type NodeRecord,
  type RelationInput,
  type RelationRecord,
  type SourceRef,
} from './graph-document';
import { canonicalNode, canonicalRelation } from './canonical-records';
import { allowsLabelPair, ID_PATTERN, NODE_LABELS, RELATION_ENDPOINTS, RELATION_TYPES, type NodeLabel } from './ontology';
import { badQuoteReason, normalizeWhitespace } from './text';
import { rememberRelationEnds, type RelationEnds } from './relation-ends';
import { IdCodes } from './id-codes';
import { TripleIndex } from './triple-index';

export const PROBLEM_CODES = [
  'UNREADABLE',
  'SHAPE',
  'UNKNOWN_LABEL',
  'UNKNOWN_RELATION_TYPE',
  'BAD_ID',
  'DUPLICATE_ID',
  'DUPLICATE_RELATION',
  'CONFLICT',
  'MISSING_ENDPOINT',
  'WRONG_ENDPOINT_LABEL',
  'BAD_PROPERTY',
  'MISSING_PROVENANCE',
  'UNKNOWN_DOCUMENT',
  'QUOTE_NOT_FOUND',
  'MISSING_SOURCE_FILE',
  'BAD_QUOTE',
  'ISOLATED_NODE',
  'UNPLACED_CITY',
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

export interface Problem {
  readonly file: string;
  /** The node id, the relation id, or the entry's position when it has no usable id. */
  readonly entity: string;
  readonly code: ProblemCode;
  readonly message: string;
}

/** One curated file: its name and its parsed JSON (or the reason it could not be read). */
export type GraphFile = { readonly file: string; readonly content: unknown } | { readonly file: string; readonly error: string };

export interface ValidationInput {
  readonly files: readonly GraphFile[];
  /** Source texts by file name (as in `seed/sources/`), for the verbatim quote check. */
  readonly sourceTexts: ReadonlyMap<string, string>;
}

export interface ValidationOptions {
  /**
   * Accept web sources (`url`), stored as given (a web page cannot be checked against
   * seed/sources). Curation and backups allow them; the seed never does.
   * @default false
   */
  readonly allowWebSources?: boolean;
  /**
   * Apply the rules only the curated seed must follow: every relation states its
   * `confidence` explicitly, no node (but a Document) is without relations, and every City
   * is IN_COUNTRY or PART_OF something. A curated change (validated with only the nodes it
   * touches) and a backup of a curated graph turn them off.
   * @default true
   */
  readonly seedRules?: boolean;
  /**
   * The caller hands its input over (readSeed's parsed files, which nothing else holds):
   * relation entries that pass as they are become the result's records, given their `id`,
   * instead of being copied (a million copies at a million relations).
   * @default false
   */
  readonly adoptInput?: boolean;
  /**
   * Hears the merged nodes as soon as they are known, before the relations are checked:
   * if no problem is found, they are the graph's nodes (the same records, in order).
   */
  readonly onNodes?: (nodes: readonly NodeRecord[]) => void;
}

export interface ValidationResult {
  readonly graph: GraphData;
  readonly problems: readonly Problem[];
}

interface Located<T> {
  readonly file: string;
  readonly value: T;
}

export function validateGraph(input: ValidationInput, options: ValidationOptions = {}): ValidationResult {
  const problems: Problem[] = [];
  const report = (file: string, entity: string, code: ProblemCode, message: string): void => {
    problems.push({ file, entity, code, message });
  };

  // Read first (without reporting) to know how many relations there are at most.
  const documents = input.files.map((graphFile) => ('error' in graphFile ? undefined : readDocument(graphFile.content)));
  const ids = new NodeCodes(
    documents.reduce((count, document) => count + (document && 'nodes' in document ? document.nodes.length : 0), 0),
  );
  const nodeEntries: NodeEntry[] = [];
  const capacity = documents.reduce((count, document) => count + (document && 'relations' in document ? document.relations.length : 0), 0);
  const relationEntries = new RelationEntries(ids, capacity);
  // Ids of nodes already reported as broken: their relations are not reported again.
  const rejectedIds = new Set<string>();
  const relationOptions = { requireConfidence: options.seedRules ?? true, adoptInput: options.adoptInput ?? false };
  input.files.forEach((graphFile, i) => {
    const document = documents[i];
    if ('error' in graphFile || document === undefined) {
      report(graphFile.file, '(file)', 'UNREADABLE', 'error' in graphFile ? graphFile.error : 'not read');
      return;
    }
    if ('error' in document) {
      report(graphFile.file, '(file)', 'SHAPE', describeZodError(document.error));
      return;
    }
    const fileNumber = relationEntries.fileNames.push(graphFile.file) - 1;
    readNodes(graphFile.file, fileNumber, document.nodes, ids, nodeEntries, rejectedIds, report);
    readRelations(graphFile.file, fileNumber, document.relations, relationEntries, report, relationOptions);
  });

  const nodes = mergeNodes(nodeEntries, ids, report);
  const nodeRecords = nodes.records();
  if (problems.length === 0) options.onNodes?.(nodeRecords);
  const relations = mergeRelations(relationEntries, nodes, rejectedIds, report);
  checkProvenance(nodeEntries, relationEntries, nodes, input.sourceTexts, report, options.allowWebSources ?? false);
  if (options.seedRules ?? true) checkSeedRules(nodes, relations, ids, report);

  const graph: GraphData = { nodes: nodeRecords, relations: relations.records };
  if (problems.length === 0) rememberRelationEnds(graph, nodes.positionsOf(relations.from, relations.to));
  return { graph, problems };
}

/** A file's lists as `graphDocumentSchema` reads them; a plain `{ nodes, relations }` object is read without zod's copies. */
function readDocument(
  content: unknown,
): { readonly nodes: readonly unknown[]; readonly relations: readonly unknown[] } | { readonly error: z.ZodError } {
  if (typeof content === 'object' && content !== null && Object.getPrototypeOf(content) === Object.prototype) {
    const { $comment, nodes = [], relations = [] } = content as Record<string, unknown>;
    const keysKnown = Object.keys(content).every((key) => key === '$comment' || key === 'nodes' || key === 'relations');
    if (keysKnown && ($comment === undefined || typeof $comment === 'string') && Array.isArray(nodes) && Array.isArray(relations)) {
      return { nodes: nodes as readonly unknown[], relations: relations as readonly unknown[] };
    }
  }
  const parsed = graphDocumentSchema.safeParse(content);
  return parsed.success ? parsed.data : { error: parsed.error };
}

/**
 * Every node id the files name (a node's own, an end of a relation) as a small integer
 * code, so nodes and relations are found by integer, not by id: one lookup per id read.
 */
class NodeCodes {
  private readonly byId: IdCodes;
  /** By code: the number of the last file that described the node (-1: none yet). */
  private readonly describedIn: number[] = [];

  /** @param expected how many ids are expected (the node entries: relation ends mostly name them too). */
  constructor(expected: number) {
    this.byId = new IdCodes(expected);
  }

  get size(): number {
    return this.byId.size;
  }

  codeOf(id: string): number {
    return this.byId.codeOf(id);
  }

  /**
   * Notes that the node of `code` is described in file `fileNumber`; false if it was
   * already (files are read one after another, so only the last file of each code is kept).
   */
  describeIn(code: number, fileNumber: number): boolean {
    // Codes not yet described read as undefined (the list grows with them).
    if (this.describedIn[code] === fileNumber) return false;
    while (this.describedIn.length < code) this.describedIn.push(-1);
    this.describedIn[code] = fileNumber;
    return true;
  }

  /** The code of an id some node or relation names, or -1. */
  existing(id: string): number {
    return this.byId.existing(id);
  }
}

/** A node read from a file: where, what, and its id's code (NodeCodes). */
interface NodeEntry extends Located<NodeRecord> {
  readonly code: number;
}

const TYPE_NUMBER = new Map<string, number>(RELATION_TYPES.map((type, i) => [type, i]));

/** Entry flags (RelationEntries.flags). */
const RULES_MET = 1;
/** The entry's value may be given its id and kept as the record (a copy, or input handed over). */
const OWNED = 2;

/**
 * The relations read from the files, in order, as parallel lists: the record, the number of
 * the file it was read from, and its (from, type, to) as codes. One (from, type, to) is one
 * id (`relationId`) unless an end holds "->" (never a valid id, but it must be reported as
 * before): such relations are keyed by their id strings instead. Ids are built only where
 * needed (a record, a problem): a million relations do not keep a million id strings here.
 */
class RelationEntries {
  readonly values: RelationInput[] = [];
  /** The files by number (the order they were read in). */
  readonly fileNames: string[] = [];
  readonly fileNumbers: Int32Array;
  readonly from: Int32Array;
  readonly to: Int32Array;
  /** Type number, or -1 for an id keyed by its string. */
  readonly types: Int8Array;
  /** RULES_MET: its type's rules were met already (the fast path checks them with the shape); OWNED. */
  readonly flags: Uint8Array;
  /** The first entry of the same relation (itself if none came before): same relation, same number. */
  readonly first: Int32Array;
  /** The last entry of each relation read so far. */
  private readonly lastOf: RelationKeys;
  private lastFrom = '';
  private lastFromCode = -1;
  private lastTo = '';
  private lastToCode = -1;

  /** @param capacity how many entries the files hold (an upper bound of how many are added). */
  constructor(
    private readonly codes: NodeCodes,
    capacity: number,
  ) {
    this.fileNumbers = new Int32Array(capacity);
    this.from = new Int32Array(capacity);
    this.to = new Int32Array(capacity);
    this.types = new Int8Array(capacity);
    this.flags = new Uint8Array(capacity);
    this.first = new Int32Array(capacity);
    this.lastOf = new RelationKeys(this, capacity);
  }

  get length(): number {
    return this.values.length;
  }

  fileOf(i: number): string {
    return this.fileNames[this.fileNumbers[i] ?? 0] ?? '';
  }

  idOf(i: number): string {
    const value = this.values[i];
    return value === undefined ? '' : relationId(value);
  }

  /**
   * Adds an entry, unless the same relation came before in the same file: then nothing is
   * added and the answer is false.
   */
  push(fileNumber: number, value: RelationInput, flags: number): boolean {
    // Relations come grouped (an event's participants together): an end like the last is not looked up again.
    if (value.from !== this.lastFrom) {
      this.lastFrom = value.from;
      this.lastFromCode = this.codes.codeOf(value.from);
    }
    if (value.to !== this.lastTo) {
      this.lastTo = value.to;
      this.lastToCode = this.codes.codeOf(value.to);
    }
    const number = this.values.length;
    this.from[number] = this.lastFromCode;
    this.to[number] = this.lastToCode;
    this.types[number] = value.from.includes('->') || value.to.includes('->') ? -1 : (TYPE_NUMBER.get(value.type) ?? -1);
    // The key of a relation keyed by its id string is read from its value.
    this.values.push(value);
    const previous = this.lastOf.get(number);
    if (previous >= 0 && this.fileNumbers[previous] === fileNumber) {
      this.values.pop();
      return false;
    }
    this.fileNumbers[number] = fileNumber;
    this.flags[number] = flags;
    this.first[number] = previous >= 0 ? (this.first[previous] ?? number) : number;
    this.lastOf.set(number, number);
    return true;
  }
}

/** Entries (of RelationEntries) by what identifies a relation, to a number. */
class RelationKeys {
  private readonly byTriple: TripleIndex;
  private readonly byId = new Map<string, number>();

  constructor(
    private readonly entries: RelationEntries,
    expected: number,
  ) {
    this.byTriple = new TripleIndex(expected);
  }

  /** The number kept for the relation of entry `i`, or -1. */
  get(i: number): number {
    const { entries } = this;
    const type = entries.types[i] ?? -1;
    if (type < 0) return this.byId.get(entries.idOf(i)) ?? -1;
    return this.byTriple.get(entries.from[i] ?? 0, entries.to[i] ?? 0, type);
  }

  set(i: number, value: number): void {
    const { entries } = this;
    const type = entries.types[i] ?? -1;
    if (type < 0) this.byId.set(entries.idOf(i), value);
    else this.byTriple.set(entries.from[i] ?? 0, entries.to[i] ?? 0, type, value);
  }
}

type Reporter = (file: string, entity: string, code: ProblemCode, message: string) => void;

function entityName(entry: unknown, kind: 'nodes' | 'relations', index: number): string {
  if (typeof entry === 'object' && entry !== null) {
    const record = entry as Record<string, unknown>;
    if (kind === 'nodes' && typeof record.id === 'string') return record.id;
    if (kind === 'relations' && typeof record.type === 'string' && typeof record.from === 'string' && typeof record.to === 'string') {
      return `${record.from}-${record.type}->${record.to}`;
    }
  }
  return `${kind}[${index}]`;
}

function readNodes(
  file: string,
  fileNumber: number,
  entries: readonly unknown[],
  ids: NodeCodes,
  out: NodeEntry[],
  rejectedIds: Set<string>,
  outerReport: Reporter,
): void {
  const report = (entity: string, code: ProblemCode, message: string): void => {
    rejectedIds.add(entity);
    outerReport(file, entity, code, message);
  };
  for (let index = 0; index < entries.length; index += 1) {
    const entry = entries[index];
    // The fast path: a node zod would accept as it is (canonical-records.ts).
    const canonical = canonicalNode(entry);
    const entity = canonical ? canonical.id : entityName(entry, 'nodes', index);
    let node: NodeRecord;
    if (canonical) node = canonical;
    else {
      const label = (entry as { label?: unknown } | null)?.label;
      if (typeof label !== 'string' || !(NODE_LABELS as readonly string[]).includes(label)) {
        report(
          entity,
          'UNKNOWN_LABEL',
          `node ${entity}: unknown label ${JSON.stringify(label)}; expected one of ${NODE_LABELS.join(', ')}`,
        );
        continue;
      }
      const parsed = nodeRecordSchema.safeParse(entry);
      if (!parsed.success) {
        report(entity, 'SHAPE', `node ${entity}: ${describeZodError(parsed.error)}`);
        continue;
      }
      node = parsed.data;
    }
    if (!ID_PATTERN[node.label].test(node.id)) {
      report(entity, 'BAD_ID', `node ${JSON.stringify(node.id)}: not a valid ${node.label} id; expected ${ID_PATTERN[node.label].source}`);
      continue;
    }
    // The id's code is the one it gets anyway (a duplicate has one already): its file says whether it came before here.
    const code = ids.codeOf(node.id);
    if (!ids.describeIn(code, fileNumber)) {
      report(entity, 'DUPLICATE_ID', `node ${node.id} appears twice in this file; describe it once`);
      continue;
    }
    out.push({ file, value: node, code });
  }
}

function readRelations(
  file: string,
  fileNumber: number,
  entries: readonly unknown[],
  out: RelationEntries,
  report: Reporter,
  options: { readonly requireConfidence: boolean; readonly adoptInput: boolean },
): void {
  for (let index = 0; index < entries.length; index += 1) {
    const entry = entries[index];
    // The fast path: a relation zod would accept as it is, its type's rules met (canonical-records.ts).
    const canonical = canonicalRelation(entry);
    let relation: RelationInput;
    let flags: number;
    if (canonical) {
      relation = canonical;
      flags = RULES_MET | (canonical !== entry || options.adoptInput ? OWNED : 0);
    } else {
      const type = (entry as { type?: unknown } | null)?.type;
      if (typeof type !== 'string' || !(RELATION_TYPES as readonly string[]).includes(type)) {
        const entity = entityName(entry, 'relations', index);
        report(
          file,
          entity,
          'UNKNOWN_RELATION_TYPE',
          `relation ${entity}: unknown type ${JSON.stringify(type)}; expected one of ${RELATION_TYPES.join(', ')}`,
        );
        continue;
      }
      const parsed = relationShapeSchema.safeParse(entry);
      if (!parsed.success) {
        const entity = entityName(entry, 'relations', index);
        report(file, entity, 'SHAPE', `relation ${entity}: ${describeZodError(parsed.error)}`);
        continue;
      }
      // zod's parse is a copy of its own.
      relation = parsed.data;
      flags = OWNED;
    }
    if (!out.push(fileNumber, relation, flags)) {
      const id = relationId(relation);
      report(file, id, 'DUPLICATE_RELATION', `relation ${id} appears twice in this file; give it once with all its sources`);
      continue;
    }
    // Reported, but the relation is still checked (as STATED) so every other problem shows too.
    if (options.requireConfidence && (entry as { confidence?: unknown }).confidence === undefined) {
      const id = relationId(relation);
      report(file, id, 'BAD_PROPERTY', `relation ${id}: needs "confidence" (STATED, INFERRED or DOUBTFUL)`);
    }
  }
}

/** Fields whose values must agree when several files describe the same entity. */
function factsOf(record: object): Record<string, unknown> {
  const facts: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    if (key !== 'sources' && key !== 'aliases' && key !== 'note') facts[key] = value;
  }
  return facts;
}

function conflictingFacts(a: object, b: object): string[] {
  const factsA = factsOf(a);
  const factsB = factsOf(b);
  const keys = new Set([...Object.keys(factsA), ...Object.keys(factsB)]);
  return [...keys].filter((key) => factsA[key] !== undefined && factsB[key] !== undefined && factsA[key] !== factsB[key]);
}

function mergeSources(a: readonly SourceRef[], b: readonly SourceRef[]): SourceRef[] {
  const merged = [...a];
  for (const source of b) {
    if (!merged.some((known) => citedBy(known) === citedBy(source) && known.quote === source.quote)) merged.push(source);
  }
  return merged;
}

function mergeAliases(a: readonly string[] | undefined, b: readonly string[] | undefined): string[] | undefined {
  if (!a && !b) return undefined;
  return [...new Set([...(a ?? []), ...(b ?? [])])];
}

const LABEL_NUMBER = new Map<string, number>(NODE_LABELS.map((label, i) => [label, i]));

/** The merged nodes by code (NodeCodes), in the order each was first described. */
class MergedNodes {
  private readonly byCode: (Located<NodeRecord> | undefined)[];
  /**
   * By code, the node's label as its NODE_LABELS index plus one (0: no node): the relation
   * checks read a million labels from 300 KB here instead of from the node records, a
   * cache miss each.
   */
  private readonly labels: Uint8Array;
  private readonly order: number[] = [];

  constructor(private readonly codes: NodeCodes) {
    this.byCode = new Array<Located<NodeRecord> | undefined>(codes.size).fill(undefined);
    this.labels = new Uint8Array(codes.size);
  }

  at(code: number): Located<NodeRecord> | undefined {
    return this.byCode[code];
  }

  /** The label of the node of `code`, or undefined if there is none. */
  labelAt(code: number): NodeLabel | undefined {
    return NODE_LABELS[(this.labels[code] ?? 0) - 1];
  }

  get(id: string): Located<NodeRecord> | undefined {
    const code = this.codes.existing(id);
    return code < 0 ? undefined : this.byCode[code];
  }

  set(code: number, entry: Located<NodeRecord>): void {
    if (this.byCode[code] === undefined) this.order.push(code);
    this.byCode[code] = entry;
    this.labels[code] = (LABEL_NUMBER.get(entry.value.label) ?? -1) + 1;
  }

  /** Each merged node, in order, with its code. */
  forEach(visit: (entry: Located<NodeRecord>, code: number) => void): void {
    for (const code of this.order) {
      const entry = this.byCode[code];
      if (entry) visit(entry, code);
    }
  }

  records(): NodeRecord[] {
    const records: NodeRecord[] = [];
    this.forEach((entry) => records.push(entry.value));
    return records;
  }

  /** Relation ends given by code, as positions in `records()`. */
  positionsOf(from: Int32Array, to: Int32Array): RelationEnds {
    const positionOf = new Int32Array(this.codes.size).fill(-1);
    this.order.forEach((code, position) => {
      positionOf[code] = position;
    });
    const fromPositions = new Int32Array(from.length);
    const toPositions = new Int32Array(to.length);
    for (let i = 0; i < from.length; i += 1) {
      fromPositions[i] = positionOf[from[i] ?? -1] ?? -1;
      toPositions[i] = positionOf[to[i] ?? -1] ?? -1;
    }
    return { from: fromPositions, to: toPositions };
  }
}

function mergeNodes(entries: readonly NodeEntry[], codes: NodeCodes, report: Reporter): MergedNodes {
  const nodes = new MergedNodes(codes);
  for (const entry of entries) {
    const known = nodes.at(entry.code);
    if (!known) {
      nodes.set(entry.code, entry);
      continue;
    }
    const conflicts = conflictingFacts(known.value, entry.value);
    if (conflicts.length > 0) {
      report(
        entry.file,
        entry.value.id,
        'CONFLICT',
        `node ${entry.value.id}: ${conflicts.join(', ')} differ from ${known.file}; make the files agree`,
      );
      continue;
    }
    const merged = {
      ...known.value,
      ...entry.value,
      sources: mergeSources(known.value.sources, entry.value.sources),
      aliases: mergeAliases(known.value.aliases, entry.value.aliases),
      note: joinNotes(known.value.note, entry.value.note),
    } as NodeRecord;
    nodes.set(entry.code, { file: known.file, value: dropUndefined(merged) });
  }
  return nodes;
}

function joinNotes(a: string | undefined, b: string | undefined): string | undefined {
  if (!a || !b || a === b) return a ?? b;
  return `${a} ${b}`;
}

function dropUndefined<T extends object>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as T;
}

/** Applies the per-type property rules (`relationInputSchema`), naming each broken rule. */
function checkRelationProperties(file: string, id: string, relation: RelationInput, report: Reporter): boolean {
  const parsed = relationInputSchema.safeParse(relation);
  if (parsed.success) return true;
  for (const issue of parsed.error.issues) {
    const key = issue.code === 'unrecognized_keys' ? issue.keys.join('", "') : issue.path.join('.');
    const message =
      issue.code === 'unrecognized_keys'
        ? `${relation.type} does not take "${key}"`
        : relation[issue.path[0] as keyof RelationInput] === undefined
          ? `${relation.type} needs "${key}"${issue.code === 'custom' ? `: ${issue.message}` : ''}`
          : `"${key}": ${issue.message}`;
    report(file, id, 'BAD_PROPERTY', `relation ${id}: ${message}`);
  }
  return false;
}

function checkEndpoint(
  file: string,
  id: string,
  relation: RelationInput,
  end: 'from' | 'to',
  label: NodeLabel | undefined,
  rejectedIds: ReadonlySet<string>,
  report: Reporter,
): NodeLabel | undefined {
  const endpointId = relation[end];
  if (label === undefined && rejectedIds.has(endpointId)) return undefined;
  if (label === undefined) {
    report(file, id, 'MISSING_ENDPOINT', `relation ${id}: ${end} node ${JSON.stringify(endpointId)} does not exist; add it or fix the id`);
    return undefined;
  }
  const allowed: readonly NodeLabel[] = RELATION_ENDPOINTS[relation.type][end];
  if (!allowed.includes(label)) {
    report(
      file,
      id,
      'WRONG_ENDPOINT_LABEL',
      `relation ${id}: ${relation.type} must go ${RELATION_ENDPOINTS[relation.type].from.join('|')} → ${RELATION_ENDPOINTS[relation.type].to.join('|')}, but its ${end} node ${endpointId} is a ${label}`,
    );
    return undefined;
  }
  return label;
}

/** The labels a property naming other nodes (`forCity`, `through`, `at`) must point at. */
const REFERENCE_LABELS = { forCity: ['City'], through: ['Programme', 'Organization'], at: ['Event'] } as const satisfies Partial<
  Record<keyof RelationInput, readonly NodeLabel[]>
>;
const REFERENCES = Object.entries(REFERENCE_LABELS) as [keyof typeof REFERENCE_LABELS, readonly NodeLabel[]][];

function checkReferences(file: string, id: string, relation: RelationInput, nodes: MergedNodes, report: Reporter): boolean {
  // Most relations name no other node.
  if (relation.forCity === undefined && relation.through === undefined && relation.at === undefined) return true;
  let ok = true;
  for (const [key, labels] of REFERENCES) {
    const value = relation[key];
    for (const target of value === undefined ? [] : typeof value === 'string' ? [value] : value) {
      const label = nodes.get(target)?.value.label;
      if (label === undefined) {
        report(
          file,
          id,
          'MISSING_ENDPOINT',
          `relation ${id}: ${key} ${JSON.stringify(target)} is not a ${labels.join(' or ')} in the graph`,
        );
        ok = false;
      } else if (!labels.includes(label)) {
        report(
          file,
          id,
          'WRONG_ENDPOINT_LABEL',
          `relation ${id}: ${key} ${JSON.stringify(target)} is a ${label}; ${key} must name a ${labels.join(' or ')}`,
        );
        ok = false;
      }
    }
  }
  return ok;
}

/** The merged relations, with the codes (NodeCodes) of their ends. */
interface MergedRelations {
  readonly records: RelationRecord[];
  readonly from: Int32Array;
  readonly to: Int32Array;
}

/** A relation entry as a record: the entry itself given its id where it is ours to change, else a copy. */
function recordOf(relation: RelationInput, id: string, owned: boolean): RelationRecord {
  if (!owned) return { ...relation, id };
  // The id goes last, where the copy would put it.
  const record: RelationInput & { id?: string } = relation;
  record.id = id;
  return record as RelationRecord;
}

function mergeRelations(entries: RelationEntries, nodes: MergedNodes, rejectedIds: ReadonlySet<string>, report: Reporter): MergedRelations {
  const records: RelationRecord[] = [];
  // The file number of each record (by its position in `records`).
  const fileNumbers = new Int32Array(entries.length);
  const from = new Int32Array(entries.length);
  const to = new Int32Array(entries.length);
  // Position in `records` by the first entry of each relation (RelationEntries.first).
  const positions = new Int32Array(entries.length).fill(-1);
  for (let i = 0; i < entries.length; i += 1) {
    const relation = entries.values[i];
    if (relation === undefined) continue;
    const file = entries.fileOf(i);
    const id = relationId(relation);
    const fromCode = entries.from[i] ?? -1;
    const toCode = entries.to[i] ?? -1;
    const flags = entries.flags[i] ?? 0;
    const fromLabel = checkEndpoint(file, id, relation, 'from', nodes.labelAt(fromCode), rejectedIds, report);
    const toLabel = checkEndpoint(file, id, relation, 'to', nodes.labelAt(toCode), rejectedIds, report);
    const propsOk = (flags & RULES_MET) !== 0 || checkRelationProperties(file, id, relation, report);
    if (!checkReferences(file, id, relation, nodes, report)) continue;
    if (fromLabel === undefined || toLabel === undefined || !propsOk) continue;
    if (relation.through !== undefined && fromLabel !== 'City') {
      report(file, id, 'BAD_PROPERTY', `relation ${id}: only a city's example names a programme or organisation ("through")`);
      continue;
    }
    if (!allowsLabelPair(relation.type, fromLabel, toLabel)) {
      report(file, id, 'WRONG_ENDPOINT_LABEL', `relation ${id}: ${relation.type} does not join a ${fromLabel} to a ${toLabel}`);
      continue;
    }
    const first = entries.first[i] ?? i;
    const at = positions[first] ?? -1;
    // Most relations are new: they are not looked for (reading a list at -1 is a slow property lookup).
    const known = at < 0 ? undefined : records[at];
    const knownFile = at < 0 ? undefined : entries.fileNames[fileNumbers[at] ?? -1];
    if (known === undefined || knownFile === undefined) {
      positions[first] = records.length;
      from[records.length] = fromCode;
      to[records.length] = toCode;
      fileNumbers[records.length] = entries.fileNumbers[i] ?? 0;
      records.push(recordOf(relation, id, (flags & OWNED) !== 0));
      continue;
    }
    const conflicts = conflictingFacts(known, { ...relation, id });
    if (conflicts.length > 0) {
      report(file, id, 'CONFLICT', `relation ${id}: ${conflicts.join(', ')} differ from ${knownFile}; make the files agree`);
      continue;
    }
    records[at] = dropUndefined({
      ...known,
      ...relation,
      id,
      sources: mergeSources(known.sources, relation.sources),
      note: joinNotes(known.note, relation.note),
    });
  }
  return { records, from: from.subarray(0, records.length), to: to.subarray(0, records.length) };
}

function checkProvenance(
  nodeEntries: readonly Located<NodeRecord>[],
  relationEntries: RelationEntries,
  nodes: MergedNodes,
  sourceTexts: ReadonlyMap<string, string>,
  report: Reporter,
  allowWebSources: boolean,
): void {
  const normalizedTexts = new Map<string, string>();
  // Documents already reported as missing their file: citations of them are not reported again.
  const missingDocuments = new Set<string>();
  nodes.forEach(({ value: node, file }) => {
    if (node.label !== 'Document') return;
    const text = sourceTexts.get(node.file);
    if (text === undefined) {
      report(file, node.id, 'MISSING_SOURCE_FILE', `document ${node.id}: source file ${JSON.stringify(node.file)} is not in seed/sources`);
      missingDocuments.add(node.id);
      return;
    }
    normalizedTexts.set(node.id, normalizeWhitespace(text));
  });

  // Quotes repeat (one quote backs many facts): each is judged once, and found in each document once.
  const quoteProblems = new Map<string, string>();
  const badQuote = (quote: string): string => {
    let reason = quoteProblems.get(quote);
    if (reason === undefined) {
      reason = badQuoteReason(quote) ?? '';
      quoteProblems.set(quote, reason);
    }
    return reason;
  };
  const foundIn = new Map<string, Map<string, boolean>>();
  const isVerbatim = (doc: string, text: string, quote: string): boolean => {
    let found = foundIn.get(doc);
    if (!found) foundIn.set(doc, (found = new Map()));
    let verbatim = found.get(quote);
    if (verbatim === undefined) {
      verbatim = text.includes(normalizeWhitespace(quote));
      found.set(quote, verbatim);
    }
    return verbatim;
  };

  // A relation is named by its entry number: its id is only built for a problem.
  const nameOf = (entity: string | number): string => (typeof entity === 'string' ? entity : relationEntries.idOf(entity));
  const check = (file: string, entity: string | number, sources: readonly SourceRef[]): void => {
    if (sources.length === 0) {
      report(file, nameOf(entity), 'MISSING_PROVENANCE', `${nameOf(entity)}: no sources; cite at least one {doc, quote}`);
      return;
    }
    for (const source of sources) {
      const quoteProblem = badQuote(source.quote);
      if (quoteProblem) {
        report(file, nameOf(entity), 'BAD_QUOTE', `${nameOf(entity)}: quote ${quoteProblem}: ${JSON.stringify(source.quote.slice(0, 80))}`);
        continue;
      }
      if (!isDocumentSource(source)) {
        if (!allowWebSources) {
          report(
            file,
            nameOf(entity),
            'UNKNOWN_DOCUMENT',
            `${nameOf(entity)}: cites the web page ${JSON.stringify(source.url.slice(0, 200))}; the seed cites only its Document nodes`,
          );
        }
        continue;
      }
      const text = normalizedTexts.get(source.doc);
      if (missingDocuments.has(source.doc)) continue;
      if (text === undefined) {
        report(
          file,
          nameOf(entity),
          'UNKNOWN_DOCUMENT',
          `${nameOf(entity)}: cites ${JSON.stringify(source.doc)}, which is not a Document node with a source file`,
        );
      } else if (!isVerbatim(source.doc, text, source.quote)) {
        report(
          file,
          nameOf(entity),
          'QUOTE_NOT_FOUND',
          `${nameOf(entity)}: quote is not verbatim in ${source.doc}: ${JSON.stringify(source.quote.slice(0, 80))}`,
        );
      }
    }
  };
  for (const { file, value } of nodeEntries) check(file, value.id, value.sources);
  relationEntries.values.forEach((value, i) => check(relationEntries.fileOf(i), i, value.sources));
}

/**
 * Seed rules over the whole graph: nothing stands alone, every city is placed somewhere,
 * and a commitment example's `through` programme or organisation advances that commitment too.
 */
function checkSeedRules(nodes: MergedNodes, relations: MergedRelations, codes: NodeCodes, report: Reporter): void {
  // By node code (NodeCodes): 1 if some relation has the node at an end.
  const linked = new Uint8Array(codes.size);
  const placed = new Uint8Array(codes.size);
  // The ADVANCES relations by (from, to) codes, as one number.
  const advances = new Set<number>();
  relations.records.forEach((relation, i) => {
    const from = relations.from[i] ?? 0;
    const to = relations.to[i] ?? 0;
    linked[from] = 1;
    linked[to] = 1;
    if (relation.type === 'IN_COUNTRY' || relation.type === 'PART_OF') placed[from] = 1;
    if (relation.type === 'ADVANCES') advances.add(from * codes.size + to);
  });
  nodes.forEach(({ file, value: node }, code) => {
    if (node.label === 'Document') return;
    if (linked[code] !== 1) {
      report(file, node.id, 'ISOLATED_NODE', `node ${node.id}: has no relation; link it to what its sources say it belongs to`);
    } else if (node.label === 'City' && placed[code] !== 1) {
      report(file, node.id, 'UNPLACED_CITY', `city ${node.id}: has neither IN_COUNTRY nor PART_OF; say which country or city it is in`);
    }
  });
  relations.records.forEach((relation, i) => {
    if (relation.type !== 'ADVANCES' || relation.through === undefined) return;
    const to = relations.to[i] ?? 0;
    for (const named of relation.through) {
      const from = codes.existing(named);
      if (from >= 0 && advances.has(from * codes.size + to)) continue;
      const partner = relationId({ type: 'ADVANCES', from: named, to: relation.to });
      const file = nodes.at(relations.from[i] ?? -1)?.file ?? '(graph)';
      report(
        file,
        relation.id,
        'MISSING_ENDPOINT',
        `relation ${relation.id}: names ${named} in its example, but ${partner} is missing; add it with the example's quote`,
      );
    }
  });
}

function describeZodError(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(root)'}: ${issue.message}`).join('; ');
}
