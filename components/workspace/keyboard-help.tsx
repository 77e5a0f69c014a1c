'use client';

import { memo, useEffect, useRef } from 'react';
import { Button } from '../ui/button';
import type { WorkspacePermissions } from './workspace-actions';

/** Each shortcut, with the permission it needs: a key that does nothing for the reader's role is not listed. */
const SHORTCUTS: Array<[key: string, what: string, needs?: keyof WorkspacePermissions]> = [
  ['j', 'Next claim'],
  ['k', 'Previous claim'],
  ['↓ ↑ Home End', 'Move through the claim list while it has the focus'],
  ['1', 'Verdict: supported', 'assess'],
  ['2', 'Verdict: speculative', 'assess'],
  ['3', 'Verdict: unsupported', 'assess'],
  ['e', 'Evidence level', 'assess'],
  ['↓ ↑ Enter', 'Move through a verdict, level or certainty list; Enter, or leaving it, saves', 'assess'],
  ['c', 'Comment', 'comment'],
  ['/', 'Search claims'],
  ['?', 'This help'],
  ['Esc', 'Leave a field, close this help'],
];

/** The keyboard shortcuts the reader's role can use, in a modal dialog that returns focus where it was. */
export const KeyboardHelp = memo(function KeyboardHelp({
  open,
  onClose,
  permissions,
}: {
  open: boolean;
  onClose: () => void;
  permissions: WorkspacePermissions;
}) {
  const shortcuts = SHORTCUTS.filter(([, , needs]) => !needs || permissions[needs]);
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      onClose={onClose}
      aria-labelledby="keyboard-help-title"
      className="m-auto w-80 rounded border border-slate-300 p-4 shadow-lg backdrop:bg-slate-900/30"
    >
      <h2 id="keyboard-help-title" className="text-base font-semibold">
        Keyboard shortcuts
      </h2>
      <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        {shortcuts.map(([key, what]) => (
          <div key={key} className="contents">
            <dt>
              <kbd className="rounded border border-slate-300 bg-slate-50 px-1.5 font-mono">{key}</kbd>
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
      <Button onClick={onClose} className="mt-4">
        Close
      </Button>
    </dialog>
  );
});
