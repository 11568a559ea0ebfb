/**
 * A small graph for the store contract: shaped like the seed (same ontology, real names
 * from the sources) but fixed, so contract answers do not move when curators extend seed/.
 */
import { relationId, type GraphData, type NodeRecord, type RelationInput } from '../../src/domain/graph-document';

const cite = (quote: string) => [{ doc: 'doc:000', quote }];

export const FIXTURE_NODES: NodeRecord[] = [
  {
    id: 'doc:000',
    label: 'Document',
    name: 'City Spotlight: Karachi',
    nameAr: 'أضواء المدينة: كراتشي باكستان',
    title: 'City Spotlight: Karachi',
    file: '000.txt',
    sources: cite('أضواء المدينة'),
  },
  { id: 'country:pk', label: 'Country', name: 'Pakistan', nameAr: 'باكستان', code: 'PK', sources: cite('باكستان') },
  { id: 'country:ke', label: 'Country', name: 'Kenya', nameAr: 'كينيا', code: 'KE', sources: cite('كينيا') },
  { id: 'country:xk', label: 'Country', name: 'Kosovo', nameAr: 'كوسوفو', code: 'XK', sources: cite('كوسوفو') },
  { id: 'city:karachi', label: 'City', kind: 'city', name: 'Karachi', nameAr: 'كراتشي', aliases: ['KMC'], sources: cite('كراتشي') },
  { id: 'city:korangi', label: 'City', kind: 'district', name: 'Korangi', nameAr: 'كورانجي', sources: cite('كورانجي') },
  { id: 'city:karachi-east', label: 'City', kind: 'district', name: 'Karachi East', nameAr: 'الشرق', sources: cite('الشرق') },
  { id: 'city:mardan', label: 'City', kind: 'city', name: 'Mardan', nameAr: 'ماردان', sources: cite('ماردان') },
  { id: 'city:mombasa', label: 'City', kind: 'county', name: 'Mombasa County', nameAr: 'مقاطعة مومباسا', sources: cite('مومباسا') },
  {
    id: 'city:pristina',
    label: 'City',
    kind: 'municipality',
    name: 'Pristina',
    nameAr: 'بريشتينا',
    aliases: ['Prishtinë'],
    sources: cite('بريشتينا'),
  },
  {
    id: 'city:amman',
    label: 'City',
    kind: 'city',
    name: 'Greater Amman Municipality',
    nameAr: 'أمانة عمان الكبرى',
    sources: cite('أمانة عمان الكبرى'),
  },
  { id: 'person:murtaza-wahab', label: 'Person', name: 'Murtaza Wahab', nameAr: 'مرتضى وهاب', sources: cite('مرتضى وهاب') },
  {
    id: 'org:world-bank',
    label: 'Organization',
    kind: 'multilateral',
    name: 'World Bank',
    nameAr: 'البنك الدولي',
    sources: cite('البنك الدولي'),
  },
  {
    id: 'org:cplc',
    label: 'Organization',
    kind: 'police',
    name: 'Citizens-Police Liaison Committee',
    nameAr: 'لجنة الاتصال بالشرطة المدنية',
    acronym: 'CPLC',
    sources: cite('CPLC'),
  },
  {
    id: 'prog:neighbourhood-care',
    label: 'Programme',
    kind: 'project',
    name: 'Neighbourhood Care Projects',
    nameAr: 'مشاريع رعاية الأحياء',
    sources: cite('مشاريع رعاية الأحياء'),
  },
  {
    id: 'prog:karachi-capacity-building',
    label: 'Programme',
    kind: 'project',
    name: 'Karachi capacity building and small grants',
    nameAr: 'بناء القدرات',
    sources: cite('بناء القدرات'),
  },
  {
    id: 'event:south-asia-hub-launch',
    label: 'Event',
    kind: 'launch',
    name: 'South Asia Regional Hub virtual launch',
    nameAr: 'فعاليات الإطلاق الافتراضية',
    sources: cite('فعاليات الإطلاق'),
  },
];

const relations: RelationInput[] = [
  { type: 'IN_COUNTRY', from: 'city:karachi', to: 'country:pk', confidence: 'STATED', sources: cite('كراتشي باكستان') },
  { type: 'IN_COUNTRY', from: 'city:mardan', to: 'country:pk', confidence: 'STATED', sources: cite('ماردان، باكستان') },
  { type: 'IN_COUNTRY', from: 'city:korangi', to: 'country:pk', confidence: 'STATED', sources: cite('كورانجي') },
  { type: 'IN_COUNTRY', from: 'city:mombasa', to: 'country:ke', confidence: 'STATED', sources: cite('مومباسا (كينيا)') },
  { type: 'PART_OF', from: 'city:korangi', to: 'city:karachi', confidence: 'STATED', sources: cite('كورانجي') },
  { type: 'PART_OF', from: 'city:karachi-east', to: 'city:karachi', confidence: 'STATED', sources: cite('الشرق') },
  {
    type: 'LEADS',
    from: 'person:murtaza-wahab',
    to: 'city:karachi',
    confidence: 'STATED',
    title: 'Mayor',
    asOf: '2024',
    sources: cite('عمدة المدينة مرتضى وهاب'),
  },
  { type: 'RUNS', from: 'org:cplc', to: 'prog:neighbourhood-care', confidence: 'STATED', sources: cite('مشاريع رعاية الأحياء') },
  {
    type: 'PARTNERS_WITH',
    from: 'org:cplc',
    to: 'city:karachi',
    confidence: 'STATED',
    context: 'police capacity building',
    sources: cite('CPLC'),
  },
  { type: 'RUNS', from: 'city:karachi', to: 'prog:karachi-capacity-building', confidence: 'STATED', sources: cite('بناء القدرات') },
  {
    type: 'PARTNER_IN',
    from: 'org:world-bank',
    to: 'prog:karachi-capacity-building',
    confidence: 'STATED',
    role: 'funder',
    sources: cite('البنك الدولي'),
  },
  {
    type: 'PARTICIPATED_IN',
    from: 'city:karachi',
    to: 'event:south-asia-hub-launch',
    confidence: 'STATED',
    role: 'participant',
    sources: cite('فعاليات الإطلاق'),
  },
];

export const FIXTURE_RELATIONS = relations.map((relation) => ({ ...relation, id: relationId(relation) }));

export const FIXTURE_GRAPH: GraphData = { nodes: FIXTURE_NODES, relations: FIXTURE_RELATIONS };
