'use client';

import { useState } from 'react';
import { importSizeError, isPdfFile } from '@/lib/documents/import-input';
import type { ActionResult } from '@/lib/errors';
import type { VersionCounts } from '@/lib/versions/import-new-version';
import { ActionMessage } from './action-message';
import { Button } from './ui/button';
import { Choice, Field, Input, Select, Textarea } from './ui/field';

const KINDS = [
  ['txt', 'Plain text'],
  ['md', 'Markdown'],
  ['html', 'HTML'],
] as const;

/**
 * A new version of a document's text, pasted or chosen as a file (a PDF too, read by the server), sent to POST /api/documents/{id}/versions as a
 * file either way, so one size limit holds for both (as the import form does). Re-anchoring a long document takes
 * a few seconds, said while it runs; what failed is said with the text kept.
 */
export function NewVersionForm({ documentId }: { documentId: string }) {
  const [source, setSource] = useState<'paste' | 'file'>('paste');
  const [text, setText] = useState('');
  const [kind, setKind] = useState<(typeof KINDS)[number][0]>('txt');
  const [file, setFile] = useState<File | null>(null);
  const [pending, setPending] = useState(false);
  const [result, setResult] = useState<ActionResult<VersionCounts> | null>(null);

  async function send(event: React.FormEvent) {
    event.preventDefault();
    const chosen = source === 'file' ? file : text.trim() ? new File([text], `new-version.${kind}`) : null;
    if (!chosen) {
      const message = source === 'file' ? 'Choose a file first.' : 'Paste the new version’s text first.';
      setResult({ ok: false, code: 'VALIDATION', message });
      return;
    }
    // Checked before sending, as the import page does, so a text over the limit is refused with nothing sent.
    const tooLarge = importSizeError(
      source === 'file'
        ? { bytes: chosen.size, name: chosen.name, pdf: isPdfFile(chosen.name) }
        : { bytes: chosen.size },
    );
    if (tooLarge) {
      setResult({ ok: false, code: 'VALIDATION', message: tooLarge });
      return;
    }
    const form = new FormData();
    form.set('file', chosen);
    setPending(true);
    setResult(null);
    try {
      const response = await fetch(`/api/documents/${encodeURIComponent(documentId)}/versions`, {
        method: 'POST',
        body: form,
      });
      const body = await response.json().catch(() => null);
      setResult(
        response.status === 201
          ? { ok: true, message: 'The new version is in.', data: body as VersionCounts }
          : {
              ok: false,
              code: body?.code,
              message: body?.message ?? `The server answered ${response.status}; nothing changed. Try again.`,
            },
      );
    } catch {
      setResult({ ok: false, message: 'The server could not be reached; nothing changed. Try again.' });
    } finally {
      setPending(false);
    }
  }

  if (result?.ok) return <VersionResult documentId={documentId} counts={result.data} />;
  return (
    <form onSubmit={send} className="mt-4 max-w-3xl space-y-4">
      <fieldset className="flex flex-wrap gap-4">
        <legend className="sr-only">Where the new version comes from</legend>
        <Choice
          type="radio"
          name="source"
          label="Paste its text"
          checked={source === 'paste'}
          onChange={() => setSource('paste')}
        />
        <Choice
          type="radio"
          name="source"
          label="Upload a file"
          checked={source === 'file'}
          onChange={() => setSource('file')}
        />
      </fieldset>
      {source === 'paste' ? (
        <>
          <Field
            label="The new version’s text"
            hint="The whole article as it reads now, not only what changed."
          >
            {(control) => (
              <Textarea {...control} rows={14} value={text} onChange={(e) => setText(e.target.value)} />
            )}
          </Field>
          <Field label="Written as">
            {(control) => (
              <Select
                {...control}
                value={kind}
                onChange={(e) => setKind(e.target.value as (typeof KINDS)[number][0])}
              >
                {KINDS.map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </Select>
            )}
          </Field>
        </>
      ) : (
        <Field label="File" hint="A .txt, .md or .html file of up to 2 MB, or a PDF of up to 20 MB.">
          {(control) => (
            <Input
              {...control}
              type="file"
              accept=".txt,.md,.markdown,.html,.htm,.pdf"
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
          )}
        </Field>
      )}
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" variant="primary" disabled={pending}>
          {pending ? 'Re-anchoring the claims…' : 'Import the new version'}
        </Button>
        <ActionMessage
          result={result}
          busy={pending && 'Finding each claim in the new text…'}
          className="text-sm"
        />
      </div>
    </form>
  );
}

function VersionResult({ documentId, counts }: { documentId: string; counts: VersionCounts }) {
  const rows: Array<[string, number, string]> = [
    ['Kept', counts.kept, 'same words, same place: their review carries over'],
    ['Moved', counts.moved, 'same words elsewhere: their review carries over'],
    ['Text changed', counts.changed, 'reworded: their review carries over, marked, and back to in review'],
    ['Orphaned', counts.orphaned, 'not found: kept apart with their review'],
    ['New', counts.added, 'new sentences: new, unreviewed claims'],
  ];
  return (
    <section
      aria-labelledby="version-result"
      className="mt-4 max-w-3xl rounded border border-slate-200 bg-white p-4"
    >
      <div role="status">
        <h2 id="version-result" className="text-base font-semibold">
          Version {counts.version} is in.
        </h2>
      </div>
      <dl className="mt-2 grid grid-cols-[auto_auto_1fr] gap-x-3 gap-y-1 text-sm">
        {rows.map(([label, count, meaning]) => (
          <div key={label} className="contents">
            <dt className="font-medium">{label}</dt>
            <dd className="text-right tabular-nums">{count}</dd>
            <dd className="text-slate-700">{meaning}</dd>
          </div>
        ))}
      </dl>
      <a
        href={`/documents/${documentId}`}
        className="mt-3 inline-block text-sky-800 underline underline-offset-2"
      >
        Open the document
      </a>
      <a
        href={`/documents/${documentId}/versions/${counts.version - 1}`}
        className="mt-3 ml-4 inline-block text-sky-800 underline underline-offset-2"
      >
        Read version {counts.version - 1} as it was
      </a>
    </section>
  );
}
