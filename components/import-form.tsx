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
import { Button } from './ui/button';
import { ERROR, Field, Input, LABEL, Select, Textarea } from './ui/field';
import { useAction } from './use-action';

type Fields = { title: string; author: string; publishedOn: string; sourceUrl: string };

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
      <div className="min-w-0 space-y-4">
        <Field label="Upload a file" error={fileError}>
          {(control) => (
            <input
              {...control}
              type="file"
              accept=".txt,.md,.markdown,.html,.htm,.csv,text/plain,text/markdown,text/html,text/csv"
              onChange={(e) => void chooseFile(e.target.files?.[0])}
              className="block w-full text-sm file:mr-3 file:rounded file:border file:border-slate-400 file:bg-white file:px-3 file:py-1.5 file:font-medium hover:file:bg-slate-100 pointer-coarse:file:min-h-11"
            />
          )}
        </Field>
        <div>
          <div className="flex flex-wrap items-end justify-between gap-x-3 gap-y-2">
            <label htmlFor={`${id}-text`} className={LABEL}>
              Or paste the text
            </label>
            <div className="flex items-center gap-2 text-sm">
              <label htmlFor={`${id}-format`} className="text-slate-700">
                Format
              </label>
              <Select
                id={`${id}-format`}
                value={format}
                onChange={(e) => setFormat(e.target.value as ImportFormat)}
                className="w-auto"
              >
                {IMPORT_FORMATS.map((f) => (
                  <option key={f} value={f}>
                    {IMPORT_FORMAT_LABEL[f]}
                  </option>
                ))}
              </Select>
            </div>
          </div>
          <Textarea
            id={`${id}-text`}
            value={text}
            onChange={(e) => setText(e.target.value)}
            rows={14}
            aria-invalid={Boolean(errors.text)}
            aria-describedby={errors.text ? `${id}-text-error` : undefined}
            className="mt-1 font-mono"
          />
          {errors.text && (
            <p id={`${id}-text-error`} className={`mt-1 ${ERROR}`}>
              {errors.text}
            </p>
          )}
        </div>
        <div className="grid gap-3 sm:grid-cols-2">
          <Field label="Title" error={errors.title} className="sm:col-span-2">
            {(control) => (
              <Input
                {...control}
                value={fields.title}
                onChange={set('title')}
                placeholder={extraction?.title ?? ''}
              />
            )}
          </Field>
          <Field label="Author" error={errors.author}>
            {(control) => <Input {...control} value={fields.author} onChange={set('author')} />}
          </Field>
          <Field label="Published (YYYY-MM-DD)" error={errors.publishedOn}>
            {(control) => (
              <Input
                {...control}
                value={fields.publishedOn}
                onChange={set('publishedOn')}
                inputMode="numeric"
              />
            )}
          </Field>
          <Field label="Source URL" error={errors.sourceUrl} className="sm:col-span-2">
            {(control) => (
              <Input {...control} value={fields.sourceUrl} onChange={set('sourceUrl')} type="url" />
            )}
          </Field>
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <Button
            type="submit"
            variant="primary"
            disabled={saving.pending || !extraction || extraction.claims.length === 0}
          >
            {saving.pending ? 'Saving…' : 'Save document'}
          </Button>
          <ActionMessage result={saving.result} className="text-sm" />
        </div>
      </div>
      <ImportPreview preview={preview} />
    </form>
  );
}
