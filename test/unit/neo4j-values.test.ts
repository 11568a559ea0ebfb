/**
 * The Neo4j adapter's one serializer (src/store/neo4j/neo4j-values.ts): integers go in as
 * Neo4j INTEGER, Integers and temporal values come out as numbers and ISO strings.
 */
import neo4j from 'neo4j-driver';
import { fromNeo4jRow, fromNeo4jValue, toNeo4jParameters } from '../../src/store/neo4j/neo4j-values';

describe('toNeo4jParameters', () => {
  it('sends integer numbers as Neo4j Integers, at any depth, and leaves other values alone', () => {
    const converted = toNeo4jParameters({
      limit: 11,
      ratio: 0.5,
      text: 'karachi',
      ids: ['city:a'],
      rows: [{ id: 'city:a', props: { population: 16_000_000, aliases: ['KMC'] } }],
    });
    expect(neo4j.isInt(converted['limit'])).toBe(true);
    expect(String(converted['limit'])).toBe('11');
    expect(converted['ratio']).toBe(0.5);
    expect(converted['text']).toBe('karachi');
    expect(converted['ids']).toEqual(['city:a']);
    const [row] = converted['rows'] as { props: { population: unknown; aliases: unknown } }[];
    expect(neo4j.isInt(row?.props.population)).toBe(true);
    expect(row?.props.aliases).toEqual(['KMC']);
  });
});

describe('fromNeo4jValue', () => {
  it('turns Integers into numbers, and ones beyond 2^53 into exact decimal strings', () => {
    expect(fromNeo4jValue(neo4j.int(42))).toBe(42);
    expect(fromNeo4jValue(neo4j.int('9007199254740993'))).toBe('9007199254740993');
  });

  it('turns temporal values into ISO 8601 strings', () => {
    expect(fromNeo4jValue(new neo4j.types.Date(2023, 8, 2))).toBe('2023-08-02');
    expect(fromNeo4jValue(new neo4j.types.LocalDateTime(2023, 8, 2, 10, 30, 0, 0))).toBe('2023-08-02T10:30:00');
    expect(fromNeo4jValue(new neo4j.types.DateTime(2023, 8, 2, 10, 30, 0, 0, 0))).toBe('2023-08-02T10:30:00Z');
    expect(fromNeo4jValue(new neo4j.types.Duration(1, 2, 3, 0))).toBe('P1M2DT3S');
  });

  it('converts inside lists and maps, and reads a whole node as its properties', () => {
    const node = new neo4j.types.Node(neo4j.int(1), ['City'], { id: 'city:a', population: neo4j.int(5) }, 'element-1');
    expect(fromNeo4jValue([neo4j.int(1), { nested: [neo4j.int(2)] }, null, true])).toEqual([1, { nested: [2] }, null, true]);
    expect(fromNeo4jValue(node)).toEqual({ id: 'city:a', population: 5 });
    expect(fromNeo4jRow({ total: neo4j.int(7), page: [] })).toEqual({ total: 7, page: [] });
  });

  it('refuses a type the store never reads rather than passing it on', () => {
    expect(() => fromNeo4jValue(new neo4j.types.Point(neo4j.int(7203), 1, 2))).toThrow(TypeError);
  });
});
