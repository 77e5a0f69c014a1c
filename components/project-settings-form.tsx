'use client';

import { useId, useState } from 'react';
import { REVIEWERS_REQUIRED } from '@/lib/consensus/consensus';
import type { ActionResult } from '@/lib/errors';
import type { ProjectSettingsPage } from '@/lib/projects/load-project-settings';
import type { ProjectSettings } from '@/lib/projects/update-project-settings';
import { ActionMessage } from './action-message';
import { Button } from './ui/button';
import { Choice, Field, HINT, Input, LABEL, Textarea } from './ui/field';
import { PART_TITLE } from './ui/heading';
import { useAction } from './use-action';

type Saved = ProjectSettings & { version: number };
/** A member with their project role in words (the labels live with the server-only access code). */
type Member = ProjectSettingsPage['members'][number] & { roleLabel: string };
type Action<T> = (input: unknown) => Promise<ActionResult<T>>;

export type ProjectSettingsActions = {
  details: Action<Saved>;
  reviewersRequired: Action<Saved>;
  blindByDefault: Action<Saved>;
  mayAdjudicate: Action<{ mayAdjudicate: boolean }>;
};

const PANEL = 'mt-4 rounded border border-slate-200 bg-white p-4';

/**
 * The project's settings, each part saved on its own. Every save sends the version of the settings this page
 * last saw, so a change someone made meanwhile is refused (409) rather than overwritten; what was entered stays.
 */
export function ProjectSettingsForm(props: {
  project: ProjectSettingsPage['project'];
  members: Member[];
  actions: ProjectSettingsActions;
}) {
  const { project } = props;
  const [version, setVersion] = useState(project.version);
  const scope = { projectId: project.id, expectedVersion: version };
  const saved = (data: Saved) => setVersion(data.version);
  return (
    <>
      <DetailsForm project={project} scope={scope} action={props.actions.details} onSaved={saved} />
      <RuleForm project={project} scope={scope} action={props.actions.reviewersRequired} onSaved={saved} />
      <BlindByDefault project={project} scope={scope} action={props.actions.blindByDefault} onSaved={saved} />
      <Adjudicators projectId={project.id} members={props.members} action={props.actions.mayAdjudicate} />
    </>
  );
}

type PartProps = {
  project: ProjectSettingsPage['project'];
  scope: { projectId: string; expectedVersion: number };
  action: Action<Saved>;
  onSaved: (data: Saved) => void;
};

function DetailsForm({ project, scope, action, onSaved }: PartProps) {
  const id = useId();
  const [values, setValues] = useState({ name: project.name, description: project.description });
  const saving = useAction<Saved>();
  const errors = saving.fieldErrors;
  return (
    <section aria-labelledby={id} className={PANEL}>
      <h2 id={id} className={PART_TITLE}>
        Name and description
      </h2>
      <form
        noValidate
        className="mt-2 grid gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          saving.run(() => action({ ...scope, ...values }), { onSuccess: onSaved });
        }}
      >
        <Field label="Name" error={errors.name}>
          {(control) => (
            <Input
              {...control}
              autoComplete="off"
              value={values.name}
              onChange={(e) => setValues((v) => ({ ...v, name: e.target.value }))}
            />
          )}
        </Field>
        <Field
          label="Description"
          hint="Optional: what the team reviews, and for whom."
          error={errors.description}
        >
          {(control) => (
            <Textarea
              {...control}
              rows={3}
              value={values.description}
              onChange={(e) => setValues((v) => ({ ...v, description: e.target.value }))}
            />
          )}
        </Field>
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" variant="primary" disabled={saving.pending}>
            {saving.pending ? 'Saving…' : 'Save name and description'}
          </Button>
          <ActionMessage result={saving.result} shown={['name', 'description']} className="text-sm" />
        </div>
      </form>
    </section>
  );
}

function RuleForm({ project, scope, action, onSaved }: PartProps) {
  const id = useId();
  const [required, setRequired] = useState(project.reviewersRequired);
  const saving = useAction<Saved>();
  const claims = project.claims === 1 ? '1 claim' : `${project.claims.toLocaleString('en')} claims`;
  return (
    <section aria-labelledby={id} className={PANEL}>
      <h2 id={id} className={PART_TITLE}>
        Consensus rule
      </h2>
      <form
        noValidate
        className="mt-2 space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          saving.run(() => action({ ...scope, reviewersRequired: required }), { onSuccess: onSaved });
        }}
      >
        <fieldset aria-describedby={`${id}-hint`}>
          <legend className={LABEL}>Reviewers required per claim</legend>
          <div className="mt-1 flex flex-wrap gap-4">
            {REVIEWERS_REQUIRED.map((n) => (
              <Choice
                key={n}
                type="radio"
                name={`${id}-required`}
                label={n === 1 ? '1 reviewer' : `${n} reviewers`}
                checked={required === n}
                onChange={() => setRequired(n)}
              />
            ))}
          </div>
          <p id={`${id}-hint`} className={`mt-1 ${HINT}`}>
            Until that many reviewers have given a verdict, a claim is in review: no consensus, no conflict.
            Then their verdicts make the consensus when they agree, a conflict when they do not. Changing the
            rule re-derives the status of the project’s {claims} at once; adjudicated claims keep their
            decision.
          </p>
        </fieldset>
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" variant="primary" disabled={saving.pending}>
            {saving.pending ? 'Saving…' : 'Save the rule'}
          </Button>
          <ActionMessage result={saving.result} className="text-sm" />
        </div>
      </form>
    </section>
  );
}

function BlindByDefault({ project, scope, action, onSaved }: PartProps) {
  const id = useId();
  const [blind, setBlind] = useState(project.blindByDefault);
  const saving = useAction<Saved>();
  return (
    <section aria-labelledby={id} className={PANEL}>
      <h2 id={id} className={PART_TITLE}>
        Blind review
      </h2>
      <div className="mt-2 space-y-1">
        <Choice
          type="checkbox"
          label="New documents start in blind review"
          checked={blind}
          disabled={saving.pending}
          aria-describedby={`${id}-hint`}
          onChange={(e) => {
            const next = e.target.checked;
            setBlind(next);
            saving.run(() => action({ ...scope, blindByDefault: next }), { onSuccess: onSaved });
          }}
        />
        <p id={`${id}-hint`} className={HINT}>
          In blind review a reviewer sees the others’ verdicts on a claim only after giving their own.
          Documents already in the project keep their mode; a lead switches it on each document.
        </p>
        <ActionMessage result={saving.result} busy={saving.pending && 'Saving…'} className="text-sm" />
      </div>
    </section>
  );
}

function Adjudicators(props: {
  projectId: string;
  members: Member[];
  action: ProjectSettingsActions['mayAdjudicate'];
}) {
  const id = useId();
  const saving = useAction<{ mayAdjudicate: boolean }>();
  const [named, setNamed] = useState(
    () => new Map(props.members.map((m) => [m.userId, m.mayAdjudicate] as const)),
  );
  return (
    <section aria-labelledby={id} className={PANEL}>
      <h2 id={id} className={PART_TITLE}>
        Who may adjudicate
      </h2>
      <p className={`mt-1 ${HINT}`}>
        Leads always may. Name reviewers who may settle conflicts too; a viewer must be made a reviewer first.
      </p>
      {props.members.length === 0 ? (
        <p className="mt-2 text-sm text-slate-700">This project has no members yet.</p>
      ) : (
        <ul className="mt-2 divide-y divide-slate-200" aria-label="Members">
          {props.members.map((m) => (
            <li key={m.userId} className="flex flex-wrap items-center justify-between gap-2 py-1.5">
              <span className="text-sm">
                <span className="font-medium">{m.name}</span>{' '}
                <span className="text-slate-600">
                  {m.email} · {m.roleLabel}
                </span>
              </span>
              <Choice
                type="checkbox"
                label="May adjudicate"
                aria-label={`${m.name} may adjudicate`}
                checked={named.get(m.userId) ?? false}
                disabled={m.role !== 'REVIEWER' || saving.pending}
                onChange={(e) => {
                  const next = e.target.checked;
                  setNamed((n) => new Map(n).set(m.userId, next));
                  saving.run(
                    () => props.action({ projectId: props.projectId, userId: m.userId, mayAdjudicate: next }),
                    { onFailure: () => setNamed((n) => new Map(n).set(m.userId, !next)) },
                  );
                }}
              />
            </li>
          ))}
        </ul>
      )}
      <ActionMessage result={saving.result} busy={saving.pending && 'Saving…'} className="mt-2 text-sm" />
    </section>
  );
}
