import type { ImportExtraction } from '@/lib/documents/import-input';
import { sectionName } from '@/lib/domain/sections';
import { CLAIM_KIND_LABEL } from '@/lib/domain/vocabulary';
import { PART_TITLE } from './ui/heading';

// A long article has thousands of claims; the first ones are enough to judge the cut.
const SHOWN = 300;

type Preview = { ok: true; extraction: ImportExtraction } | { ok: false; error: string } | null;

/** The claims an import will create, or for a PDF (`pdf`, its file name) a word on when they will be shown. */
export function ImportPreview({ preview, pdf }: { preview: Preview; pdf: string | null }) {
  return (
    <section
      aria-labelledby="preview-heading"
      className="min-w-0 rounded border border-slate-200 bg-white p-4"
    >
      <h2 id="preview-heading" className={PART_TITLE}>
        Preview
      </h2>
      <div aria-live="polite">
        {pdf ? (
          // pdfjs stays on the server: it is far too large to send to every reviewer's browser.
          <>
            <p className="mt-1 break-words text-sm font-semibold">{pdf}</p>
            <p className="mt-2 text-sm text-slate-700">
              The PDF's text is read on the server; its claims appear after import.
            </p>
          </>
        ) : (
          <>
            {!preview && <p className="mt-2 text-sm text-slate-600">The sections and claims appear here.</p>}
            {preview && !preview.ok && <p className="mt-2 text-sm text-rose-800">{preview.error}</p>}
            {preview?.ok && <PreviewList extraction={preview.extraction} />}
          </>
        )}
      </div>
    </section>
  );
}

function PreviewList({ extraction }: { extraction: ImportExtraction }) {
  const { sections, claims } = extraction;
  // Counted as the workspace's section list will offer them: only sections that hold claims.
  const sectionsWithClaims = new Set(claims.map((c) => c.sectionIndex).filter((i) => i !== null)).size;
  return (
    <>
      <p className="mt-1 text-sm text-slate-700">
        {extraction.title ? <strong>{extraction.title}</strong> : 'No title found'} · {sectionsWithClaims}{' '}
        sections · {claims.length} claims
      </p>
      {claims.length === 0 && (
        <p className="mt-2 text-sm text-rose-800">No claims were found in this text.</p>
      )}
      <ol className="mt-3 max-h-[36rem] space-y-1 overflow-y-auto text-sm">
        {claims.slice(0, SHOWN).map((claim, i) => {
          const startsSection = i === 0 || claim.sectionIndex !== claims[i - 1]?.sectionIndex;
          const section = claim.sectionIndex === null ? null : sections[claim.sectionIndex];
          return (
            <li key={`${claim.start}-${claim.end}`} className="list-none">
              {startsSection && (
                <p className="mt-3 mb-1 text-xs font-semibold uppercase tracking-wide text-slate-700">
                  {sectionName(section?.heading)}
                </p>
              )}
              <p className="rounded bg-slate-50 px-2 py-1">
                {/* The number the claim takes at import: claims are numbered in document order. */}
                <span className="mr-2 text-xs tabular-nums text-slate-600">#{i + 1}</span>
                {claim.text}
                <span className="ml-2 text-xs text-slate-600">
                  {CLAIM_KIND_LABEL[claim.kind]}
                  {claim.hedged ? ' · hedged' : ''}
                </span>
              </p>
            </li>
          );
        })}
      </ol>
      {claims.length > SHOWN && (
        <p className="mt-2 text-xs text-slate-600">…and {claims.length - SHOWN} more claims.</p>
      )}
    </>
  );
}
