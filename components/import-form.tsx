'use client';

import { useRouter } from 'next/navigation';
import { useDeferredValue, useId, useMemo, useState } from 'react';
import {
  extractImport,
  IMPORT_FORMAT_LABEL,
  IMPORT_FORMATS,
  type ImportFormat,
  readUpload,
} from '@/lib/documents/import-input';
import type { ActionResult } from '@/lib/errors';
import { ActionMessage } from './action-message';
import { ImportPreview } from './import-preview';
import { useAction } from './use-action';

type Fields = { title: string; author: string; publishedOn: string; sourceUrl: string };

const field = 'mt-1 w-full rounded border border-slate-300 bg-white px-2 py-1 text-sm';

export function ImportForm(props: {
  action: (input: unknown) => Promise<ActionResult<{ id: string; claims: number }>>;
}) {
  const id = useId();
  const router = useRouter();
  const [text, setText] = useState('');
  const [format, setFormat] = useState<ImportFormat>('TEXT');
  const [fields, setFields] = useState<Fields>({ title: '', author: '', publishedOn: '', sourceUrl: '' });
  const [fileError, setFileError] = useState<string | null>(null);
  const saving = useAction<{ id: string; claims: number }>();

  // The preview runs the same pure extractor the server runs, on a deferred copy so typing stays responsive.
  const deferredText = useDeferredValue(text);
  const preview = useMemo(
    () => (deferredText.trim() ? extractImport({ text: deferredText, format }) : null),
    [deferredText, format],
  );
  const extraction = preview?.ok ? preview.extraction : null;

  async function chooseFile(file: File | undefined) {
    setFileError(null);
    if (!file) return;
    const read = readUpload({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
    if (!read.ok) {
      setFileError(read.error);
      return;
    }
    setText(read.text);
    setFormat(read.format);
    const found = extractImport({ text: read.text, format: read.format });
    if (found.ok) {
      // Prefill what the file shows, without overwriting anything the reviewer already typed.
      setFields((f) => ({
        title: f.title || found.extraction.title || file.name.replace(/\.[^.]+$/, ''),
        author: f.author || found.extraction.author || '',
        publishedOn: f.publishedOn || found.extraction.publishedAt || '',
        sourceUrl: f.sourceUrl,
      }));
    }
  }

  function save(event: React.FormEvent) {
    event.preventDefault();
    const title = fields.title || extraction?.title || '';
    saving.run(() => props.action({ ...fields, title, text, format }), {
      onSuccess: (saved) => router.push(`/documents/${saved.id}`),
    });
  }

  const errors = saving.fieldErrors;
  const set = (key: keyof Fields) => (e: React.ChangeEvent<HTMLInputElement>) =>
    setFields((f) => ({ ...f, [key]: e.target.value }));

  return (
    <form onSubmit={save} className="mt-4 grid gap-6 lg:grid-cols-2">
      <div className="space-y-4">
        <div>
          <label htmlFor={`${id}-file`} className="block text-sm font-medium">
            Upload a file
          </label>
          <input
            id={`${id}-file`}
            type="file"
            accept=".txt,.md,.markdown,.html,.htm,.csv,text/plain,text/markdown,text/html,text/csv"
            onChange={(e) => void chooseFile(e.target.files?.[0])}
            aria-describedby={`${id}-file-error`}
            className="mt-1 block text-sm file:mr-3 file:rounded file:border file:border-slate-300 file:bg-white file:px-3 file:py-1"
          />
          <p id={`${id}-file-error`} aria-live="polite" className="mt-1 text-sm text-rose-800">
            {fileError}
          </p>
        </div>
        <div>
          <div className="flex items-end justify-between gap-3">
            <label htmlFor={`${id}-text`} className="block text-sm font-medium">
              Or paste the text
            </label>
            <label className="text-sm">
              <span className="mr-2 text-slate-700">Format</span>
              <select
                value={format}
                onChange={(e) => setFormat(e.target.value as ImportFormat)}
                className="rounded border border-slate-300 bg-white px-2 py-1 text-sm"
              >
                {IMPORT_FORMATS.map((f) => (
                  <option key={f} value={f}>
                    {IMPORT_FORMAT_LABEL[f]}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <textarea
            id={`${id}-text`}
            value={text}
            onChange={(e) => setText(e.target.value)}
            rows={14}
            aria-invalid={Boolean(errors.text)}
            className={`${field} font-mono`}
          />
          {errors.text && <p className="mt-1 text-sm text-rose-800">{errors.text}</p>}
        </div>
        <div className="grid gap-3 sm:grid-cols-2">
          <div className="sm:col-span-2">
            <label htmlFor={`${id}-title`} className="block text-sm font-medium">
              Title
            </label>
            <input
              id={`${id}-title`}
              value={fields.title}
              onChange={set('title')}
              placeholder={extraction?.title ?? ''}
              className={field}
            />
          </div>
          <div>
            <label htmlFor={`${id}-author`} className="block text-sm font-medium">
              Author
            </label>
            <input id={`${id}-author`} value={fields.author} onChange={set('author')} className={field} />
          </div>
          <div>
            <label htmlFor={`${id}-date`} className="block text-sm font-medium">
              Published (YYYY-MM-DD)
            </label>
            <input
              id={`${id}-date`}
              value={fields.publishedOn}
              onChange={set('publishedOn')}
              inputMode="numeric"
              aria-invalid={Boolean(errors.publishedOn)}
              className={field}
            />
            {errors.publishedOn && <p className="mt-1 text-sm text-rose-800">{errors.publishedOn}</p>}
          </div>
          <div className="sm:col-span-2">
            <label htmlFor={`${id}-url`} className="block text-sm font-medium">
              Source URL
            </label>
            <input
              id={`${id}-url`}
              value={fields.sourceUrl}
              onChange={set('sourceUrl')}
              type="url"
              aria-invalid={Boolean(errors.sourceUrl)}
              className={field}
            />
            {errors.sourceUrl && <p className="mt-1 text-sm text-rose-800">{errors.sourceUrl}</p>}
          </div>
        </div>
        <div className="flex items-center gap-3">
          <button
            type="submit"
            disabled={saving.pending || !extraction || extraction.claims.length === 0}
            className="rounded bg-sky-800 px-4 py-1.5 text-sm font-medium text-white hover:bg-sky-700 disabled:opacity-60"
          >
            {saving.pending ? 'Saving…' : 'Save document'}
          </button>
          <ActionMessage result={saving.result} className="text-sm" />
        </div>
      </div>
      <ImportPreview preview={preview} />
    </form>
  );
}
