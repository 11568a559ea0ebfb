/**
 * Internal. Builds a TermIndex from nodes' field texts, the same way in this thread and in
 * the worker (term-index-worker.ts), and the form both take to cross between threads: the
 * texts as one string with their lengths, the terms likewise, and typed arrays (moved, not
 * copied). Strings cross as single strings because a structured clone of an array of a
 * million strings costs about as much as making them.
 */
import { growInt32, int32At, itemAt } from '../columns';
import { FIELD_COUNT } from './name-fields';
import { TermIndexBuilder, type TermIndex } from './term-index';

/** A TermIndex and, per node built (in order) and field, its distinct terms (at most 255). */
export interface BuiltTerms {
  readonly index: TermIndex;
  readonly fieldLengths: Uint8Array;
}

/** Indexes `count` nodes, ascending, node `i` being `nodeAt(i)` with field texts `textsAt(i)`. */
export function buildTerms(count: number, nodeAt: (i: number) => number, textsAt: (i: number) => readonly string[]): BuiltTerms {
  const builder = new TermIndexBuilder();
  const fieldLengths = new Uint8Array(count * FIELD_COUNT);
  for (let i = 0; i < count; i += 1) {
    const node = nodeAt(i);
    textsAt(i).forEach((text, field) => {
      fieldLengths[i * FIELD_COUNT + field] = Math.min(255, builder.addField(node, field, text, 0, text.length));
    });
  }
  return { index: builder.build(), fieldLengths };
}

/** Strings as one text and the length of each. */
export interface PackedStrings {
  readonly text: string;
  readonly lengths: Int32Array<ArrayBuffer>;
}

export function packStrings(count: number, stringAt: (i: number) => string): PackedStrings {
  let lengths = new Int32Array(Math.max(16, count));
  const parts: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const value = stringAt(i);
    if (i >= lengths.length) lengths = growInt32(lengths, i + 1);
    lengths[i] = value.length;
    parts.push(value);
  }
  return { text: parts.join(''), lengths: lengths.subarray(0, count) };
}

export function unpackStrings(packed: PackedStrings): string[] {
  const strings = new Array<string>(packed.lengths.length);
  let at = 0;
  for (let i = 0; i < packed.lengths.length; i += 1) {
    const end = at + int32At(packed.lengths, i);
    strings[i] = packed.text.slice(at, end);
    at = end;
  }
  return strings;
}

/** What the worker is given: the nodes (ascending) and their field texts, FIELD_COUNT per node. */
export interface TermJob {
  readonly nodes: Int32Array<ArrayBuffer>;
  readonly texts: PackedStrings;
}

/** What the worker answers: BuiltTerms with the terms packed. */
export interface BuiltTermsMessage {
  readonly terms: PackedStrings;
  readonly prefixes: { readonly levels: readonly Uint8Array<ArrayBuffer>[] };
  readonly termStarts: Int32Array<ArrayBuffer>;
  readonly postingNodes: Int32Array<ArrayBuffer>;
  readonly postingFields: Uint8Array<ArrayBuffer>;
  readonly postingFrequencies: Uint8Array<ArrayBuffer>;
  readonly fieldLengths: Uint8Array<ArrayBuffer>;
}

export function runTermJob(job: TermJob): BuiltTermsMessage {
  // Each field is read as a range of the packed text: no string per field is made.
  const { text, lengths } = job.texts;
  const builder = new TermIndexBuilder();
  const fieldLengths = new Uint8Array(job.nodes.length * FIELD_COUNT);
  let at = 0;
  for (let i = 0; i < fieldLengths.length; i += 1) {
    const end = at + int32At(lengths, i);
    fieldLengths[i] = Math.min(255, builder.addField(int32At(job.nodes, Math.floor(i / FIELD_COUNT)), i % FIELD_COUNT, text, at, end));
    at = end;
  }
  const index = builder.build();
  return {
    terms: packStrings(index.terms.length, (i) => itemAt(index.terms, i)),
    // The builder makes each of these arrays itself, over a buffer of its own.
    prefixes: index.prefixes as BuiltTermsMessage['prefixes'],
    termStarts: index.termStarts as Int32Array<ArrayBuffer>,
    postingNodes: index.postingNodes as Int32Array<ArrayBuffer>,
    postingFields: index.postingFields as Uint8Array<ArrayBuffer>,
    postingFrequencies: index.postingFrequencies as Uint8Array<ArrayBuffer>,
    fieldLengths: fieldLengths as Uint8Array<ArrayBuffer>,
  };
}

export function builtTermsOf(message: BuiltTermsMessage): BuiltTerms {
  const { prefixes, termStarts, postingNodes, postingFields, postingFrequencies } = message;
  return {
    index: { terms: unpackStrings(message.terms), prefixes, termStarts, postingNodes, postingFields, postingFrequencies },
    fieldLengths: message.fieldLengths,
  };
}
