/**
 * The endorser list of document 004 parses into exactly 113 records, tricky lines come out
 * field by field, and the curated ENDORSED relations in seed/graph match the parser one to
 * one (same line quoted, same English title). Failures list the offenders.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { citedBy, type GraphData, type RelationRecord } from '../../src/domain/graph-document';
import { normalizeWhitespace } from '../../src/domain/text';
import { validateGraph } from '../../src/domain/validate-graph';
import {
  COUNTRY_CODE_BY_ARABIC_NAME,
  ENGLISH_TITLE_BY_ARABIC,
  parseEndorserLine,
  parseEndorsers,
  type EndorserRecord,
} from '../../src/ingest/parse-endorsers';
import { readSeed } from '../../src/ingest/read-seed';
import { PROJECT_ROOT } from '../../src/project-root';

const DOC_004 = path.join(PROJECT_ROOT, 'seed', 'sources', '004_71d098ac8ac3c6f2.txt');
const DECLARATION = 'decl:nyc-mayors-declaration';

let records: EndorserRecord[];
let graph: GraphData;

beforeAll(async () => {
  records = parseEndorsers(await readFile(DOC_004, 'utf8'));
  graph = validateGraph(await readSeed()).graph;
});

function recordFor(nameAr: string): EndorserRecord {
  const found = records.filter((record) => record.nameAr === nameAr);
  if (found.length !== 1) throw new Error(`expected one record named ${nameAr}, found ${found.length}`);
  return found[0] as EndorserRecord;
}

function fields(record: EndorserRecord): Omit<EndorserRecord, 'line'> {
  const { line: _line, ...rest } = record;
  return rest;
}

describe('parseEndorsers (document 004)', () => {
  it('finds exactly the 113 endorsers the document announces', () => {
    expect(records).toHaveLength(113);
    expect(records[0]?.line).toBe('العمدة إليزابيث ساكي، أكرا، غانا');
    expect(records[112]?.line).toBe('العمدة ديفي ماوندي، زومبا، ملاوي');
  });

  it('reads title, name and place in whichever order the line uses', () => {
    // title + name, then place, then country
    expect(fields(recordFor('إليزابيث ساكي'))).toEqual({
      titleAr: 'العمدة',
      title: 'Mayor',
      nameAr: 'إليزابيث ساكي',
      placeAr: 'أكرا',
      countryAr: 'غانا',
      regionAr: null,
    });
    // name first, then "title of place"
    expect(fields(recordFor('مرتضى وهاب'))).toEqual({
      titleAr: 'عمدة',
      title: 'Mayor',
      nameAr: 'مرتضى وهاب',
      placeAr: 'كراتشي',
      countryAr: 'باكستان',
      regionAr: null,
    });
    expect(fields(recordFor('هنرييت ريكر'))).toEqual({
      titleAr: 'عمدة مدينة',
      title: 'Mayor',
      nameAr: 'هنرييت ريكر',
      placeAr: 'كولونيا',
      countryAr: 'ألمانيا',
      regionAr: null,
    });
    // title, place and name in one segment
    expect(fields(recordFor('حمزة الزغول'))).toEqual({
      titleAr: 'رئيس بلدية',
      title: 'Mayor',
      nameAr: 'حمزة الزغول',
      placeAr: 'عجلون',
      countryAr: 'الأردن',
      regionAr: null,
    });
    expect(fields(recordFor('بروس هاريل'))).toEqual({
      titleAr: 'عمدة مدينة',
      title: 'Mayor',
      nameAr: 'بروس هاريل',
      placeAr: 'سياتل',
      countryAr: 'الولايات المتحدة',
      regionAr: 'واشنطن',
    });
    // no country at all
    expect(fields(recordFor('كريستيان هوشغربي'))).toEqual({
      titleAr: 'عمدة',
      title: 'Mayor',
      nameAr: 'كريستيان هوشغربي',
      placeAr: 'برلين',
      countryAr: null,
      regionAr: null,
    });
    // the name comes after the state, and after the country
    expect(fields(recordFor('تيم كيلي'))).toEqual({
      titleAr: 'عمدة مدينة',
      title: 'Mayor',
      nameAr: 'تيم كيلي',
      placeAr: 'تشاتانوغا',
      countryAr: 'الولايات المتحدة',
      regionAr: 'تينيسي',
    });
    expect(fields(recordFor('أوسكار إسكوبار'))).toEqual({
      titleAr: 'عمدة مدينة',
      title: 'Mayor',
      nameAr: 'أوسكار إسكوبار',
      placeAr: 'بالميرا',
      countryAr: 'كولومبيا',
      regionAr: null,
    });
    // "British Columbia" must not be read as the country Colombia
    expect(fields(recordFor('ماريان ألتو'))).toEqual({
      titleAr: 'عمدة',
      title: 'Mayor',
      nameAr: 'ماريان ألتو',
      placeAr: 'فيكتوريا',
      countryAr: null,
      regionAr: 'كولومبيا البريطانية',
    });
  });

  it('maps every title form in the list to its English title', () => {
    expect(recordFor('دورجيش باثاك')).toMatchObject({ titleAr: 'رئيس مجلس الإدارة', title: 'Chairman', placeAr: 'دلهي' });
    expect(recordFor('غلاديس وانجا')).toMatchObject({ titleAr: 'الحاكمة', title: 'Governor', placeAr: 'هوماباي' });
    expect(recordFor('إميل إميل إليستيانتو دارداك')).toMatchObject({ titleAr: 'الحاكم', title: 'Governor', placeAr: 'جاوة الشرقية' });
    expect(recordFor('لاندينج بي سانيه')).toMatchObject({ titleAr: 'مايور', title: 'Mayor', placeAr: 'مانساكونكو' });
    expect(recordFor('جان بيير (جي بي) سميث')).toMatchObject({ titleAr: 'العمدة', placeAr: 'كيب تاون' });
    expect(recordFor('فيزار جانيو')).toMatchObject({ placeAr: 'سكوبي', regionAr: 'كير', countryAr: 'شمال مقدونيا' });
    expect(recordFor('مازينا باكر')).toMatchObject({ placeAr: 'موراتوا', regionAr: 'منطقة كولومبو', countryAr: 'سريلانكا' });
    for (const record of records) expect(ENGLISH_TITLE_BY_ARABIC[record.titleAr]).toBe(record.title);
    const counts = new Map<string, number>();
    for (const record of records) counts.set(record.title, (counts.get(record.title) ?? 0) + 1);
    expect(Object.fromEntries(counts)).toEqual({ Mayor: 108, Governor: 4, Chairman: 1 });
  });

  it('leaves no field empty', () => {
    const empty = records.filter((record) => !record.titleAr || !record.nameAr || !record.placeAr);
    expect(empty.map((record) => record.line)).toEqual([]);
  });

  it('rejects a line without a known title instead of guessing', () => {
    expect(() => parseEndorserLine('إليزابيث ساكي، أكرا، غانا')).toThrow(/no title/);
  });
});

describe('curated ENDORSED relations (seed/graph) against the parser', () => {
  const endorsed = (): RelationRecord[] =>
    graph.relations.filter((relation) => relation.type === 'ENDORSED' && relation.to === DECLARATION);
  const quotesOf = (relation: RelationRecord): string[] =>
    relation.sources.filter((source) => citedBy(source) === 'doc:004').map((source) => normalizeWhitespace(source.quote));

  it('has exactly one ENDORSED relation per parsed line, with the same English title', () => {
    const problems: string[] = [];
    for (const record of records) {
      const line = normalizeWhitespace(record.line);
      const matches = endorsed().filter((relation) => quotesOf(relation).includes(line));
      if (matches.length !== 1) {
        problems.push(`${record.line}: ${matches.length} ENDORSED relations quote this line`);
      } else if (matches[0]?.title !== record.title) {
        problems.push(
          `${record.line}: relation ${matches[0]?.id} has title ${JSON.stringify(matches[0]?.title)}, parser says ${record.title}`,
        );
      }
    }
    if (problems.length > 0) throw new Error(`${problems.length} endorser line(s) not matched:\n  ${problems.join('\n  ')}`);
  });

  it('has no ENDORSED relation without a parsed line', () => {
    const lines = new Set(records.map((record) => normalizeWhitespace(record.line)));
    const orphans = endorsed()
      .filter((relation) => !quotesOf(relation).some((quote) => lines.has(quote)))
      .map((relation) => relation.id);
    if (orphans.length > 0) throw new Error(`${orphans.length} ENDORSED relation(s) quote no endorser line:\n  ${orphans.join('\n  ')}`);
    expect(endorsed()).toHaveLength(records.length);
  });

  it('places each endorsement in a city of the country the line names', () => {
    const countryOf = new Map(
      graph.relations.filter((relation) => relation.type === 'IN_COUNTRY').map((relation) => [relation.from, relation.to]),
    );
    const problems: string[] = [];
    for (const record of records) {
      if (record.countryAr === null) continue;
      const relation = endorsed().find((candidate) => quotesOf(candidate).includes(normalizeWhitespace(record.line)));
      const expected = `country:${(COUNTRY_CODE_BY_ARABIC_NAME[record.countryAr] ?? '??').toLowerCase()}`;
      const actual = relation?.forCity === undefined ? undefined : countryOf.get(relation.forCity);
      if (actual !== expected) problems.push(`${record.line}: forCity ${relation?.forCity} is in ${actual}, the line says ${expected}`);
    }
    if (problems.length > 0) throw new Error(`${problems.length} endorsement(s) in the wrong country:\n  ${problems.join('\n  ')}`);
  });
});
