/**
 * Public. Parses the endorser list at the end of document 004 (the machine-translated
 * "Implementation update: NYC Mayors Declaration…") into one record per endorser.
 *
 * Each line carries a title, a person's name, a city and usually a country, in varying
 * order: "العمدة إليزابيث ساكي، أكرا، غانا", "مرتضى وهاب، عمدة كراتشي، باكستان",
 * "عمدة مدينة سياتل بروس هاريل، واشنطن، الولايات المتحدة". The parser splits a line on the
 * Arabic comma, recognises the country from a vocabulary of Arabic country names, finds
 * the segment that starts with a title, and reads the Arabic grammar of that title to
 * decide whether a name or a place follows it.
 */

/** The sentence that introduces the list; every non-empty line after it is one endorser. */
export const ENDORSEMENT_LIST_MARKER = 'وقد تمت المصادقة على الإعلان من قبل:';

export interface EndorserRecord {
  /** The line exactly as written (trimmed). */
  readonly line: string;
  /** The title as written: "العمدة", "عمدة مدينة", "رئيس بلدية", "الحاكمة", … */
  readonly titleAr: string;
  /** The English title: Mayor, Governor, Chairman, … (see ENGLISH_TITLE_BY_ARABIC). */
  readonly title: EnglishTitle;
  readonly nameAr: string;
  /** The city part as written ("أكرا", "مدينة بلانتير", "بلدية بريسيفو"). */
  readonly placeAr: string;
  readonly countryAr: string | null;
  /** Any further place segments (state, province, district), joined with "، ". */
  readonly regionAr: string | null;
}

export const ENGLISH_TITLES = ['Mayor', 'Lord Mayor', 'Deputy Mayor', 'Governor', 'Deputy Governor', 'Chairman'] as const;
export type EnglishTitle = (typeof ENGLISH_TITLES)[number];

/**
 * What follows a title in its segment. Arabic marks the difference: a title in construct
 * state ("عمدة مدينة …", "رئيس بلدية …": mayor OF the city …) is followed by the place,
 * a definite title ("العمدة …", "عمدة المدينة …": the mayor …) by the person's name.
 * Bare "عمدة" is used both ways ("عمدة ميلاني كيبلر" / "عمدة كراتشي"), so the rest of the
 * line decides.
 */
export type TitleFollower = 'name' | 'place' | 'either';

export interface TitleForm {
  readonly ar: string;
  readonly en: EnglishTitle;
  readonly follower: TitleFollower;
}

export const TITLE_FORMS: readonly TitleForm[] = [
  { ar: 'رئيس مجلس الإدارة', en: 'Chairman', follower: 'name' },
  { ar: 'اللورد عمدة المدينة', en: 'Lord Mayor', follower: 'name' },
  { ar: 'اللورد عمدة', en: 'Lord Mayor', follower: 'either' },
  { ar: 'نائب رئيس البلدية', en: 'Deputy Mayor', follower: 'name' },
  { ar: 'نائب العمدة', en: 'Deputy Mayor', follower: 'name' },
  { ar: 'نائب عمدة', en: 'Deputy Mayor', follower: 'either' },
  { ar: 'رئيس البلدية', en: 'Mayor', follower: 'name' },
  { ar: 'رئيس بلدية', en: 'Mayor', follower: 'place' },
  { ar: 'عمدة المدينة', en: 'Mayor', follower: 'name' },
  { ar: 'عمدة مدينة', en: 'Mayor', follower: 'place' },
  { ar: 'العمدة', en: 'Mayor', follower: 'name' },
  { ar: 'عمدة', en: 'Mayor', follower: 'either' },
  // "مايور" is the English word "Mayor" transliterated by the machine translation.
  { ar: 'مايور', en: 'Mayor', follower: 'name' },
  { ar: 'نائب الحاكم', en: 'Deputy Governor', follower: 'name' },
  { ar: 'الحاكمة', en: 'Governor', follower: 'name' },
  { ar: 'الحاكم', en: 'Governor', follower: 'name' },
  { ar: 'المحافظ', en: 'Governor', follower: 'name' },
  { ar: 'محافظ', en: 'Governor', follower: 'either' },
];

/** The English title of each Arabic title form; the curated ENDORSED relations use these. */
export const ENGLISH_TITLE_BY_ARABIC: Readonly<Record<string, EnglishTitle>> = Object.fromEntries(
  TITLE_FORMS.map((form) => [form.ar, form.en]),
);

// Longest first, so that "عمدة مدينة" wins over "عمدة" and "الحاكمة" over "الحاكم".
const TITLE_FORMS_LONGEST_FIRST = [...TITLE_FORMS].sort((a, b) => b.ar.length - a.ar.length);

/**
 * Arabic country names (with the variant spellings the sources use) and their ISO 3166-1
 * alpha-2 codes. A segment is a country only when it equals one of these exactly, so that
 * "كولومبيا البريطانية" (British Columbia) is not read as Colombia.
 */
export const COUNTRY_CODE_BY_ARABIC_NAME: Readonly<Record<string, string>> = {
  الأرجنتين: 'AR',
  الأردن: 'JO',
  إسبانيا: 'ES',
  أستراليا: 'AU',
  إندونيسيا: 'ID',
  أوغندا: 'UG',
  أيرلندا: 'IE',
  إيطاليا: 'IT',
  ألبانيا: 'AL',
  ألمانيا: 'DE',
  البرازيل: 'BR',
  البرتغال: 'PT',
  'البوسنة والهرسك': 'BA',
  'الجبل الأسود': 'ME',
  الدنمارك: 'DK',
  السنغال: 'SN',
  السويد: 'SE',
  الصومال: 'SO',
  العراق: 'IQ',
  الفلبين: 'PH',
  المغرب: 'MA',
  المكسيك: 'MX',
  'المملكة المتحدة': 'GB',
  المجر: 'HU',
  النرويج: 'NO',
  النمسا: 'AT',
  الهند: 'IN',
  'الولايات المتحدة': 'US',
  'الولايات المتحدة الأمريكية': 'US',
  اليونان: 'GR',
  باكستان: 'PK',
  بلجيكا: 'BE',
  بنغلاديش: 'BD',
  بوتسوانا: 'BW',
  بولندا: 'PL',
  تركيا: 'TR',
  تنزانيا: 'TZ',
  تونس: 'TN',
  'جزر المالديف': 'MV',
  ملديف: 'MV',
  المالديف: 'MV',
  'جنوب أفريقيا': 'ZA',
  'جنوب السودان': 'SS',
  جيبوتي: 'DJ',
  رواندا: 'RW',
  سريلانكا: 'LK',
  سلوفاكيا: 'SK',
  سويسرا: 'CH',
  صربيا: 'RS',
  غامبيا: 'GM',
  غانا: 'GH',
  فرنسا: 'FR',
  فنلندا: 'FI',
  كرواتيا: 'HR',
  كندا: 'CA',
  كوسوفو: 'XK',
  كولومبيا: 'CO',
  كينيا: 'KE',
  لبنان: 'LB',
  مصر: 'EG',
  'مقدونيا الشمالية': 'MK',
  'شمال مقدونيا': 'MK',
  ملاوي: 'MW',
  موزمبيق: 'MZ',
  نيجيريا: 'NG',
  هولندا: 'NL',
  'الإمارات العربية المتحدة': 'AE',
};

/**
 * Sub-national units that follow a city in a line (US states, Canadian provinces). They are
 * needed only to tell a state segment from a name segment when the title segment names
 * the city: in "عمدة مدينة سياتل بروس هاريل، واشنطن" the name sits in the title segment
 * because "واشنطن" (Washington State) cannot be a name.
 */
export const REGION_NAMES_AR: ReadonlySet<string> = new Set([
  'ألاباما',
  'أريزونا',
  'أوريغون',
  'أوهايو',
  'إلينوي',
  'إنديانا',
  'بنسلفانيا',
  'تكساس',
  'تينيسي',
  'فلوريدا',
  'فيرجينيا',
  'كارولاينا الشمالية',
  'كارولاينا الجنوبية',
  'كاليفورنيا',
  'كولورادو',
  'كونيتيكت',
  'لويزيانا',
  'ماساتشوستس',
  'ميريلاند',
  'ميشيغان',
  'مينيسوتا',
  'نيو جيرسي',
  'نيوجيرسي',
  'واشنطن',
  'ويسكونسن',
  'ألبرتا',
  'أونتاريو',
  'كيبيك',
  'كولومبيا البريطانية',
]);

/**
 * Returns the endorser records of document 004: one per non-empty line after the marker,
 * up to the first line of prose. The page ends with the site's translation notice ("تمت
 * ترجمة محتوى هذا الموقع تلقائيًا …") right after the list; entries never end with a full
 * stop, prose does. Any other line that is not an entry throws, so that a format change
 * inside the list is noticed instead of silently cutting the list short.
 */
export function parseEndorsers(documentText: string): EndorserRecord[] {
  const start = documentText.indexOf(ENDORSEMENT_LIST_MARKER);
  if (start < 0) throw new Error(`parseEndorsers: the marker ${JSON.stringify(ENDORSEMENT_LIST_MARKER)} is not in the text`);
  const lines = documentText
    .slice(start + ENDORSEMENT_LIST_MARKER.length)
    .split(/\r?\n/u)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
  const end = lines.findIndex(isProse);
  return (end < 0 ? lines : lines.slice(0, end)).map(parseEndorserLine);
}

function isProse(line: string): boolean {
  return /[.!؟?]$/u.test(line);
}

interface TitleMatch {
  readonly form: TitleForm;
  /** The words of the segment after the title. */
  readonly remainder: string;
}

/** Parses one endorser line; throws when no segment carries a known title. */
export function parseEndorserLine(line: string): EndorserRecord {
  const segments = line
    .split('،')
    .map(collapseSpaces)
    .filter((segment) => segment.length > 0);
  const countryIndex = findCountryIndex(segments);
  const countryAr = countryIndex < 0 ? null : (segments[countryIndex] ?? null);
  const rest = without(segments, countryIndex);

  const titledIndex = rest.findIndex((segment) => matchTitle(segment) !== undefined);
  const titled = titledIndex < 0 ? undefined : matchTitle(rest[titledIndex] ?? '');
  if (!titled) throw new Error(`parseEndorserLine: no title in ${JSON.stringify(line)}`);
  const others = without(rest, titledIndex);

  const parts =
    titledIndex > 0 ? nameBeforeTitle(rest.slice(0, titledIndex), titled, rest.slice(titledIndex + 1)) : titleFirst(titled, others);
  return {
    line: line.trim(),
    titleAr: titled.form.ar,
    title: titled.form.en,
    nameAr: parts.nameAr,
    placeAr: parts.placeAr,
    countryAr,
    regionAr: parts.regions.length > 0 ? parts.regions.join('، ') : null,
  };
}

interface LineParts {
  readonly nameAr: string;
  readonly placeAr: string;
  readonly regions: readonly string[];
}

/** "مرتضى وهاب، عمدة كراتشي، …": the name comes first, so the title is followed by the place. */
function nameBeforeTitle(before: readonly string[], titled: TitleMatch, after: readonly string[]): LineParts {
  if (titled.remainder.length === 0) {
    // "name، العمدة، city": the title stands alone, the place is the next segment.
    const [placeAr = '', ...regions] = after;
    return { nameAr: before.join('، '), placeAr, regions };
  }
  return { nameAr: before.join('، '), placeAr: titled.remainder, regions: [...after] };
}

/** The line opens with the title; its grammar and the other segments say what follows it. */
function titleFirst(titled: TitleMatch, others: readonly string[]): LineParts {
  const { form, remainder } = titled;
  // Segments that can hold a city or a name: all but the known states and provinces.
  const open = others.flatMap((segment, index) => (REGION_NAMES_AR.has(segment) ? [] : [index]));
  if (form.follower === 'name' || (form.follower === 'either' && open.length > 0)) {
    // "العمدة إليزابيث ساكي، أكرا، …": the name is in the title segment, the place follows.
    const placeIndex = open[0] ?? 0;
    return { nameAr: remainder, placeAr: others[placeIndex] ?? '', regions: without(others, placeIndex) };
  }
  const nameIndex = open[open.length - 1];
  if (nameIndex !== undefined) {
    // "عمدة مدينة تشاتانوغا، تينيسي، تيم كيلي، …": the title names the place, and the name is
    // the last segment that is not a state or province.
    return { nameAr: others[nameIndex] ?? '', placeAr: remainder, regions: without(others, nameIndex) };
  }
  // "عمدة مدينة إيسن توماس كوفن، ألمانيا", "عمدة برلين كريستيان هوشغربي": place and name
  // share the title segment; the place is its first word (the city names here are one word).
  const [placeAr = '', ...nameWords] = remainder.split(' ');
  return { nameAr: nameWords.join(' '), placeAr, regions: [...others] };
}

function matchTitle(segment: string): TitleMatch | undefined {
  for (const form of TITLE_FORMS_LONGEST_FIRST) {
    if (segment === form.ar) return { form, remainder: '' };
    if (segment.startsWith(`${form.ar} `)) return { form, remainder: segment.slice(form.ar.length).trim() };
  }
  return undefined;
}

/**
 * The index of the last segment that is a country name, or -1. The country usually closes
 * the line but not always ("عمدة مدينة بالميرا، كولومبيا، أوسكار إسكوبار").
 */
function findCountryIndex(segments: readonly string[]): number {
  for (let index = segments.length - 1; index >= 0; index -= 1) {
    if (Object.hasOwn(COUNTRY_CODE_BY_ARABIC_NAME, segments[index] ?? '')) return index;
  }
  return -1;
}

function without(items: readonly string[], index: number): string[] {
  return items.filter((_, position) => position !== index);
}

function collapseSpaces(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}
