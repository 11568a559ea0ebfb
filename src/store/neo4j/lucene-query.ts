/**
 * Internal. Builds the Lucene queries `search` sends to the full-text indexes from user
 * text. The text is folded and split exactly as the stored search keys were
 * (`searchTerms`), and every term is escaped before it is placed in Lucene syntax, so user
 * text can never become Lucene operators. Matching mirrors the memory store: each term
 * matches as a whole word, as a prefix, or (when longer than four letters) within one or
 * two edits.
 */
import { searchTerms } from '../../domain/text';

// Lucene's query syntax characters (https://lucene.apache.org/core/9_0_0/queryparser/).
const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/gu;

export function escapeLucene(text: string): string {
  return text.replace(LUCENE_SPECIAL, '\\$&');
}

export interface LuceneQueries {
  /** Matches nodes with every term (phrase matches score higher). */
  readonly allTerms: string;
  /** Matches nodes with any term. */
  readonly anyTerm: string;
  /** The folded whole query, compared with the stored `searchKeys` for `exact`. */
  readonly key: string;
}

function fuzziness(term: string): string {
  if (term.length <= 4) return '';
  return term.length < 8 ? ` ${escapeLucene(term)}~1` : ` ${escapeLucene(term)}~2`;
}

function termClause(term: string): string {
  const escaped = escapeLucene(term);
  return `(${escaped} ${escaped}*${fuzziness(term)})`;
}

/** The queries for `text`, or undefined when it holds no letters or digits to search for. */
export function buildLuceneQueries(text: string): LuceneQueries | undefined {
  const terms = searchTerms(text);
  if (terms.length === 0) return undefined;
  const required = terms.map((term) => `+${termClause(term)}`).join(' ');
  const phrase = terms.length > 1 ? ` "${terms.map(escapeLucene).join(' ')}"^2` : '';
  return {
    allTerms: `${required}${phrase}`,
    anyTerm: terms.map(termClause).join(' '),
    key: terms.join(' '),
  };
}
