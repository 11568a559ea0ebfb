/**
 * What the search benchmarks look for, built from names the store or server returned (so
 * no graph has to be generated to know them): whole English names, Arabic names, prefixes
 * of four letters, and names with one letter changed (fuzzy matches), in turn.
 */
export interface Named {
  readonly name: string;
  readonly nameAr: string;
}

/** One letter of a word of six or more letters replaced, so only a fuzzy match finds it. */
function misspell(name: string): string {
  const word = name.split(' ').find((each) => each.length >= 6) ?? name;
  const at = Math.floor(word.length / 2);
  const replaced = word.slice(0, at) + (word[at] === 'x' ? 'y' : 'x') + word.slice(at + 1);
  return name.replace(word, replaced);
}

export function searchTexts(names: readonly Named[], count: number): string[] {
  if (names.length === 0) throw new Error('no names to search for');
  return Array.from({ length: count }, (_unused, i) => {
    const { name, nameAr } = names[i % names.length] ?? { name: '', nameAr: '' };
    switch (i % 4) {
      case 0:
        return name;
      case 1:
        return nameAr;
      case 2:
        return name.slice(0, 4);
      default:
        return misspell(name);
    }
  });
}
