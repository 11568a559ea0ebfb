/**
 * Internal. The strings the store holds, each named by an integer code, so records become
 * rows of integers. Interned strings are kept once: a quote cited by a thousand relations,
 * a kind, a role or a document id costs one string, not one per record. Strings that
 * rarely repeat (see RecordCodec) are added without the lookup.
 */
import { itemAt } from './columns';

export class StringPool {
  private readonly strings: string[] = [];
  private readonly codes = new Map<string, number>();

  /** Every string by code, for decoders that read many at once. */
  get list(): readonly string[] {
    return this.strings;
  }

  get size(): number {
    return this.strings.length;
  }

  /** The code of `value`, adding it on first sight. */
  intern(value: string): number {
    let code = this.codes.get(value);
    if (code === undefined) {
      code = this.strings.length;
      this.strings.push(value);
      this.codes.set(value, code);
    }
    return code;
  }

  /** A new code for `value`, without looking for it (a value that rarely repeats). */
  add(value: string): number {
    this.strings.push(value);
    return this.strings.length - 1;
  }

  /** The code of an interned string, or -1: for lookups that must not add. */
  codeOf(value: string): number {
    return this.codes.get(value) ?? -1;
  }

  at(code: number): string {
    return itemAt(this.strings, code);
  }

  clear(): void {
    this.strings.length = 0;
    this.codes.clear();
  }
}
