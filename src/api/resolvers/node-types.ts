/**
 * Internal. The typed fields of each node type: each is one relation type and direction
 * read through the loaders (see `traverse.ts`).
 */
import { notFound } from '../../errors';
import { checkFirst, checkNodeId } from '../arguments';
import { cityConnection } from '../connections';
import { toEnumValue } from '../enums';
import type {
  CityKind,
  CityResolvers,
  CommitmentResolvers,
  CountryResolvers,
  DeclarationResolvers,
  DocumentResolvers,
  EventKind,
  EventResolvers,
  OrganizationKind,
  OrganizationResolvers,
  PersonResolvers,
  ProgrammeKind,
  ProgrammeResolvers,
} from '../resolvers-types.generated';
import { checkDate, currentAsOf } from './leadership';
import { nodeCommonResolvers } from './node-common';
import { examplesOfCity, examplesOfCommitment } from './commitment-example';
import { linkedNode, linkedNodeOf, linkedNodes, linkedNodesOf, nodeById, relationsOf } from './traverse';

export const City: CityResolvers = {
  ...nodeCommonResolvers,
  kind: (city) => toEnumValue<CityKind>(city.kind),
  population: (city) => city.population ?? null,
  country: (city, _args, context) => linkedNode(context, city.id, 'IN_COUNTRY', 'OUT', 'Country'),
  partOf: (city, _args, context) => linkedNode(context, city.id, 'PART_OF', 'OUT', 'City'),
  parts: (city, _args, context) => linkedNodes(context, city.id, 'PART_OF', 'IN', 'City'),
  leaders: async (city, args, context) => {
    const leaders = await relationsOf(context, city.id, 'IN', ['LEADS']);
    return args.asOf === null || args.asOf === undefined ? leaders : currentAsOf(leaders, checkDate(args.asOf, 'asOf'));
  },
  programmes: (city, _args, context) => linkedNodes(context, city.id, 'RUNS', 'OUT', 'Programme'),
  partners: (city, _args, context) => linkedNodes(context, city.id, 'PARTNERS_WITH', 'IN', 'Organization'),
  memberships: (city, _args, context) => relationsOf(context, city.id, 'OUT', ['MEMBER_OF']),
  participations: (city, _args, context) => relationsOf(context, city.id, 'OUT', ['PARTICIPATED_IN']),
  eventsHeld: (city, _args, context) => linkedNodes(context, city.id, 'HELD_IN', 'IN', 'Event'),
  organizationsBased: (city, _args, context) => linkedNodes(context, city.id, 'BASED_IN', 'IN', 'Organization'),
  takesPartIn: (city, _args, context) => relationsOf(context, city.id, 'OUT', ['TAKES_PART_IN']),
  learnedFrom: (city, _args, context) => relationsOf(context, city.id, 'OUT', ['LEARNED_FROM']),
  learners: (city, _args, context) => relationsOf(context, city.id, 'IN', ['LEARNED_FROM']),
  commitmentExamples: (city, _args, context) => examplesOfCity(context, city.id),
};

export const Country: CountryResolvers = {
  ...nodeCommonResolvers,
  cities: async (country, args, context) => {
    const page = await context.store.listNodes({
      label: 'City',
      first: checkFirst(args.first, 20),
      after: args.after ?? null,
      linkedTo: { type: 'IN_COUNTRY', direction: 'OUT', id: country.id },
    });
    return cityConnection(page);
  },
  participations: (country, _args, context) => relationsOf(context, country.id, 'OUT', ['PARTICIPATED_IN']),
  eventsHeld: (country, _args, context) => linkedNodes(context, country.id, 'HELD_IN', 'IN', 'Event'),
  organizationsBased: (country, _args, context) => linkedNodes(context, country.id, 'BASED_IN', 'IN', 'Organization'),
  takesPartIn: (country, _args, context) => relationsOf(context, country.id, 'OUT', ['TAKES_PART_IN']),
  learnedFrom: (country, _args, context) => relationsOf(context, country.id, 'OUT', ['LEARNED_FROM']),
  learners: (country, _args, context) => relationsOf(context, country.id, 'IN', ['LEARNED_FROM']),
};

export const Person: PersonResolvers = {
  ...nodeCommonResolvers,
  leads: (person, _args, context) => relationsOf(context, person.id, 'OUT', ['LEADS']),
  worksFor: (person, _args, context) => relationsOf(context, person.id, 'OUT', ['WORKS_FOR']),
  endorsements: (person, _args, context) => relationsOf(context, person.id, 'OUT', ['ENDORSED']),
  participations: (person, _args, context) => relationsOf(context, person.id, 'OUT', ['PARTICIPATED_IN']),
};

export const Organization: OrganizationResolvers = {
  ...nodeCommonResolvers,
  kind: (organization) => toEnumValue<OrganizationKind>(organization.kind),
  acronym: (organization) => organization.acronym ?? null,
  runs: (organization, _args, context) => linkedNodes(context, organization.id, 'RUNS', 'OUT', 'Programme'),
  partnerIn: (organization, _args, context) => relationsOf(context, organization.id, 'OUT', ['PARTNER_IN']),
  partnerCities: (organization, _args, context) => linkedNodes(context, organization.id, 'PARTNERS_WITH', 'OUT', 'City'),
  members: (organization, _args, context) => linkedNodes(context, organization.id, 'MEMBER_OF', 'IN', 'City'),
  partOf: async (organization, _args, context) => {
    const [relation] = await relationsOf(context, organization.id, 'OUT', ['PART_OF']);
    return relation ? nodeById(context, relation.to) : null;
  },
  basedIn: (organization, _args, context) => linkedNodeOf(context, organization.id, 'BASED_IN', 'OUT', ['City', 'Country']),
  takesPartIn: (organization, _args, context) => relationsOf(context, organization.id, 'OUT', ['TAKES_PART_IN']),
  learnedFrom: (organization, _args, context) => relationsOf(context, organization.id, 'OUT', ['LEARNED_FROM']),
  learners: (organization, _args, context) => relationsOf(context, organization.id, 'IN', ['LEARNED_FROM']),
};

export const Programme: ProgrammeResolvers = {
  ...nodeCommonResolvers,
  kind: (programme) => toEnumValue<ProgrammeKind>(programme.kind),
  startYear: (programme) => programme.startYear ?? null,
  runBy: async (programme, _args, context) => {
    const relations = await relationsOf(context, programme.id, 'IN', ['RUNS']);
    const runners = await Promise.all(relations.map((relation) => nodeById(context, relation.from)));
    return runners.filter((runner) => runner !== null);
  },
  partners: (programme, _args, context) => relationsOf(context, programme.id, 'IN', ['PARTNER_IN']),
  commitments: (programme, _args, context) => linkedNodes(context, programme.id, 'ADVANCES', 'OUT', 'Commitment'),
  participants: (programme, _args, context) => relationsOf(context, programme.id, 'IN', ['TAKES_PART_IN']),
  partOf: (programme, _args, context) => linkedNode(context, programme.id, 'PART_OF', 'OUT', 'Programme'),
  parts: (programme, _args, context) => linkedNodesOf(context, programme.id, 'PART_OF', 'IN', ['Programme', 'Event']),
  learners: (programme, _args, context) => relationsOf(context, programme.id, 'IN', ['LEARNED_FROM']),
};

export const Commitment: CommitmentResolvers = {
  ...nodeCommonResolvers,
  declaration: (commitment, _args, context) => linkedNode(context, commitment.id, 'HAS_COMMITMENT', 'IN', 'Declaration'),
  programmes: (commitment, _args, context) => linkedNodes(context, commitment.id, 'ADVANCES', 'IN', 'Programme'),
  examples: (commitment, _args, context) => examplesOfCommitment(context, commitment.id),
};

export const Declaration: DeclarationResolvers = {
  ...nodeCommonResolvers,
  date: (declaration) => declaration.date ?? null,
  commitments: async (declaration, _args, context) =>
    (await linkedNodes(context, declaration.id, 'HAS_COMMITMENT', 'OUT', 'Commitment')).sort((a, b) => a.number - b.number),
  adoptedAt: (declaration, _args, context) => linkedNode(context, declaration.id, 'PART_OF', 'OUT', 'Event'),
  endorsements: async (declaration, args, context) => {
    const request = {
      nodeId: declaration.id,
      direction: 'IN' as const,
      types: ['ENDORSED' as const],
      first: checkFirst(args.first, 20),
      after: args.after ?? null,
    };
    if (args.countryId === null || args.countryId === undefined) return request;
    const countryId = checkNodeId(args.countryId, 'countryId', 'Country');
    if (!(await context.loaders.node.load(countryId))) throw notFound(`countryId: no country ${countryId}`, 'countryId');
    const cities = await relationsOf(context, countryId, 'IN', ['IN_COUNTRY']);
    return { ...request, forCities: new Set(cities.map((relation) => relation.from)) };
  },
};

export const Event: EventResolvers = {
  ...nodeCommonResolvers,
  kind: (event) => toEnumValue<EventKind>(event.kind),
  startDate: (event) => event.startDate ?? null,
  endDate: (event) => event.endDate ?? null,
  place: (event) => event.place ?? null,
  participants: (event, _args, context) => relationsOf(context, event.id, 'IN', ['PARTICIPATED_IN']),
  partners: (event, _args, context) => relationsOf(context, event.id, 'IN', ['PARTNER_IN']),
  heldIn: (event, _args, context) => linkedNodesOf(context, event.id, 'HELD_IN', 'OUT', ['City', 'Country']),
  partOf: (event, _args, context) => linkedNodeOf(context, event.id, 'PART_OF', 'OUT', ['Event', 'Programme']),
  parts: (event, _args, context) => linkedNodes(context, event.id, 'PART_OF', 'IN', 'Event'),
  declarations: (event, _args, context) => linkedNodes(context, event.id, 'PART_OF', 'IN', 'Declaration'),
};

export const Document: DocumentResolvers = {
  ...nodeCommonResolvers,
  published: (document) => document.published ?? null,
  updated: (document) => document.updated ?? null,
};
