/**
 * Internal. Which leaders were current at a date (City.leaders(asOf)): the sources date a
 * LEADS relation by `asOf` (when the source says so) or `since`; for each title the latest
 * dated on or before the date wins, so Saida's mayor in 2023 is the one the 2022 forum names
 * and in mid-2024 the one the 2024 declaration names.
 */
import type { RelationRecord } from '../../domain/graph-document';
import { badUserInput } from '../../errors';

const DATE = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/;

export function checkDate(value: string, argumentName: string): string {
  if (!DATE.test(value)) throw badUserInput(`${argumentName}: ${JSON.stringify(value)} is not YYYY, YYYY-MM or YYYY-MM-DD`, argumentName);
  return value;
}

function dateOf(relation: RelationRecord): string | undefined {
  if (relation.type !== 'LEADS') return undefined;
  return relation.asOf ?? relation.since;
}

/** Per title, the relations dated latest on or before `asOf` (a date within the period `asOf` names counts). */
export function currentAsOf(leaders: readonly RelationRecord[], asOf: string): RelationRecord[] {
  const bound = `${asOf}~`;
  const latest = new Map<string, string>();
  for (const relation of leaders) {
    const date = dateOf(relation);
    if (date === undefined || date > bound) continue;
    const title = relation.type === 'LEADS' ? (relation.title ?? '') : '';
    if ((latest.get(title) ?? '') < date) latest.set(title, date);
  }
  return leaders.filter((relation) => {
    const date = dateOf(relation);
    const title = relation.type === 'LEADS' ? (relation.title ?? '') : '';
    return date !== undefined && latest.get(title) === date;
  });
}
