/**
 * Wording that hedges a claim: modal verbs (may, might, could), possibility (possibly, perhaps, potential),
 * reported belief (suggests, is thought to, is believed to, appears to, seems to, likely), theory
 * (theoretically), and research still under way (is being studied, under investigation, preliminary).
 * "May" followed by a number is the month.
 */
export const HEDGE_WORDS =
  /\b(?:may(?!\s\d)|might|could|possibl[ey]|perhaps|potential(?:ly)?|suggest(?:s|ed|ing)?|theoretical(?:ly)?|(?:is|are|was|were) (?:being |currently being )?(?:studied|investigated|explored|tested)|under (?:study|investigation)|(?:is|are|was|were) (?:thought|believed|hypothesi[sz]ed|proposed) to|(?:it['’]s|it is) (?:thought|believed) that|thought to|believed to|appears? to|seems? to|(?:un)?likely|preliminary)\b/gi;
