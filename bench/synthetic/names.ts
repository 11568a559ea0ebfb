/**
 * Pseudo place and organisation names, in Latin and in Arabic script, built from parallel
 * syllable lists so that each English name has a matching Arabic one. They give the search
 * index a realistic number of distinct terms without any real-world data.
 */
import type { Rng } from './rng';

const LATIN = [
  'ka',
  'ra',
  'chi',
  'mo',
  'ba',
  'sa',
  'li',
  'tan',
  'dor',
  'vel',
  'mar',
  'nu',
  'zi',
  'pe',
  'ro',
  'la',
  'en',
  'is',
  'go',
  'ha',
  'qu',
  'fa',
  'del',
  'om',
];
const ARABIC = [
  'كا',
  'را',
  'تشي',
  'مو',
  'با',
  'سا',
  'لي',
  'تان',
  'دور',
  'فيل',
  'مار',
  'نو',
  'زي',
  'بي',
  'رو',
  'لا',
  'ان',
  'يس',
  'غو',
  'ها',
  'قو',
  'فا',
  'دل',
  'أم',
];

export interface BilingualName {
  readonly name: string;
  readonly nameAr: string;
}

/** One word of two to four syllables, in both scripts. */
export function word(rng: Rng): BilingualName {
  const length = rng.between(2, 4);
  let latin = '';
  let arabic = '';
  for (let i = 0; i < length; i += 1) {
    const syllable = rng.int(LATIN.length);
    latin += LATIN[syllable];
    arabic += ARABIC[syllable];
  }
  return { name: latin.charAt(0).toUpperCase() + latin.slice(1), nameAr: arabic };
}

/** A name of `words` words followed by a fixed English/Arabic suffix (e.g. "Fund" / "صندوق"). */
export function phrase(rng: Rng, words: number, suffix?: BilingualName): BilingualName {
  const parts = Array.from({ length: words }, () => word(rng));
  if (suffix) parts.push(suffix);
  return { name: parts.map((part) => part.name).join(' '), nameAr: parts.map((part) => part.nameAr).join(' ') };
}
