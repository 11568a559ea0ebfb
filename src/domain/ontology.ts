/**
 * Public. The ontology of cities-kg: node labels, relation types with their allowed
 * endpoints, the closed vocabularies of `kind` and `role` properties, and the id rules.
 *
 * Everything else (validator, stores, Cypher schema, GraphQL enums) imports these lists;
 * a unit test keeps the GraphQL enums equal to them. Extending the ontology means
 * changing this file, `schema/*.graphql` and both stores in one change.
 */

export const NODE_LABELS = [
  'City',
  'Country',
  'Person',
  'Organization',
  'Programme',
  'Commitment',
  'Declaration',
  'Event',
  'Document',
] as const;
export type NodeLabel = (typeof NODE_LABELS)[number];

export const RELATION_TYPES = [
  'IN_COUNTRY',
  'PART_OF',
  'LEADS',
  'WORKS_FOR',
  'MEMBER_OF',
  'PARTICIPATED_IN',
  'RUNS',
  'PARTNER_IN',
  'PARTNERS_WITH',
  'ADVANCES',
  'HAS_COMMITMENT',
  'ENDORSED',
  'HELD_IN',
  'BASED_IN',
  'TAKES_PART_IN',
  'LEARNED_FROM',
] as const;
export type RelationType = (typeof RELATION_TYPES)[number];

type LabelPair = readonly [from: NodeLabel, to: NodeLabel];

/**
 * Which (from, to) label pairs a relation of each type may join (direction as written).
 * Most types allow every pair of their from- and to-labels; PART_OF lists its pairs, so a
 * city can be part of a city but never of an event.
 */
export const RELATION_LABEL_PAIRS: Readonly<Record<RelationType, readonly LabelPair[]>> = {
  IN_COUNTRY: pairs(['City'], ['Country']),
  PART_OF: [
    // A district of a city, a city of a province.
    ['City', 'City'],
    // A department of a ministry; an office of a city government named as an organisation.
    ['Organization', 'Organization'],
    ['Organization', 'City'],
    // A session of a summit, a workshop of a hub, a fund of a programme.
    ['Event', 'Event'],
    ['Event', 'Programme'],
    ['Programme', 'Programme'],
    // The declaration and the event where it was adopted.
    ['Declaration', 'Event'],
  ],
  LEADS: pairs(['Person'], ['City']),
  WORKS_FOR: pairs(['Person'], ['Organization', 'City']),
  MEMBER_OF: pairs(['City'], ['Organization']),
  PARTICIPATED_IN: pairs(['City', 'Country', 'Person', 'Organization'], ['Event']),
  RUNS: pairs(['City', 'Organization'], ['Programme']),
  PARTNER_IN: pairs(['Organization'], ['Programme', 'Event']),
  PARTNERS_WITH: pairs(['Organization'], ['City']),
  // A commitment example: the city (and the programme, organisation or event it names).
  ADVANCES: pairs(['City', 'Organization', 'Programme', 'Event'], ['Commitment']),
  HAS_COMMITMENT: pairs(['Declaration'], ['Commitment']),
  ENDORSED: pairs(['Person'], ['Declaration']),
  // Where an event took place (a country only when the source names no city).
  HELD_IN: pairs(['Event'], ['City', 'Country']),
  // Where an organisation sits: a national body in its country, a city body in its city.
  BASED_IN: pairs(['Organization'], ['City', 'Country']),
  // Taking part in a programme without running it (pilot, beneficiary, supporter, member, partner).
  TAKES_PART_IN: pairs(['City', 'Country', 'Organization'], ['Programme']),
  // Learning from another place's approach (not attending its events).
  LEARNED_FROM: pairs(['City', 'Country', 'Organization'], ['City', 'Country', 'Organization', 'Programme']),
};

function pairs(from: readonly NodeLabel[], to: readonly NodeLabel[]): LabelPair[] {
  return from.flatMap((fromLabel) => to.map((toLabel): LabelPair => [fromLabel, toLabel]));
}

/** Whether a relation of this type may go from a node of one label to a node of another. */
export function allowsLabelPair(type: RelationType, from: NodeLabel, to: NodeLabel): boolean {
  return RELATION_LABEL_PAIRS[type].some(([fromLabel, toLabel]) => fromLabel === from && toLabel === to);
}

/** The labels each type may start and end at (the union of its pairs), for schemas and queries. */
export const RELATION_ENDPOINTS: Readonly<Record<RelationType, RelationEnds>> = endpointsOf(RELATION_LABEL_PAIRS);

interface RelationEnds {
  readonly from: readonly NodeLabel[];
  readonly to: readonly NodeLabel[];
}

function endpointsOf(labelPairs: Readonly<Record<RelationType, readonly LabelPair[]>>): Record<RelationType, RelationEnds> {
  const ends = {} as Record<RelationType, RelationEnds>;
  for (const type of RELATION_TYPES) {
    ends[type] = {
      from: [...new Set(labelPairs[type].map(([from]) => from))],
      to: [...new Set(labelPairs[type].map(([, to]) => to))],
    };
  }
  return ends;
}

/**
 * Relation types that make an organisation a partner of the node at their other end
 * (partner of a programme, runner of it, partner of a city, network a city belongs to).
 * Both stores' partner queries read this one list.
 */
export const PARTNER_RELATION_TYPES: readonly RelationType[] = ['PARTNER_IN', 'RUNS', 'PARTNERS_WITH', 'MEMBER_OF'];

/**
 * The routes by which an organisation is a partner of a city or a programme (commonPartners):
 * a direct relation (`DIRECT_PARTNER_TYPES`, either way); for a city also through a programme
 * it runs or takes part in (`CITY_PROGRAMME_TYPES`) that the organisation partners
 * (`PROGRAMME_PARTNER_TYPES`), and through an event it attended (an attending role, as for
 * peers) that the organisation supported or took part in (`EVENT_PARTNER_TYPES`).
 */
export const DIRECT_PARTNER_TYPES: readonly RelationType[] = ['PARTNER_IN', 'RUNS', 'TAKES_PART_IN', 'PARTNERS_WITH', 'MEMBER_OF'];
export const CITY_PROGRAMME_TYPES: readonly RelationType[] = ['RUNS', 'TAKES_PART_IN'];
export const PROGRAMME_PARTNER_TYPES: readonly RelationType[] = ['PARTNER_IN', 'RUNS', 'TAKES_PART_IN'];
export const EVENT_PARTNER_TYPES: readonly RelationType[] = ['PARTNER_IN', 'PARTICIPATED_IN'];

/** The GraphQL `NodeType` value of each label (`City` → `CITY`), for the API and the explorer. */
export type NodeTypeName = Uppercase<NodeLabel>;

export const LABEL_OF_NODE_TYPE = Object.fromEntries(NODE_LABELS.map((label) => [label.toUpperCase(), label])) as Readonly<
  Record<NodeTypeName, NodeLabel>
>;

const SLUG = '[a-z0-9]+(?:-[a-z0-9]+)*';

/** The full id pattern of each label; ids are stable, readable and ASCII. */
export const ID_PATTERN: Readonly<Record<NodeLabel, RegExp>> = {
  City: new RegExp(`^city:${SLUG}$`),
  Country: /^country:[a-z]{2}$/,
  Person: new RegExp(`^person:${SLUG}$`),
  Organization: new RegExp(`^org:${SLUG}$`),
  Programme: new RegExp(`^prog:${SLUG}$`),
  Commitment: /^commitment:[1-9][0-9]*$/,
  Declaration: new RegExp(`^decl:${SLUG}$`),
  Event: new RegExp(`^event:${SLUG}$`),
  Document: /^doc:[0-9]{3}$/,
};

/** Any well-formed node id, whatever its label. */
const ANY_NODE_ID = new RegExp(`^(?:${NODE_LABELS.map((label) => ID_PATTERN[label].source.slice(1, -1)).join('|')})$`);

export function isNodeId(value: string): boolean {
  return ANY_NODE_ID.test(value);
}

/** The label an id belongs to by its prefix, or undefined for a malformed id. */
export function labelOfId(id: string): NodeLabel | undefined {
  return NODE_LABELS.find((label) => ID_PATTERN[label].test(id));
}

export const CITY_KINDS = ['city', 'municipality', 'district', 'division', 'county', 'province', 'region'] as const;
export type CityKind = (typeof CITY_KINDS)[number];

export const ORGANIZATION_KINDS = [
  'multilateral',
  'national-government',
  'local-government-body',
  'ngo',
  'university',
  'police',
  'network',
  'company',
  'foundation',
  'research-institute',
  'community-group',
] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

export const PROGRAMME_KINDS = [
  'programme',
  'project',
  'fund',
  'platform',
  'study',
  'coordination-body',
  'initiative',
  'strategy',
  'action-plan',
  'toolkit',
  'guide',
] as const;
export type ProgrammeKind = (typeof PROGRAMME_KINDS)[number];

export const EVENT_KINDS = ['summit', 'forum', 'workshop', 'launch', 'exchange', 'meeting', 'tournament'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/**
 * PARTICIPATED_IN roles. `showcased`: the place's initiative was presented at the event, which
 * does not say the place attended it.
 */
export const PARTICIPATION_ROLES = ['host', 'participant', 'speaker', 'organizer', 'supporter', 'moderator', 'showcased'] as const;
export type ParticipationRole = (typeof PARTICIPATION_ROLES)[number];

export const PARTNER_ROLES = ['funder', 'implementer', 'technical', 'supporter'] as const;
export type PartnerRole = (typeof PARTNER_ROLES)[number];

/** TAKES_PART_IN roles: how a place or body takes part in a programme it does not run. */
export const PROGRAMME_ROLES = ['pilot', 'beneficiary', 'supporter', 'member', 'partner'] as const;
export type ProgrammeRole = (typeof PROGRAMME_ROLES)[number];

/**
 * How sure the graph is of a relation, strongest first. STATED: the quote says it.
 * INFERRED: the quote implies it (the relation's note says how). DOUBTFUL: the source says
 * it but other evidence conflicts (the note says why).
 */
export const CONFIDENCE_LEVELS = ['STATED', 'INFERRED', 'DOUBTFUL'] as const;
export type Confidence = (typeof CONFIDENCE_LEVELS)[number];

/** Whether `confidence` is at least as strong as `minimum` (STATED ≥ INFERRED ≥ DOUBTFUL). */
export function meetsConfidence(confidence: Confidence, minimum: Confidence): boolean {
  return CONFIDENCE_LEVELS.indexOf(confidence) <= CONFIDENCE_LEVELS.indexOf(minimum);
}

/** Node properties each label may carry beyond the common ones (for the Cypher schema). */
export const LABEL_PROPERTIES: Readonly<Record<NodeLabel, readonly string[]>> = {
  City: ['kind', 'population'],
  Country: ['code'],
  Person: [],
  Organization: ['kind', 'acronym'],
  Programme: ['kind', 'startYear'],
  Commitment: ['number', 'text', 'textAr'],
  Declaration: ['date'],
  Event: ['kind', 'startDate', 'endDate', 'place'],
  Document: ['title', 'file', 'published', 'updated'],
};

/** Properties common to every node. */
export const COMMON_NODE_PROPERTIES = ['id', 'name', 'nameAr', 'aliases', 'note'] as const;

/** Relation properties (all optional except where the validator says otherwise). */
export const RELATION_PROPERTIES = ['confidence', 'title', 'asOf', 'role', 'since', 'context', 'forCity', 'through', 'at', 'note'] as const;

/**
 * The one definition of a peer link, read by `peerNetwork`, the EXCHANGE projection
 * (centrality, communities) and `similarCities` in both stores:
 *
 * 1. Two peers (a City, or a Country that took part as a group) attended one event of the
 *    kinds asked (`DEFAULT_PEER_EVENT_KINDS` unless the caller names others).
 * 2. A peer attends an event when it PARTICIPATED_IN it in an attending role (every role but
 *    `showcased`: a place whose initiative was presented did not thereby attend), or, for a
 *    City, when a person who LEADS it or WORKS_FOR it attended (roll-up: the mayor speaking
 *    at a forum brings the city there; answers name the person).
 * 3. One LEARNED_FROM relation between two peers links them whatever the event kinds.
 */
export const DEFAULT_PEER_EVENT_KINDS: readonly EventKind[] = ['exchange'];
/** What the deprecated `includeWorkshops: true` stands for. */
export const WORKSHOP_PEER_EVENT_KINDS: readonly EventKind[] = ['exchange', 'workshop'];
/** Labels a peer may have. */
export const PEER_LABELS: readonly NodeLabel[] = ['City', 'Country'];
/** Person → City relations through which a person's attendance counts for the city. */
export const ROLL_UP_RELATION_TYPES: readonly RelationType[] = ['LEADS', 'WORKS_FOR'];
/** The relation that links two peers without an event. */
export const PEER_LEARNING_RELATION_TYPE: RelationType = 'LEARNED_FROM';
/** PARTICIPATED_IN roles that say the participant attended (a relation with no role attended too). */
export const ATTENDING_ROLES: readonly ParticipationRole[] = PARTICIPATION_ROLES.filter((role) => role !== 'showcased');

/** Whether a PARTICIPATED_IN relation with this role (or none) counts as attending. */
export function isAttendingRole(role: string | undefined): boolean {
  return role === undefined || (ATTENDING_ROLES as readonly string[]).includes(role);
}

/**
 * The undirected projections analytics run on: EXCHANGE links peers (the definition above),
 * PARTNERSHIP organisations, programmes, events and cities by partner relations, ALL every
 * relation.
 */
export const PROJECTIONS = ['EXCHANGE', 'PARTNERSHIP', 'ALL'] as const;
export type Projection = (typeof PROJECTIONS)[number];

/**
 * The event kinds of a peer query: `eventKinds` when given, else the deprecated
 * `includeWorkshops` alias, else the default. Duplicates dropped, order of the ontology.
 */
export function peerEventKinds(options: {
  readonly eventKinds?: readonly EventKind[] | null;
  readonly includeWorkshops?: boolean | null;
}): EventKind[] {
  const asked = options.eventKinds ?? (options.includeWorkshops ? WORKSHOP_PEER_EVENT_KINDS : DEFAULT_PEER_EVENT_KINDS);
  return EVENT_KINDS.filter((kind) => asked.includes(kind));
}

/**
 * The event kinds a projection is built with, in one form: for EXCHANGE the asked kinds (the
 * default when none are), no duplicates, in the ontology's order; none for a projection that
 * does not link through events. Equal requests so share one cache entry (the API's analytics
 * cache, the Neo4j store's projection cache).
 */
export function projectionEventKinds(projection: Projection, eventKinds?: readonly EventKind[]): EventKind[] {
  return projection === 'EXCHANGE' ? peerEventKinds({ eventKinds }) : [];
}
