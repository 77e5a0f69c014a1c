'use client';

import { memo, useId, useRef, useState } from 'react';
import {
  CITATION_NOTE_MAX_LENGTH,
  CITATION_RELATION_LABEL,
  CITATION_RELATIONS,
  type CitationRelation,
  EVIDENCE_LEVEL_SHORT,
  type EvidenceLevel,
} from '@/lib/domain/vocabulary';
import type { ActionResult } from '@/lib/errors';
import type { ClaimReference } from '@/lib/extraction/study-citations';
import type { ClaimPanel, PanelCitation } from '@/lib/workspace/claim-panel-types';
import { ActionMessage } from '../action-message';
import { Badge } from '../ui/badge';
import { Button } from '../ui/button';
import { ERROR, Input, LABEL, Select, Textarea } from '../ui/field';
import { useAction } from '../use-action';

const EMPTY = { identifier: '', relation: 'SUPPORTS' as CitationRelation, title: '', note: '' };

/** The claim's sources, and a form to cite one by PMID, DOI or web address. */
export const CitationSection = memo(function CitationSection(props: {
  documentId: string;
  claimId: string;
  citations: ClaimPanel['citations'];
  /** The entries of the document's reference list that the claim points to. */
  references: ClaimPanel['claim']['references'];
  mayCite: boolean;
  add: (input: unknown) => Promise<ActionResult<unknown>>;
  remove: (input: unknown) => Promise<ActionResult<unknown>>;
  onChanged: () => void;
  /** Puts a suggested evidence level into my assessment's form, unsaved; absent when I may not assess. */
  onUseLevel?: (level: EvidenceLevel) => void;
}) {
  const id = useId();
  const [form, setForm] = useState(EMPTY);
  const identifierRef = useRef<HTMLInputElement>(null);
  const citing = useAction();
  const errors = citing.fieldErrors;

  function add(event: React.FormEvent) {
    event.preventDefault();
    const input = {
      documentId: props.documentId,
      claimId: props.claimId,
      identifier: form.identifier,
      relation: form.relation,
      title: form.title || null,
      note: form.note || null,
    };
    citing.run(() => props.add(input), {
      onSuccess: () => {
        setForm(EMPTY);
        props.onChanged();
      },
    });
  }

  // Into the form only: the reviewer picks the relation and saves it, or not.
  function citeReference(reference: ClaimReference) {
    setForm({
      ...form,
      identifier: reference.doi ?? reference.pmid ?? '',
      title: '',
      note: `Reference ${reference.label} of the document: ${reference.text}`.slice(
        0,
        CITATION_NOTE_MAX_LENGTH,
      ),
    });
    identifierRef.current?.focus();
  }

  function remove(citationId: string) {
    citing.run(() => props.remove({ documentId: props.documentId, citationId }), {
      onSuccess: props.onChanged,
    });
  }

  return (
    <section aria-labelledby={`${id}-t`} className="space-y-2 text-sm">
      <h3 id={`${id}-t`} className="font-semibold">
        Citations ({props.citations.length})
      </h3>
      {props.citations.length === 0 ? (
        <p className="text-slate-700">No sources cited yet.</p>
      ) : (
        <ul className="space-y-1">
          {props.citations.map((c) => (
            <li
              key={c.id}
              className="flex items-start justify-between gap-2 rounded border border-slate-200 bg-white p-2"
            >
              <div className="min-w-0">
                <p>
                  <Badge>{c.kind}</Badge>{' '}
                  <a
                    href={c.url}
                    target="_blank"
                    rel="noopener noreferrer"
                    className="break-all text-sky-800 underline"
                  >
                    {c.identifier}
                  </a>{' '}
                  <span className="text-xs text-slate-700">· {CITATION_RELATION_LABEL[c.relation]}</span>
                </p>
                {/* The identifier is what a reviewer checks and quotes (as in the summary); the title helps read it. */}
                {(c.title ?? c.source?.title) && (
                  <p className="text-slate-800">{c.title ?? c.source?.title}</p>
                )}
                <SourceDetails citation={c} onUseLevel={props.onUseLevel} />
                {c.note && <p className="mt-0.5 whitespace-pre-wrap text-slate-700">{c.note}</p>}
                <p className="text-xs text-slate-600">Added by {c.addedBy}</p>
              </div>
              {props.mayCite && (
                <Button
                  size="sm"
                  disabled={citing.pending}
                  onClick={() => remove(c.id)}
                  aria-label={`Remove citation ${c.identifier}`}
                  className="shrink-0"
                >
                  Remove
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {props.references.length > 0 && (
        <div className="space-y-1">
          <h4 className="text-xs font-semibold text-slate-700">Cited in the document</h4>
          <ul className="space-y-1">
            {props.references.map((reference) => (
              <li key={reference.label} className="rounded border border-slate-200 bg-slate-50 p-2">
                <p className="break-words text-slate-800">
                  <span className="font-medium tabular-nums">[{reference.label}]</span> {reference.text}
                </p>
                {props.mayCite && (reference.doi ?? reference.pmid) && (
                  <Button
                    size="sm"
                    variant="quiet"
                    onClick={() => citeReference(reference)}
                    aria-label={`Cite this reference: ${reference.doi ? 'DOI' : 'PMID'} ${reference.doi ?? reference.pmid}`}
                  >
                    Cite this reference
                  </Button>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
      {props.mayCite && (
        <form
          onSubmit={add}
          className="grid gap-2 rounded border border-slate-200 bg-slate-50 p-2 sm:grid-cols-[1fr_auto]"
        >
          <label className={LABEL}>
            PMID, DOI or web address
            <Input
              ref={identifierRef}
              value={form.identifier}
              onChange={(e) => setForm({ ...form, identifier: e.target.value })}
              placeholder="e.g. 31234567, 10.1000/xyz123 or https://…"
              aria-invalid={Boolean(errors.identifier)}
              className="mt-1"
            />
            {errors.identifier && <span className={`mt-0.5 block ${ERROR}`}>{errors.identifier}</span>}
          </label>
          <label className={LABEL}>
            Relation
            <Select
              value={form.relation}
              onChange={(e) => setForm({ ...form, relation: e.target.value as CitationRelation })}
              className="mt-1"
            >
              {CITATION_RELATIONS.map((r) => (
                <option key={r} value={r}>
                  {CITATION_RELATION_LABEL[r]}
                </option>
              ))}
            </Select>
          </label>
          <label className={LABEL}>
            Title (optional)
            <Input
              value={form.title}
              maxLength={500}
              onChange={(e) => setForm({ ...form, title: e.target.value })}
              className="mt-1"
            />
          </label>
          <label className={`${LABEL} sm:col-span-2`}>
            Note (optional)
            <Textarea
              value={form.note}
              maxLength={CITATION_NOTE_MAX_LENGTH}
              rows={2}
              onChange={(e) => setForm({ ...form, note: e.target.value })}
              className="mt-1"
            />
            {errors.note && <span className={`mt-0.5 block ${ERROR}`}>{errors.note}</span>}
          </label>
          <div className="flex items-center gap-3 sm:col-span-2">
            <Button type="submit" disabled={citing.pending}>
              {citing.pending ? 'Adding…' : 'Add citation'}
            </Button>
            <ActionMessage result={citing.result} shown={['identifier', 'note']} />
          </div>
        </form>
      )}
    </section>
  );
});

/**
 * What PubMed or Crossref says of the source (lib/citations): journal, year, first authors, and the evidence level
 * its design suggests, which the reviewer may put into their form. It is never saved for them.
 */
function SourceDetails(props: { citation: PanelCitation; onUseLevel?: (level: EvidenceLevel) => void }) {
  const { source, kind } = props.citation;
  if (!source) return null;
  const where = kind === 'PMID' ? 'PubMed' : 'Crossref';
  if (source.status === 'PENDING')
    return <p className="text-xs text-slate-600">Not looked up in {where} yet.</p>;
  if (source.status === 'UNREACHABLE')
    return <p className="text-xs text-slate-600">{where} could not be reached; it is asked again later.</p>;
  if (source.status === 'NOT_FOUND')
    return (
      <p className="text-xs text-slate-600">
        {where} has no record of this {kind}: check it.
      </p>
    );
  const published = [source.journal, source.year, source.authors].filter(Boolean).join(' · ');
  const { suggestion } = source;
  return (
    <>
      {published && <p className="text-xs text-slate-700">{published}</p>}
      {suggestion && (
        <p className="mt-0.5 flex flex-wrap items-center gap-2 text-xs text-slate-800">
          <span>
            Suggested: {EVIDENCE_LEVEL_SHORT[suggestion.level]} ({suggestion.label})
            {suggestion.basis === 'title' && <span className="text-slate-600"> from its title</span>}
          </span>
          {props.onUseLevel && (
            <Button size="sm" variant="quiet" onClick={() => props.onUseLevel?.(suggestion.level)}>
              Use in my assessment
            </Button>
          )}
        </p>
      )}
    </>
  );
}
