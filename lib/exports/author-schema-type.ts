// An article's byline is free text, so whether it names a person or an organisation has to be guessed. The
// guess only picks the schema.org type of itemReviewed.author; the name is passed through unchanged.
const ORGANISATION_WORDS =
  /\b(inc|ltd|llc|gmbh|plc|co|corp|company|group|team|staff|editors?|editorial|board|newsroom|news|press|media|journal|magazine|foundation|institute|university|college|hospital|clinic|centre|center|association|society|council|agency|department|ministry|organi[sz]ation|network|alliance|trust|pharmacy|pharmaceuticals?|health|services?|labs?)\b/i;

/** 'Organization' when the byline reads like one ("Mayo Clinic Staff", "WHO Europe Team"), else 'Person'. */
export function authorSchemaType(byline: string): 'Person' | 'Organization' {
  return ORGANISATION_WORDS.test(byline) ? 'Organization' : 'Person';
}
