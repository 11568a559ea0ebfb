/**
 * What the service benchmark searches for, built from names the server itself returned
 * (so no graph has to be generated in the parent): whole English names, Arabic names,
 * prefixes of four letters, and names with one letter changed (fuzzy matches).
 */
interface NamesData {
  readonly cities?: { readonly edges?: readonly { readonly node: { readonly name: string; readonly nameAr: string } }[] };
}

/** One letter of a word of six or more letters replaced, so only a fuzzy match finds it. */
function misspell(name: string): string {
  const word = name.split(' ').find((each) => each.length >= 6) ?? name;
  const at = Math.floor(word.length / 2);
  const replaced = word.slice(0, at) + (word[at] === 'x' ? 'y' : 'x') + word.slice(at + 1);
  return name.replace(word, replaced);
}

export function searchTexts(data: unknown, count: number): string[] {
  const edges = (data as NamesData | undefined)?.cities?.edges ?? [];
  if (edges.length === 0) throw new Error('the server listed no cities to search for');
  const texts: string[] = [];
  for (let i = 0; texts.length < count; i += 1) {
    const edge = edges[i % edges.length];
    if (!edge) break;
    const { name, nameAr } = edge.node;
    switch (i % 4) {
      case 0:
        texts.push(name);
        break;
      case 1:
        texts.push(nameAr);
        break;
      case 2:
        texts.push(name.slice(0, 4));
        break;
      default:
        texts.push(misspell(name));
    }
  }
  return texts;
}
