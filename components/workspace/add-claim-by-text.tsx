'use client';

import { memo, useId, useMemo, useState } from 'react';
import type { ActionResult } from '@/lib/errors';
import { type BodyRange, findUncoveredText } from '@/lib/workspace/find-uncovered-text';
import { ActionMessage } from '../action-message';
import { Button } from '../ui/button';
import { Input, LABEL } from '../ui/field';
import { useAction } from '../use-action';

// Fewer letters than this match too much of any article to be worth listing.
const MIN_CHARACTERS = 3;
const CONTEXT = 40;
const ADD_LABELS = {
  open: 'Add claim by its text…',
  field: 'Words of the new claim, as they read in the article',
  submit: 'Add claim',
  pending: 'Adding…',
};

/**
 * Adding a claim without a mouse: the reader types the words as they read in the article, picks the place when
 * they occur more than once, and adds it. It makes the same call as "Add claim from selection", so the server
 * checks the place the same way; only text outside every claim is offered.
 */
export const AddClaimByText = memo(function AddClaimByText(props: {
  documentId: string;
  body: string;
  claims: ReadonlyArray<BodyRange>;
  action: (input: unknown) => Promise<ActionResult<{ id: string }>>;
  /** The new claim is selected, so it can be assessed at once. */
  onAdded: (claimId: string) => void;
  /** The words of the form when it places a claim other than a new one (an orphan, attached by hand). */
  labels?: typeof ADD_LABELS;
}) {
  const labels = props.labels ?? ADD_LABELS;
  const [text, setText] = useState('');
  const [chosen, setChosen] = useState(0);
  const adding = useAction<{ id: string }>();
  const id = useId();
  const ready = text.trim().length >= MIN_CHARACTERS;
  const places = useMemo(
    () => (ready ? findUncoveredText(props.body, props.claims, text) : []),
    [ready, props.body, props.claims, text],
  );
  const place = places[Math.min(chosen, places.length - 1)];

  function add(event: React.FormEvent) {
    event.preventDefault();
    if (!place) return;
    // On failure the words stay, so the reader can change them and try again.
    adding.run(() => props.action({ documentId: props.documentId, ...place }), {
      onSuccess: (added) => {
        setText('');
        props.onAdded(added.id);
      },
    });
  }

  return (
    <details className="text-sm">
      <summary className="cursor-pointer text-sky-800 underline">{labels.open}</summary>
      <form onSubmit={add} className="mt-2 flex flex-col gap-2 rounded border border-slate-200 bg-white p-3">
        <label htmlFor={`${id}-text`} className={LABEL}>
          {labels.field}
        </label>
        <Input
          id={`${id}-text`}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setChosen(0);
            adding.clear();
          }}
          autoComplete="off"
        />
        <p aria-live="polite" className="text-xs text-slate-700">
          {!ready
            ? `Type at least ${MIN_CHARACTERS} characters.`
            : places.length === 0
              ? 'No text outside the existing claims reads like this. To change a claim, open it and edit it.'
              : places.length === 1
                ? 'Found once outside the existing claims.'
                : `Found in ${places.length} places outside the existing claims: choose one.`}
        </p>
        {places.length > 1 && (
          <fieldset className="flex flex-col gap-1">
            <legend className="sr-only">Where in the article</legend>
            {places.map((p, i) => (
              <label key={p.start} className="flex items-start gap-2">
                <input
                  type="radio"
                  name={`${id}-place`}
                  checked={p === place}
                  onChange={() => setChosen(i)}
                  className="mt-1"
                />
                <PlaceInContext body={props.body} place={p} />
              </label>
            ))}
          </fieldset>
        )}
        {places.length === 1 && place && <PlaceInContext body={props.body} place={place} />}
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" disabled={!place || adding.pending}>
            {adding.pending ? labels.pending : labels.submit}
          </Button>
          <ActionMessage result={adding.result} />
        </div>
      </form>
    </details>
  );
});

function PlaceInContext({ body, place }: { body: string; place: BodyRange }) {
  const before = body.slice(Math.max(0, place.start - CONTEXT), place.start).replace(/\s+/g, ' ');
  const after = body.slice(place.end, place.end + CONTEXT).replace(/\s+/g, ' ');
  return (
    <span className="text-slate-700">
      …{before}
      <strong className="font-semibold text-slate-900">{body.slice(place.start, place.end)}</strong>
      {after}…
    </span>
  );
}
