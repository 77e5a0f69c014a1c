'use client';

import { useRouter } from 'next/navigation';
import { useDeferredValue, useId, useMemo, useReducer } from 'react';
import {
  extractImport,
  IMPORT_FORMAT_LABEL,
  IMPORT_FORMATS,
  type ImportFormat,
  importSizeError,
  isPdfFile,
  pastedFileName,
  pasteSizeError,
  readPdfUpload,
  readUpload,
} from '@/lib/documents/import-input';
import type { ActionResult } from '@/lib/errors';
import { ActionMessage } from './action-message';
import { ImportPreview } from './import-preview';
import { Button } from './ui/button';
import { ERROR, Field, Input, LABEL, Select, Textarea } from './ui/field';
import { UNANSWERED, useAction } from './use-action';

type Fields = { title: string; author: string; publishedOn: string; sourceUrl: string };

/** Where the article comes from: the textarea, a text file read here (and shown in the textarea), or a PDF. */
type Source =
  | { kind: 'paste' }
  | { kind: 'file'; file: File; text: string; format: ImportFormat }
  | { kind: 'pdf'; file: File };

type State = {
  text: string;
  format: ImportFormat;
  /** What the reviewer typed in each field; a field left alone shows what the article says, and is sent so. */
  typed: Partial<Fields>;
  source: Source;
  fileError: string | null;
  /** Changed to empty the file input, when the reviewer leaves a chosen PDF for the textarea. */
  fileInputKey: number;
  /** The project the document goes into. */
  projectId: string;
};

type Action =
  | { type: 'text'; text: string }
  | { type: 'format'; format: ImportFormat }
  | { type: 'field'; key: keyof Fields; value: string }
  | { type: 'textFile'; file: File; text: string; format: ImportFormat }
  | { type: 'pdf'; file: File }
  | { type: 'fileRefused'; error: string }
  | { type: 'noFile' }
  | { type: 'project'; projectId: string };

function initialState(projectId: string): State {
  return {
    text: '',
    format: 'TEXT',
    typed: {},
    source: { kind: 'paste' },
    fileError: null,
    fileInputKey: 0,
    projectId,
  };
}

function reduce(state: State, action: Action): State {
  switch (action.type) {
    case 'text':
      // Typing after choosing a PDF turns to the text: the PDF is no longer what Save sends.
      return state.source.kind === 'pdf'
        ? { ...state, text: action.text, source: { kind: 'paste' }, fileInputKey: state.fileInputKey + 1 }
        : { ...state, text: action.text };
    case 'format':
      return { ...state, format: action.format };
    case 'field':
      return { ...state, typed: { ...state.typed, [action.key]: action.value } };
    case 'textFile':
      return {
        ...state,
        text: action.text,
        format: action.format,
        source: { kind: 'file', file: action.file, text: action.text, format: action.format },
        fileError: null,
      };
    case 'pdf':
      return { ...state, text: '', source: { kind: 'pdf', file: action.file }, fileError: null };
    case 'fileRefused':
      return { ...state, source: { kind: 'paste' }, fileError: action.error };
    case 'noFile':
      return { ...state, source: { kind: 'paste' }, fileError: null };
    case 'project':
      return { ...state, projectId: action.projectId };
  }
}

/** What Save sends: the chosen file as it is, unless its text was edited here; a paste as a file of its own. */
function fileToSend(state: State): { file: File; sizeError: string | null } {
  const { source, text, format } = state;
  if (source.kind === 'pdf') {
    const { file } = source;
    return { file, sizeError: importSizeError({ bytes: file.size, name: file.name, pdf: true }) };
  }
  if (source.kind === 'file' && source.text === text && source.format === format) {
    return {
      file: source.file,
      sizeError: importSizeError({ bytes: source.file.size, name: source.file.name }),
    };
  }
  const type = { TEXT: 'text/plain', MARKDOWN: 'text/markdown', HTML: 'text/html', CSV: 'text/csv' }[format];
  return { file: new File([text], pastedFileName(format), { type }), sizeError: pasteSizeError(text) };
}

/** Where the import leads: the document when it is saved already, or its progress page while it runs. */
async function postImport(projectId: string, body: FormData): Promise<ActionResult<string>> {
  const response = await fetch(`/api/projects/${projectId}/documents`, { method: 'POST', body });
  const answer = await response.json().catch(() => null);
  if (response.status === 201 && typeof answer?.id === 'string')
    return { ok: true, message: `Imported with ${answer.claims} claims.`, data: `/documents/${answer.id}` };
  if (response.status === 202 && typeof answer?.jobId === 'string')
    return { ok: true, message: 'The import has started.', data: `/imports/${answer.jobId}` };
  if (answer?.ok === false && typeof answer.message === 'string') return answer;
  return UNANSWERED;
}

/** `projects`: those the user may import into (at least one); `initialProjectId`: the one chosen at first. */
export function ImportForm({
  projects,
  initialProjectId,
}: {
  projects: Array<{ id: string; name: string }>;
  initialProjectId: string;
}) {
  const id = useId();
  const router = useRouter();
  const [state, dispatch] = useReducer(reduce, initialProjectId, initialState);
  const { text, format, typed, source } = state;
  const saving = useAction<string>();
  const pdf = source.kind === 'pdf' ? source.file : null;

  // The preview runs the same pure extractor the server runs, on a deferred copy so typing stays responsive. A
  // text over the limit is not extracted: it will not be sent, and extracting it would hold the page for seconds.
  const deferredText = useDeferredValue(text);
  const sizeError = useMemo(() => pasteSizeError(deferredText), [deferredText]);
  const preview = useMemo(() => {
    if (sizeError) return { ok: false as const, error: sizeError };
    return deferredText.trim() ? extractImport({ text: deferredText, format }) : null;
  }, [deferredText, format, sizeError]);
  const extraction = preview?.ok ? preview.extraction : null;

  // What the article says, offered in each field the reviewer has not typed in; a PDF's the server reads.
  const fileTitle = source.kind === 'file' ? source.file.name.replace(/\.[^.]+$/, '') : '';
  const shown: Fields = {
    title: typed.title ?? (pdf ? '' : extraction?.title || fileTitle),
    author: typed.author ?? (pdf ? '' : (extraction?.author ?? '')),
    publishedOn: typed.publishedOn ?? (pdf ? '' : (extraction?.publishedAt ?? '')),
    sourceUrl: typed.sourceUrl ?? '',
  };

  async function chooseFile(file: File | undefined) {
    if (!file) return dispatch({ type: 'noFile' });
    const pdf = isPdfFile(file.name);
    // Before reading it: a file far over the limit is not worth holding in memory.
    const tooLarge = importSizeError({ bytes: file.size, name: file.name, pdf });
    if (tooLarge) return dispatch({ type: 'fileRefused', error: tooLarge });
    const bytes = new Uint8Array(await file.arrayBuffer());
    if (pdf) {
      // Checked as the server checks it, so a file that is no PDF is refused before it is sent.
      const read = readPdfUpload({ name: file.name, bytes });
      return dispatch(read.ok ? { type: 'pdf', file } : { type: 'fileRefused', error: read.error });
    }
    const read = readUpload({ name: file.name, bytes });
    dispatch(read.ok ? { type: 'textFile', file, ...read } : { type: 'fileRefused', error: read.error });
  }

  function save(event: React.FormEvent) {
    event.preventDefault();
    const { file, sizeError } = fileToSend(state);
    if (sizeError) return saving.refuse(sizeError);
    const body = new FormData();
    body.set('file', file);
    for (const [key, value] of Object.entries(shown)) if (value.trim()) body.set(key, value.trim());
    saving.run(() => postImport(state.projectId, body), { onSuccess: (next) => router.push(next) });
  }

  const errors = saving.fieldErrors;
  // The server names the file it was sent; for a paste, that is the textarea's text.
  const textError = sizeError ?? errors.text ?? (source.kind === 'paste' ? errors.file : undefined);
  const fileError = state.fileError ?? (source.kind === 'paste' ? undefined : errors.file);
  const set = (key: keyof Fields) => (e: React.ChangeEvent<HTMLInputElement>) =>
    dispatch({ type: 'field', key, value: e.target.value });
  const canSave = Boolean(pdf) || Boolean(sizeError) || (extraction !== null && extraction.claims.length > 0);

  return (
    <form onSubmit={save} className="mt-4 grid gap-6 lg:grid-cols-2">
      <div className="min-w-0 space-y-4">
        <Field label="Project">
          {(control) => (
            <Select
              {...control}
              value={state.projectId}
              onChange={(e) => dispatch({ type: 'project', projectId: e.target.value })}
            >
              {projects.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field label="Upload a file" error={fileError}>
          {(control) => (
            <input
              {...control}
              key={state.fileInputKey}
              type="file"
              accept=".txt,.md,.markdown,.html,.htm,.csv,.pdf,text/plain,text/markdown,text/html,text/csv,application/pdf"
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
                onChange={(e) => dispatch({ type: 'format', format: e.target.value as ImportFormat })}
                disabled={Boolean(pdf)}
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
            onChange={(e) => {
              dispatch({ type: 'text', text: e.target.value });
              // A refusal made here (too large, no answer) said nothing about the text as it is now.
              if (saving.result && !saving.result.ok && !saving.result.code) saving.clear();
            }}
            rows={14}
            aria-invalid={Boolean(textError)}
            aria-describedby={textError ? `${id}-text-error` : undefined}
            className="mt-1 font-mono"
          />
          {textError && (
            <p id={`${id}-text-error`} className={`mt-1 ${ERROR}`}>
              {textError}
            </p>
          )}
        </div>
        <div className="grid gap-3 sm:grid-cols-2">
          <Field label="Title" error={errors.title} className="sm:col-span-2">
            {(control) => (
              <Input
                {...control}
                value={shown.title}
                onChange={set('title')}
                placeholder={pdf ? 'Read from the PDF if left empty' : undefined}
              />
            )}
          </Field>
          <Field label="Author" error={errors.author}>
            {(control) => <Input {...control} value={shown.author} onChange={set('author')} />}
          </Field>
          <Field label="Published (YYYY-MM-DD)" error={errors.publishedOn}>
            {(control) => (
              <Input
                {...control}
                value={shown.publishedOn}
                onChange={set('publishedOn')}
                inputMode="numeric"
              />
            )}
          </Field>
          <Field label="Source URL" error={errors.sourceUrl} className="sm:col-span-2">
            {(control) => (
              <Input {...control} value={shown.sourceUrl} onChange={set('sourceUrl')} type="url" />
            )}
          </Field>
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" variant="primary" disabled={saving.pending || !canSave}>
            {saving.pending ? 'Saving…' : 'Save document'}
          </Button>
          <ActionMessage
            result={saving.result}
            shown={['text', 'file', 'title', 'author', 'publishedOn', 'sourceUrl']}
            className="text-sm"
          />
        </div>
      </div>
      <ImportPreview preview={preview} pdf={pdf?.name ?? null} />
    </form>
  );
}
