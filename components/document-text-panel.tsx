'use client';

import { useRef, useState, useTransition } from 'react';
import type { ActionResult } from '@/lib/http/action-result';

/**
 * The document body, for pinning a new claim to a selection. The body is one text node inside one element, so the
 * selection's offsets in that node are offsets into the body.
 */
export function DocumentTextPanel(props: {
  documentId: string;
  body: string;
  action: (input: unknown) => Promise<ActionResult<{ id: string }>>;
}) {
  const textRef = useRef<HTMLDivElement>(null);
  const [result, setResult] = useState<ActionResult<{ id: string }> | null>(null);
  const [pending, startTransition] = useTransition();

  function addFromSelection() {
    const node = textRef.current?.firstChild;
    const selection = window.getSelection();
    if (
      !node ||
      !selection ||
      selection.isCollapsed ||
      selection.anchorNode !== node ||
      selection.focusNode !== node
    ) {
      setResult({ ok: false, message: 'Select some of the document text above first.' });
      return;
    }
    const start = Math.min(selection.anchorOffset, selection.focusOffset);
    const end = Math.max(selection.anchorOffset, selection.focusOffset);
    startTransition(async () => {
      const r = await props.action({ documentId: props.documentId, start, end });
      setResult(r);
      if (r.ok) selection.removeAllRanges();
    });
  }

  return (
    <details className="mt-4 rounded border border-slate-200 bg-white p-3 text-sm">
      <summary className="cursor-pointer font-medium text-slate-800">Document text</summary>
      <div
        ref={textRef}
        data-document-body
        className="mt-2 whitespace-pre-wrap rounded border border-slate-100 p-2 leading-relaxed"
      >
        {props.body}
      </div>
      <div className="mt-2 flex flex-wrap items-center gap-3">
        <button
          type="button"
          disabled={pending}
          // Keeps the selection in the text when the button is pressed with a mouse.
          onMouseDown={(e) => e.preventDefault()}
          onClick={addFromSelection}
          className="rounded border border-slate-400 bg-white px-3 py-1 font-medium text-slate-900 hover:bg-slate-100 disabled:opacity-60"
        >
          {pending ? 'Adding…' : 'Add claim from selection'}
        </button>
        <span aria-live="polite" className="text-xs">
          {result?.ok && <span className="text-emerald-800">{result.message}</span>}
          {result && !result.ok && <span className="text-rose-800">{result.message}</span>}
        </span>
      </div>
    </details>
  );
}
