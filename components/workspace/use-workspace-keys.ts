'use client';

import { useEffect, useEffectEvent } from 'react';
import type { Verdict } from '@/lib/domain/vocabulary';

const VERDICT_KEYS: Record<string, Verdict> = { '1': 'SUPPORTED', '2': 'SPECULATIVE', '3': 'UNSUPPORTED' };

type Handlers = {
  next: () => void;
  previous: () => void;
  verdict: (v: Verdict) => void;
  level: () => void;
  comment: () => void;
  search: () => void;
  help: () => void;
};

/**
 * The workspace shortcuts. They are ignored while typing in a field, so "j" in a comment is a letter; Escape
 * leaves the field, and the shortcuts work again.
 */
export function useWorkspaceKeys(handlers: Handlers) {
  // Reads the handlers of the last render, so the listener is added once and never sees stale state.
  const onKey = useEffectEvent((event: KeyboardEvent) => {
    if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
    const target = event.target as HTMLElement;
    const typing =
      target.isContentEditable ||
      (target instanceof HTMLInputElement && !['radio', 'checkbox', 'button'].includes(target.type)) ||
      target instanceof HTMLTextAreaElement ||
      target instanceof HTMLSelectElement;
    if (typing) {
      if (event.key === 'Escape') target.blur();
      return;
    }
    if (target.closest('dialog[open]') && event.key !== '?') return;
    const verdict = VERDICT_KEYS[event.key];
    if (event.key === 'j') handlers.next();
    else if (event.key === 'k') handlers.previous();
    else if (verdict) handlers.verdict(verdict);
    else if (event.key === 'e') handlers.level();
    else if (event.key === 'c') handlers.comment();
    else if (event.key === '/') handlers.search();
    else if (event.key === '?') handlers.help();
    else return;
    event.preventDefault();
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKey(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);
}
