/**
 * Internal. Argument checks every store applies the same way, so both adapters reject the
 * same inputs with the same error class.
 */
import { InvalidArgumentError, MAX_PAGE_SIZE } from './GraphStore';

export function checkPageSize(operation: string, first: number): void {
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw new InvalidArgumentError(`${operation}: first must be between 1 and ${MAX_PAGE_SIZE}, got ${first}`);
  }
}

export function checkSearchText(text: string): string {
  const trimmed = text.trim();
  if (trimmed.length === 0) throw new InvalidArgumentError('search: text is empty; give a name in English or Arabic');
  return trimmed;
}
