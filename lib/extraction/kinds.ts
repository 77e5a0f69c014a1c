import type { ClaimKind } from './types';

// What a claim's wording says about it: its kind, from rules a reviewer can read, and the words that hedge it.

type KindRule = { kind: ClaimKind; when: string; pattern: RegExp };

/**
 * How a claim's kind is chosen, in the open so that a reviewer can check it: the rules are tried in order against
 * the claim's text, the first match wins, and a claim no rule matches is OTHER. Patterns ignore case and match
 * word stems ("improv" catches "improve", "improvement"). The kind is a suggestion that a reviewer confirms.
 *
 * The order settles mixed sentences. An instruction to the reader is a recommendation even when it mentions a
 * risk; a cut in a risk ("cut the risk of heart attacks by 20%") is a benefit, not a harm; otherwise harm
 * outranks benefit, because a safety claim needs checking first; a measured change in an outcome is efficacy
 * even inside a trial's description; the history of a drug (approved in 1984, off-label) and how a study was
 * run (randomised, enrolled, intention to treat) are neither; a claim about clinical benefit is efficacy even
 * when it names the mechanism behind it ("blocking kappa receptors may be beneficial for depression
 * treatment"); mechanism comes before epidemiology, whose words ("linked to", "common") are the vaguest.
 */
export const KIND_RULES: readonly KindRule[] = [
  {
    kind: 'RECOMMENDATION',
    when: 'it opens with an instruction: always, never, avoid, consult, ask, talk to, do not, make sure, seek',
    pattern:
      /^(?:always|never|avoid|consult|ask|talk to|speak to|tell your|do not|don['’]t|make sure|be sure|seek|check with|stop taking)\b/i,
  },
  {
    kind: 'EFFICACY',
    when: 'it reports a cut in a risk or in events: "cut the risk of", "a 20% reduction in", "lowered the risk"',
    pattern:
      /\b(?:cut|cuts|reduc\w*|lower(?:s|ed|ing)?|decreas\w*|halv\w*)\s+(?:the\s+|their\s+|your\s+|a\s+)?(?:\w+\s+)?risks?\s+of\b|\b(?:\d+(?:\.\d+)?\s?%|a (?:third|quarter|fifth|half))\s+(?:cut|reduction|fall|drop|decrease|lower risk)\s+in\b/i,
  },
  {
    kind: 'SAFETY',
    when: 'it speaks of side effects, adverse events, contraindications, risk, toxicity, safety, harm, overdose, causing withdrawal or common adverse effects (vivid dreams, headache, nausea, trouble sleeping)',
    pattern:
      /side[- ]?effects?|adverse|contraindicat|\brisks?\b|toxic|\b(?:un)?safe(?:ty|ly)?\b|overdos|\bharm(?:s|ful)?\b|dangerous|interactions?\b|(?:does|do|did)(?:n['’]t| not) cause|\bnot cause|\b(?:cause[sd]?|bring(?:s)? on|trigger\w*|precipitat\w*)\s+(?:\w+\s+)?withdrawal|\bwithdrawal symptoms\b|\b(?:vivid|bad|strange) dreams\b|\bnightmares?\b|\bheadaches?\b|\bnausea\b|\bdizz\w*|\binsomnia\b|\btrouble sleeping\b|\bsleep (?:problems|disturbances?)\b|\bliver (?:enzymes|damage|function)\b|\b(?:stopped|withdrew|discontinued) (?:\w+ )?because\b/i,
  },
  {
    kind: 'EFFICACY',
    when: 'it measures a change in an outcome: fell by, reduced by, improved by, compared with placebo',
    pattern:
      /\b(?:fell|fall|falls|dropped|declined|decreased|reduced|cut|lowered|improved|rose|increased)\b[^.;]{0,60}?\bby\s+(?:about\s+|around\s+|nearly\s+|almost\s+)?(?:\d|a (?:third|quarter|fifth|half))|\bcompared with (?:\d|placebo)|\b(?:vs\.?|versus|than(?: with)?) placebo\b/i,
  },
  {
    kind: 'OTHER',
    when: "it tells a drug's history or status: approved in, licensed, on the market, used since 1984, off-label",
    pattern:
      /\b(?:was|were|been|first|is|are)\s+(?:first\s+)?(?:approved|licen[cs]ed|marketed|introduced|synthesi[sz]ed)\b|\b(?:approved|licen[cs]ed) (?:in|since) (?:19|20)\d{2}|\bon the market\b|\bused since (?:19|20)\d{2}|\boff-label\b/i,
  },
  {
    kind: 'OTHER',
    when: 'it tells how a study was run: randomised, enrolled, recruiting, intention to treat, primary outcome, crossover, "we tested"',
    pattern:
      /\brandomi[sz]ed\b|\brandomly assigned\b|\benrol\w*|\brecruit\w*|\bintention to treat\b|\bprimary (?:outcome|end ?point)\b|\bcrossover\b|\bwe (?:tested|aimed|assessed|examined|investigated|studied)\b|\b(?:trial|study) (?:was\s+)?(?:small and )?(?:lasted|ran|will run)\b/i,
  },
  {
    kind: 'RECOMMENDATION',
    when: 'it advises: should, must, recommend, advise, consult, guideline, talk to your doctor',
    pattern:
      /\b(?:should|must|recommend\w*|advis\w*|consult\w*|guidelines?)\b|\b(?:talk|speak) (?:to|with) (?:your|a) (?:doctor|GP|pharmacist|physician)\b/i,
  },
  {
    kind: 'EFFICACY',
    when: 'it claims a clinical benefit: treat, therapy, improve, better, effective, benefit, respond, results, relieve, promise, reduce symptoms',
    pattern:
      /\btreat\w*|\btherap(?:y|ies|eutic)\b|improv\w*|\beffective\w*|\befficacy\b|benefi\w*|\brespon(?:d|ds|ded|se|ses)\b(?! by)|\bresults\b|\bremission\b|\brelie(?:f|ve|ves|ved)\b|\bantidepressant|\bpromis(?:e|ing)\b|\bbetter\b|\bhelps? (?:to )?(?:reduce|improve|relieve|prevent|manage)\b|\b(?:reduc\w*|less|lower|fewer) (?:the )?(?:\w+ )?(?:symptoms?|fatigue|pain|depressi\w*|anxiety|relapse)\b/i,
  },
  {
    kind: 'MECHANISM',
    when: 'it explains how: receptor, release, mechanism, activate, inhibit, block, neurotransmitter, pathway, hormone, inflammation',
    pattern:
      /receptor|\breleas\w*|mechanism|activat\w*|inhibit\w*|\bblock\w*|neurotransmitter|pathway|agonist|antagonist|\bbind\w*|enzyme|hormone|endorphin|enkephalin|dopamine|serotonin|\bGABA\b|\bBDNF\b|peptide|modulat\w*|stimulat\w*|inflammat\w*|immune|cytokine|microglia|\bneuro\w*|\bbrain\b/i,
  },
  {
    kind: 'EPIDEMIOLOGY',
    when: 'it counts people: prevalence, incidence, "% of", people with, common, rate of, linked to, associated with',
    pattern:
      /prevalen\w*|incidence|% of\b|\bper ?cent of\b|\bpeople with\b|\bpatients with\b|\bcommon(?:ly)?\b|\brates? of\b|\bassociated with\b|\blinked (?:to|with)\b|\bpopulation\b|\bmillion\b|\b(?:one|1) in \d+|\bworldwide\b/i,
  },
];

/** The kind of the first rule in KIND_RULES that matches, else OTHER. */
export function classifyKind(text: string): ClaimKind {
  return KIND_RULES.find((rule) => rule.pattern.test(text))?.kind ?? 'OTHER';
}

// Most claims have no hedge, and the hedges that occur come from a short list. Unhedged claims share one frozen
// empty list, and each hedge is kept once and shared: for a 10 MB article that spares the garbage collector
// hundreds of thousands of objects.
const NO_HEDGES: readonly string[] = Object.freeze([]);
const SEEN = new Map<string, string>();

/** The hedging words in text, lower-cased and without repeats, in order of first appearance. */
export function detectHedges(text: string): readonly string[] {
  // exec on the shared global pattern, not matchAll, which copies the pattern on every call.
  HEDGE_WORDS.lastIndex = 0;
  let match = HEDGE_WORDS.exec(text);
  if (!match) return NO_HEDGES;
  const hedges: string[] = [];
  for (; match; match = HEDGE_WORDS.exec(text)) {
    const hedge = shared(match[0].toLowerCase());
    if (!hedges.includes(hedge)) hedges.push(hedge);
  }
  return hedges;
}

// The pattern's alternatives are fixed words, so the map stays as small as the list of hedges.
function shared(hedge: string): string {
  const known = SEEN.get(hedge);
  if (known !== undefined) return known;
  SEEN.set(hedge, hedge);
  return hedge;
}

/**
 * Wording that hedges a claim: modal verbs (may, might, could), possibility (possibly, perhaps, potential),
 * reported belief (suggests, is thought to, is believed to, appears to, seems to, likely), theory
 * (theoretically), and research still under way (is being studied, under investigation, preliminary).
 * "May" followed by a number is the month.
 */
const HEDGE_WORDS =
  /\b(?:may(?!\s\d)|might|could|possibl[ey]|perhaps|potential(?:ly)?|suggest(?:s|ed|ing)?|theoretical(?:ly)?|(?:is|are|was|were) (?:being |currently being )?(?:studied|investigated|explored|tested)|under (?:study|investigation)|(?:is|are|was|were) (?:thought|believed|hypothesi[sz]ed|proposed) to|(?:it['’]s|it is) (?:thought|believed) that|thought to|believed to|appears? to|seems? to|(?:un)?likely|preliminary)\b/gi;
