/**
 * A fast-check arbitrary of valid graphs built with the real ontology: ids that match each
 * label's pattern, every label's kinds and properties, relations only between the labels
 * their type allows with the properties it needs, and provenance quoting generated source
 * texts verbatim (or citing web pages, as curation may). Names mix Arabic, accented Latin,
 * quotes and emoji so that export and import must keep every character.
 */
import fc from 'fast-check';
import type { GraphData, NodeRecord, RelationInput, RelationRecord, SourceRef } from '../../src/domain/graph-document';
import { relationId } from '../../src/domain/graph-document';
import {
  CITY_KINDS,
  EVENT_KINDS,
  NODE_LABELS,
  ORGANIZATION_KINDS,
  PARTICIPATION_ROLES,
  CONFIDENCE_LEVELS,
  PARTNER_ROLES,
  PROGRAMME_KINDS,
  PROGRAMME_ROLES,
  RELATION_LABEL_PAIRS,
  RELATION_TYPES,
  type NodeLabel,
} from '../../src/domain/ontology';

export interface GeneratedGraph {
  readonly graph: GraphData;
  /** Source texts by file name, as `seed/sources` would hold them. */
  readonly sourceTexts: ReadonlyMap<string, string>;
}

const letters = [...'abcdefghijklmnopqrstuvwxyz', ...'كراتشيمدينةعمدوهاب', 'é', 'ñ', 'ü', '"', "'", '\\', '😀', '0', '7'];
const word = fc.string({ unit: fc.constantFrom(...letters), minLength: 1, maxLength: 8 });
const phrase = fc.array(word, { minLength: 1, maxLength: 4 }).map((words) => words.join(' '));
// Words of source texts start with a letter, so any three of them make a quote that can state a fact.
const textWord = fc.tuple(fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzكراتشيمدينةعمدوهاب'), word).map(([first, rest]) => first + rest);
const quotePhrase = fc.array(textWord, { minLength: 3, maxLength: 5 }).map((words) => words.join(' '));
const slug = fc.stringMatching(/^[a-z0-9]{1,6}(?:-[a-z0-9]{1,6}){0,2}$/);
const partialDate = fc.oneof(
  fc.integer({ min: 1900, max: 2100 }).map(String),
  fc.tuple(fc.integer({ min: 1900, max: 2100 }), fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`),
  fc
    .tuple(fc.integer({ min: 1900, max: 2100 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }))
    .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
);

export const graphArbitrary: fc.Arbitrary<GeneratedGraph> = fc.gen().map((g) => {
  // Source documents: texts of words separated by assorted white space.
  const documentCount = g(fc.integer, { min: 1, max: 3 });
  const texts = new Map<string, string>();
  const words: string[][] = [];
  const nodes: NodeRecord[] = [];
  for (let i = 0; i < documentCount; i += 1) {
    const docWords = g(fc.array, textWord, { minLength: 5, maxLength: 40 });
    words.push(docWords);
    texts.set(`00${i}_generated.txt`, docWords.map((each, n) => (n % 7 === 6 ? `${each}\n\n` : `${each} `)).join(''));
  }
  const quoteFrom = (doc: number): SourceRef => {
    const docWords = words[doc] as string[];
    const start = g(fc.integer, { min: 0, max: docWords.length - 3 });
    const length = g(fc.integer, { min: 3, max: Math.min(5, docWords.length - start) });
    return { doc: `doc:00${doc}`, quote: docWords.slice(start, start + length).join(' ') };
  };
  const sources = (): SourceRef[] => {
    const count = g(fc.integer, { min: 1, max: 2 });
    return Array.from({ length: count }, () =>
      g(fc.boolean) || g(fc.integer, { min: 0, max: 4 }) > 0
        ? quoteFrom(g(fc.integer, { min: 0, max: documentCount - 1 }))
        : { url: g(fc.webUrl, { validSchemes: ['https', 'http'] }), quote: g(() => quotePhrase) },
    );
  };
  const optional = <T>(arbitrary: fc.Arbitrary<T>): T | undefined => (g(fc.boolean) ? g(() => arbitrary) : undefined);
  const common = (id: string) => {
    const aliases = optional(fc.array(phrase, { minLength: 1, maxLength: 3 }));
    const note = optional(phrase);
    return {
      id,
      name: g(() => phrase),
      nameAr: g(() => phrase),
      ...(aliases ? { aliases } : {}),
      ...(note ? { note } : {}),
      sources: sources(),
    };
  };
  const withOptional = <T extends object>(record: T, extra: Record<string, unknown>): T =>
    ({ ...record, ...Object.fromEntries(Object.entries(extra).filter(([, value]) => value !== undefined)) }) as T;

  for (let i = 0; i < documentCount; i += 1) {
    nodes.push(
      withOptional(
        { ...common(`doc:00${i}`), label: 'Document' as const, title: g(() => phrase), file: `00${i}_generated.txt` },
        { published: optional(partialDate), updated: optional(partialDate) },
      ),
    );
  }
  const ids = new Set(nodes.map((node) => node.id));
  const fresh = (make: () => string): string | undefined => {
    const id = make();
    if (ids.has(id)) return undefined;
    ids.add(id);
    return id;
  };
  const labels: readonly NodeLabel[] = NODE_LABELS.filter((label) => label !== 'Document');
  const nodeCount = g(fc.integer, { min: 0, max: 25 });
  for (let i = 0; i < nodeCount; i += 1) {
    const label = g(() => fc.constantFrom(...labels));
    switch (label) {
      case 'City': {
        const id = fresh(() => `city:${g(() => slug)}`);
        if (id)
          nodes.push(
            withOptional(
              { ...common(id), label, kind: g(() => fc.constantFrom(...CITY_KINDS)) },
              { population: optional(fc.integer({ min: 1, max: 30_000_000 })) },
            ),
          );
        break;
      }
      case 'Country': {
        const code = g(fc.stringMatching, /^[a-z]{2}$/);
        const id = fresh(() => `country:${code}`);
        if (id) nodes.push({ ...common(id), label, code: code.toUpperCase() });
        break;
      }
      case 'Person': {
        const id = fresh(() => `person:${g(() => slug)}`);
        if (id) nodes.push({ ...common(id), label });
        break;
      }
      case 'Organization': {
        const id = fresh(() => `org:${g(() => slug)}`);
        if (id)
          nodes.push(
            withOptional({ ...common(id), label, kind: g(() => fc.constantFrom(...ORGANIZATION_KINDS)) }, { acronym: optional(word) }),
          );
        break;
      }
      case 'Programme': {
        const id = fresh(() => `prog:${g(() => slug)}`);
        if (id)
          nodes.push(
            withOptional(
              { ...common(id), label, kind: g(() => fc.constantFrom(...PROGRAMME_KINDS)) },
              { startYear: optional(fc.integer({ min: 1900, max: 2100 })) },
            ),
          );
        break;
      }
      case 'Commitment': {
        const number = g(fc.integer, { min: 1, max: 99 });
        const id = fresh(() => `commitment:${number}`);
        if (id) nodes.push({ ...common(id), label, number, text: g(() => phrase), textAr: g(() => phrase) });
        break;
      }
      case 'Declaration': {
        const id = fresh(() => `decl:${g(() => slug)}`);
        if (id) nodes.push(withOptional({ ...common(id), label }, { date: optional(partialDate) }));
        break;
      }
      case 'Event': {
        const id = fresh(() => `event:${g(() => slug)}`);
        if (id)
          nodes.push(
            withOptional(
              { ...common(id), label, kind: g(() => fc.constantFrom(...EVENT_KINDS)) },
              { startDate: optional(partialDate), endDate: optional(partialDate), place: optional(phrase) },
            ),
          );
        break;
      }
      case 'Document':
        break;
    }
  }

  const byLabel = (allowed: readonly NodeLabel[]) => nodes.filter((node) => allowed.includes(node.label));
  const relations = new Map<string, RelationRecord>();
  const relationCount = g(fc.integer, { min: 0, max: 30 });
  for (let i = 0; i < relationCount; i += 1) {
    const type = g(() => fc.constantFrom(...RELATION_TYPES));
    const candidates = RELATION_LABEL_PAIRS[type].flatMap(([fromLabel, toLabel]) => {
      const froms = byLabel([fromLabel]);
      const tos = byLabel([toLabel]);
      return froms.length > 0 && tos.length > 0 ? [{ froms, tos }] : [];
    });
    if (candidates.length === 0) continue;
    const { froms, tos } = candidates[g(fc.integer, { min: 0, max: candidates.length - 1 })] as (typeof candidates)[number];
    const fromNode = froms[g(fc.integer, { min: 0, max: froms.length - 1 })] as NodeRecord;
    const from = fromNode.id;
    const to = (tos[g(fc.integer, { min: 0, max: tos.length - 1 })] as NodeRecord).id;
    const cities = byLabel(['City']);
    const forCity = type === 'ENDORSED' && cities.length > 0 && g(fc.boolean) ? (cities[0] as NodeRecord).id : undefined;
    const properties = ((): Record<string, unknown> => {
      switch (type) {
        case 'LEADS':
          return { title: g(() => phrase), asOf: g(() => partialDate) };
        case 'WORKS_FOR':
          return { title: optional(phrase) };
        case 'MEMBER_OF':
          return { since: optional(partialDate) };
        case 'PARTICIPATED_IN':
          return { role: g(() => fc.constantFrom(...PARTICIPATION_ROLES)) };
        case 'PARTNER_IN':
          return { role: g(() => fc.constantFrom(...PARTNER_ROLES)) };
        case 'PARTNERS_WITH':
          return { context: optional(phrase) };
        case 'ENDORSED':
          return { title: g(() => phrase), forCity };
        case 'TAKES_PART_IN':
          return { role: g(() => fc.constantFrom(...PROGRAMME_ROLES)) };
        case 'ADVANCES': {
          const named = byLabel(['Programme', 'Organization']);
          return { through: fromNode.label === 'City' && named.length > 0 && g(fc.boolean) ? [(named[0] as NodeRecord).id] : undefined };
        }
        case 'LEARNED_FROM': {
          const events = byLabel(['Event']);
          return { context: optional(phrase), at: events.length > 0 && g(fc.boolean) ? (events[0] as NodeRecord).id : undefined };
        }
        default:
          return {};
      }
    })();
    const confidence = g(() => fc.constantFrom(...CONFIDENCE_LEVELS));
    // INFERRED and DOUBTFUL relations say why in their note.
    const note = confidence === 'STATED' ? optional(phrase) : g(() => phrase);
    const input = withOptional<RelationInput>({ type, from, to, confidence, sources: sources() }, { ...properties, note });
    const id = relationId(input);
    relations.set(id, { ...input, id });
  }
  return { graph: { nodes, relations: [...relations.values()] }, sourceTexts: texts };
});
