/**
 * Internal. The filters of the list queries (organizations, programmes, events, people) as
 * relation paths from a listed node to the anchor the caller names, and the reach of an
 * organisation, declared once so both stores (memory walks, Neo4j pattern text) read the
 * same definition.
 */
import type { NodeLabel, RelationType } from '../domain/ontology';

/** One step from the listed node towards the anchor: relation types, direction, label reached. */
export interface FilterStep {
  readonly types: readonly RelationType[];
  readonly direction: 'OUT' | 'IN';
  readonly label: NodeLabel;
}

export type FilterPath = readonly FilterStep[];

const step = (types: readonly RelationType[], direction: 'OUT' | 'IN', label: NodeLabel): FilterStep => ({ types, direction, label });

const PARTICIPANT_OF_CITY: FilterPath = [step(['PARTICIPATED_IN'], 'IN', 'Person'), step(['LEADS', 'WORKS_FOR'], 'OUT', 'City')];

/**
 * Per listed label, per filter argument: the paths (any of them) from the listed node to
 * the anchor, the anchor's label being the last step's.
 */
export const LIST_FILTERS = {
  Organization: {
    // Based in the country, or in one of its cities.
    countryId: [[step(['BASED_IN'], 'OUT', 'Country')], [step(['BASED_IN'], 'OUT', 'City'), step(['IN_COUNTRY'], 'OUT', 'Country')]],
  },
  Programme: {
    // Run by the city or with the city taking part.
    cityId: [[step(['RUNS', 'TAKES_PART_IN'], 'IN', 'City')]],
    // Run, partnered or joined by the organisation.
    partnerId: [[step(['RUNS', 'PARTNER_IN', 'TAKES_PART_IN'], 'IN', 'Organization')]],
    commitmentId: [[step(['ADVANCES'], 'OUT', 'Commitment')]],
  },
  Event: {
    // Held in the city, or the city (or a person who leads or works for it) took part.
    cityId: [[step(['HELD_IN'], 'OUT', 'City')], [step(['PARTICIPATED_IN'], 'IN', 'City')], PARTICIPANT_OF_CITY],
    // Held in the country or one of its cities, or the country or one of its cities took part.
    countryId: [
      [step(['HELD_IN'], 'OUT', 'Country')],
      [step(['HELD_IN'], 'OUT', 'City'), step(['IN_COUNTRY'], 'OUT', 'Country')],
      [step(['PARTICIPATED_IN'], 'IN', 'Country')],
      [step(['PARTICIPATED_IN'], 'IN', 'City'), step(['IN_COUNTRY'], 'OUT', 'Country')],
    ],
  },
  Person: {
    // Leads or works for the city.
    cityId: [[step(['LEADS', 'WORKS_FOR'], 'OUT', 'City')]],
    // Leads or works for a city of the country.
    countryId: [[step(['LEADS', 'WORKS_FOR'], 'OUT', 'City'), step(['IN_COUNTRY'], 'OUT', 'Country')]],
  },
} as const satisfies Readonly<Record<string, Readonly<Record<string, readonly FilterPath[]>>>>;

export type ListedLabel = keyof typeof LIST_FILTERS;
export const LISTED_LABELS = Object.keys(LIST_FILTERS) as ListedLabel[];
export type FilterName<L extends ListedLabel> = keyof (typeof LIST_FILTERS)[L] & string;

/** Every filter of a label with its paths. */
export function filtersOf(label: ListedLabel): readonly { readonly name: string; readonly paths: readonly FilterPath[] }[] {
  return Object.entries(LIST_FILTERS[label]).map(([name, paths]) => ({ name, paths }));
}

/** The anchor label of a filter (the label its paths end at). */
export function anchorLabelOf(paths: readonly FilterPath[]): NodeLabel | undefined {
  return paths[0]?.[paths[0].length - 1]?.label;
}

/**
 * An organisation's reach (schema/query.graphql defines it for users):
 * programmes: distinct programmes it RUNS, is PARTNER_IN or TAKES_PART_IN;
 * cities: distinct cities that are MEMBER_OF it, that it PARTNERS_WITH, or that RUN or
 * TAKE_PART_IN one of its programmes;
 * countries: distinct countries those cities are IN_COUNTRY, plus countries that TAKE_PART_IN
 * one of its programmes.
 */
export const REACH = {
  programmeTypes: ['RUNS', 'PARTNER_IN', 'TAKES_PART_IN'],
  directCityTypes: ['MEMBER_OF', 'PARTNERS_WITH'],
  programmeCityTypes: ['RUNS', 'TAKES_PART_IN'],
  programmeCountryTypes: ['TAKES_PART_IN'],
} as const satisfies Readonly<Record<string, readonly RelationType[]>>;

export type ListOrder = 'ID' | 'NAME' | 'PROGRAMMES' | 'CITIES' | 'COUNTRIES';
