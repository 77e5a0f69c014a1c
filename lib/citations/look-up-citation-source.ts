import { readCrossrefWork, readPubmedSummary, type SourceAnswer } from './citation-source-answers';

/** Where PubMed's E-utilities and Crossref's REST API answer (PUBMED_BASE_URL, CROSSREF_BASE_URL in lib/env.ts). */
export type SourceUrls = { pubmed: string; crossref: string };

/** A look-up runs in the background, never in a reviewer's save, but one slow source must not hold the others. */
export const LOOKUP_TIMEOUT_MS = 5_000;

// Both ask to be told who calls; Crossref serves such callers from its "polite" pool.
const USER_AGENT = 'evidence-review-dashboard (citation metadata)';

/**
 * Asks PubMed (a PMID, ESummary) or Crossref (a DOI, /works) what a cited source is. Never throws: a source that
 * cannot be reached, times out or answers with an error is an UNREACHABLE answer, which the retry job tries again.
 */
export async function lookUpCitationSource(options: {
  kind: 'PMID' | 'DOI';
  identifier: string;
  urls: SourceUrls;
  timeoutMs?: number;
}): Promise<SourceAnswer> {
  const { kind, identifier, urls } = options;
  const name = kind === 'PMID' ? 'PubMed' : 'Crossref';
  const url =
    kind === 'PMID'
      ? `${trimSlash(urls.pubmed)}/esummary.fcgi?db=pubmed&retmode=json&tool=evidence-review&id=${encodeURIComponent(identifier)}`
      : // Crossref asks for DOIs url-encoded: they may hold ;, #, ? or &. Its slashes stay, as in its own examples.
        `${trimSlash(urls.crossref)}/works/${identifier.split('/').map(encodeURIComponent).join('/')}`;
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { Accept: 'application/json', 'User-Agent': USER_AGENT },
      signal: AbortSignal.timeout(options.timeoutMs ?? LOOKUP_TIMEOUT_MS),
    });
  } catch (e) {
    const cause = (e as { cause?: { code?: string } }).cause?.code;
    const reason =
      (e as Error).name === 'TimeoutError' ? 'no answer in time' : (cause ?? (e as Error).message);
    return { status: 'UNREACHABLE', error: `${name} could not be reached: ${reason}` };
  }
  // Crossref answers an unknown DOI with 404 and a plain-text "Resource not found."
  if (response.status === 404) {
    await response.body?.cancel();
    return { status: 'NOT_FOUND', error: `${name}: no record for this ${kind}` };
  }
  if (!response.ok) {
    await response.body?.cancel();
    return { status: 'UNREACHABLE', error: `${name} answered ${response.status}` };
  }
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    return { status: 'UNREACHABLE', error: `${name} answered with something other than JSON` };
  }
  return kind === 'PMID' ? readPubmedSummary(json, identifier) : readCrossrefWork(json);
}

function trimSlash(base: string) {
  return base.replace(/\/+$/, '');
}
