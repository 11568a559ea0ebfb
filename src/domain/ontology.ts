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
] as const;
export type RelationType = (typeof RELATION_TYPES)[number];

/** Which labels a relation of each type may start and end at (direction as written). */
export const RELATION_ENDPOINTS: Readonly<
  Record<RelationType, { readonly from: readonly NodeLabel[]; readonly to: readonly NodeLabel[] }>
> = {
  IN_COUNTRY: { from: ['City'], to: ['Country'] },
  // A district is part of its city; a city office or department is part of its city
  // government (an Organization), which the sources often name as the actor.
  PART_OF: { from: ['City', 'Organization'], to: ['City', 'Organization'] },
  LEADS: { from: ['Person'], to: ['City'] },
  WORKS_FOR: { from: ['Person'], to: ['Organization', 'City'] },
  MEMBER_OF: { from: ['City'], to: ['Organization'] },
  PARTICIPATED_IN: { from: ['City', 'Country', 'Person', 'Organization'], to: ['Event'] },
  RUNS: { from: ['City', 'Organization'], to: ['Programme'] },
  PARTNER_IN: { from: ['Organization'], to: ['Programme', 'Event'] },
  PARTNERS_WITH: { from: ['Organization'], to: ['City'] },
  ADVANCES: { from: ['Programme'], to: ['Commitment'] },
  HAS_COMMITMENT: { from: ['Declaration'], to: ['Commitment'] },
  ENDORSED: { from: ['Person'], to: ['Declaration'] },
};

/**
 * Relation types that make an organisation a partner of the node at their other end
 * (partner of a programme, runner of it, partner of a city, network a city belongs to).
 * Both stores' partner queries read this one list.
 */
export const PARTNER_RELATION_TYPES: readonly RelationType[] = ['PARTNER_IN', 'RUNS', 'PARTNERS_WITH', 'MEMBER_OF'];

/** The GraphQL `NodeType` value of each label (`City` → `CITY`), for the API and the explorer. */
export type NodeTypeName = Uppercase<NodeLabel>;

export const LABEL_OF_NODE_TYPE = Object.fromEntries(NODE_LABELS.map((label) => [label.toUpperCase(), label])) as Readonly<
  Record<NodeTypeName, NodeLabel>
>;

/** The id prefix of each label: `city:karachi`, `country:pk`, `doc:000`. */
export const ID_PREFIX: Readonly<Record<NodeLabel, string>> = {
  City: 'city',
  Country: 'country',
  Person: 'person',
  Organization: 'org',
  Programme: 'prog',
  Commitment: 'commitment',
  Declaration: 'decl',
  Event: 'event',
  Document: 'doc',
};

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
export const ANY_NODE_ID = new RegExp(`^(?:${NODE_LABELS.map((label) => ID_PATTERN[label].source.slice(1, -1)).join('|')})$`);

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

export const PARTICIPATION_ROLES = ['host', 'participant', 'speaker', 'organizer', 'supporter', 'moderator'] as const;
export type ParticipationRole = (typeof PARTICIPATION_ROLES)[number];

export const PARTNER_ROLES = ['funder', 'implementer', 'technical', 'supporter'] as const;
export type PartnerRole = (typeof PARTNER_ROLES)[number];

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
export const RELATION_PROPERTIES = ['title', 'asOf', 'role', 'since', 'context', 'forCity', 'note'] as const;
export type RelationProperty = (typeof RELATION_PROPERTIES)[number];
