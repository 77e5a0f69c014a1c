'use client';

import { useEffect, useRef } from 'react';
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
  const ref = useRef(handlers);
  ref.current = handlers;
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
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
      const h = ref.current;
      const verdict = VERDICT_KEYS[event.key];
      if (event.key === 'j') h.next();
      else if (event.key === 'k') h.previous();
      else if (verdict) h.verdict(verdict);
      else if (event.key === 'e') h.level();
      else if (event.key === 'c') h.comment();
      else if (event.key === '/') h.search();
      else if (event.key === '?') h.help();
      else return;
      event.preventDefault();
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
