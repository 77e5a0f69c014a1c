// The benchmark's article: a plain-text body of headed sections and paragraphs, with one claim per sentence.
// Every claim is cut from the body as it is written, so quote === body.slice(start, end) by construction.

export type BenchClaim = {
  quote: string;
  start: number;
  end: number;
  prefix: string;
  suffix: string;
  sectionIndex: number;
  kind: ClaimKind;
  hedged: boolean;
};

type ClaimKind = 'EFFICACY' | 'MECHANISM' | 'SAFETY' | 'EPIDEMIOLOGY' | 'RECOMMENDATION' | 'OTHER';

export type BenchArticle = {
  title: string;
  body: string;
  sections: Array<{ heading: string; start: number; end: number }>;
  claims: BenchClaim[];
};

export const ARTICLE_TITLE = 'Low-dose naltrexone for depression: a review of 2,000 claims';

type Slots = ReturnType<typeof slotsFrom>;

// A few are hedged (may, could, thought to, suggest, likely…), as the app's extractor would mark them, and some
// carry "<" and "&" so escaping shows.
const TEMPLATES: Array<{ kind: ClaimKind; hedged?: true; write: (s: Slots) => string }> = [
  {
    kind: 'EFFICACY',
    write: (s) =>
      `In a ${s.weeks}-week randomised trial of ${s.n} adults with ${s.condition}, ${s.dose} mg of LDN nightly lowered ${s.scale} scores by ${s.pct}% more than placebo (p < 0.05).`,
  },
  {
    kind: 'EFFICACY',
    write: (s) =>
      `Response rates reached ${s.pct}% after ${s.weeks} weeks when LDN was added to ${s.drug} in ${s.condition}.`,
  },
  {
    kind: 'EFFICACY',
    hedged: true,
    write: (s) =>
      `LDN may improve ${s.outcome} in people with ${s.condition}, although the ${s.n}-patient study was not blinded.`,
  },
  {
    kind: 'EFFICACY',
    hedged: true,
    write: (s) =>
      `Early data suggest that ${s.dose} mg of LDN could shorten the time to remission by ${s.days} days.`,
  },
  {
    kind: 'MECHANISM',
    write: (s) =>
      `Naltrexone at low doses blocks opioid receptors for about ${s.hours} hours, after which endorphin signalling rebounds.`,
  },
  {
    kind: 'MECHANISM',
    write: (s) =>
      `At ${s.dose} mg, naltrexone also binds toll-like receptor 4 on microglia & dampens their release of ${s.cytokine}.`,
  },
  {
    kind: 'MECHANISM',
    hedged: true,
    write: (s) => `The rebound in endorphins is thought to restore mood regulation over ${s.weeks} weeks.`,
  },
  {
    kind: 'SAFETY',
    write: (s) => `Vivid dreams were reported by ${s.pct}% of participants taking ${s.dose} mg at bedtime.`,
  },
  {
    kind: 'SAFETY',
    write: (s) =>
      `No serious adverse events occurred among the ${s.n} patients followed for ${s.weeks} weeks.`,
  },
  {
    kind: 'SAFETY',
    hedged: true,
    write: (s) =>
      `Headaches in the first ${s.days} days are likely to fade once the dose of ${s.dose} mg is stable.`,
  },
  {
    kind: 'EPIDEMIOLOGY',
    write: (s) =>
      `About ${s.pct}% of adults in ${s.region} report a major depressive episode in any given year.`,
  },
  {
    kind: 'EPIDEMIOLOGY',
    write: (s) =>
      `Roughly ${s.k} in ${s.k + 7} patients with ${s.condition} do not respond to two courses of antidepressants.`,
  },
  {
    kind: 'EPIDEMIOLOGY',
    write: (s) => `Prescriptions of LDN in ${s.region} rose ${s.k}-fold between ${s.year} and ${s.year + 6}.`,
  },
  {
    kind: 'RECOMMENDATION',
    write: (s) => `Clinicians should review ${s.outcome} every ${s.weeks} weeks after a patient starts LDN.`,
  },
  {
    kind: 'RECOMMENDATION',
    write: (s) =>
      `Patients should start at ${s.dose} mg and raise the dose only after ${s.days} days without side effects.`,
  },
  {
    kind: 'RECOMMENDATION',
    hedged: true,
    write: (s) => `Prescribers could consider LDN for ${s.condition} when ${s.drug} has failed.`,
  },
  {
    kind: 'OTHER',
    write: (s) => `The ${s.study} study was funded by ${s.funder} & published in ${s.year}.`,
  },
  {
    kind: 'OTHER',
    write: (s) => `Results of the ${s.study} trial, with ${s.n} participants, are expected in ${s.year + 8}.`,
  },
];

const TOPICS = [
  'Major depression',
  'Treatment-resistant depression',
  'Fibromyalgia and mood',
  'Long COVID fatigue',
  'Older adults',
  'Adolescents',
  'Dosing',
  'Side effects',
];
const ASPECTS = ['what the trials show', 'how it works', 'safety', 'who it helps', 'open questions'];

const pick = <T>(random: () => number, list: readonly T[]) => list[Math.floor(random() * list.length)] as T;

function slotsFrom(random: () => number) {
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  return {
    weeks: int(4, 24),
    n: int(12, 480),
    days: int(3, 30),
    hours: int(2, 6),
    pct: int(3, 71),
    k: int(1, 9),
    year: int(2008, 2016),
    dose: pick(random, ['1.5', '3', '4.5', '0.5', '2.25']),
    condition: pick(random, [
      'major depression',
      'treatment-resistant depression',
      'bipolar depression',
      'fibromyalgia',
      'long COVID',
    ]),
    scale: pick(random, ['HAM-D', 'MADRS', 'PHQ-9', 'BDI-II']),
    drug: pick(random, ['an SSRI', 'sertraline', 'bupropion', 'venlafaxine', 'aripiprazole']),
    outcome: pick(random, ['sleep quality', 'energy', 'anhedonia', 'pain scores', 'concentration']),
    cytokine: pick(random, ['interleukin-6', 'TNF-alpha', 'interleukin-1 beta']),
    region: pick(random, ['Europe', 'North America', 'Australia', 'East Asia', 'the United Kingdom']),
    study: pick(random, ['LDN-DEP', 'NALTREX-2', 'MOOD-LDN', 'OPIOID-MOD', 'LoDoNa']),
    funder: pick(random, ['a national research council', 'a patient charity', 'a university hospital']),
  };
}

/** A reproducible article: `sections` headed sections, `sentences` claims in paragraphs of 3 to 6 sentences. */
export function buildArticle(options: { sections: number; sentences: number; seed?: number }): BenchArticle {
  let state = options.seed ?? 20_261_129;
  // mulberry32: small, fast, and the same article on every run.
  const random = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  let body = `${ARTICLE_TITLE}\n\n`;
  const sections: BenchArticle['sections'] = [];
  const drafts: Array<Omit<BenchClaim, 'prefix' | 'suffix'>> = [];
  for (let s = 0; s < options.sections; s++) {
    const heading = `${s + 1}. ${TOPICS[s % TOPICS.length]}: ${ASPECTS[Math.floor(s / TOPICS.length) % ASPECTS.length]}`;
    sections.push({ heading, start: body.length, end: body.length + heading.length });
    body += `${heading}\n\n`;
    // Spread the sentences evenly, the remainder going to the first sections.
    const count =
      Math.floor(options.sentences / options.sections) + (s < options.sentences % options.sections ? 1 : 0);
    let inParagraph = 0;
    let paragraphLength = 3 + Math.floor(random() * 4);
    for (let i = 0; i < count; i++) {
      const template = pick(random, TEMPLATES);
      const quote = template.write(slotsFrom(random));
      if (inParagraph > 0) body += ' ';
      drafts.push({
        quote,
        start: body.length,
        end: body.length + quote.length,
        sectionIndex: s,
        kind: template.kind,
        hedged: template.hedged === true,
      });
      body += quote;
      inParagraph++;
      if (inParagraph === paragraphLength || i === count - 1) {
        body += '\n\n';
        inParagraph = 0;
        paragraphLength = 3 + Math.floor(random() * 4);
      }
    }
  }
  body = body.trimEnd();
  // The TextQuote selector's context: 32 characters either side.
  const claims = drafts.map((d) => ({
    ...d,
    prefix: body.slice(Math.max(0, d.start - 32), d.start),
    suffix: body.slice(d.end, d.end + 32),
  }));
  return { title: ARTICLE_TITLE, body, sections, claims };
}
