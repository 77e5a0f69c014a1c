'use client';

import { memo, useEffect, useEffectEvent, useMemo, useRef, useState } from 'react';
import { blockAt, TEXT_WINDOW, textBlocks, textWindow } from '@/lib/workspace/render-window';
import type { WorkspaceClaim } from '@/lib/workspace/workspace-types';

// A 2,000-claim article has several hundred paragraphs; rendering them all would slow every keystroke for
// text nobody is looking at, so only a window around the selected claim is rendered, growing as one scrolls.
const STEP = TEXT_WINDOW.step;

type Props = {
  body: string;
  claims: ReadonlyArray<WorkspaceClaim>;
  selectedId: string | null;
  /** Whether a narrow screen shows the article rather than the claims. */
  shown: boolean;
  onSelect: (claimId: string) => void;
};

type Range = { from: number; to: number };

/**
 * The article with every claim highlighted in its status colour, plus the status symbol, so colour is never
 * the only signal. Clicking a highlight selects its claim. The highlights carry no classes of their own: a long
 * document has thousands, so globals.css styles them by their status, and draws their symbols, which are not
 * text and so never part of a selection.
 */
export const DocumentPane = memo(function DocumentPane(props: Props) {
  const { body, claims, selectedId, shown, onSelect } = props;
  const blocks = useMemo(() => textBlocks(body, claims), [body, claims]);
  const selectedIndex = selectedId ? claims.findIndex((c) => c.id === selectedId) : -1;
  const selectedClaim = selectedIndex >= 0 ? claims[selectedIndex] : undefined;
  const selectedBlock = selectedClaim ? blockAt(blocks, selectedClaim.start) : 0;
  const [grown, setGrown] = useState<Range>(() => textWindow(selectedBlock, blocks.length));
  // Jumping to a claim outside the paragraphs grown so far re-centres the window on it.
  const around = (r: Range) =>
    selectedBlock >= r.from && selectedBlock < r.to && r.to <= blocks.length
      ? r
      : textWindow(selectedBlock, blocks.length);
  const range = around(grown);
  const containerRef = useRef<HTMLDivElement>(null);
  const topRef = useRef<HTMLDivElement>(null);
  const bottomRef = useRef<HTMLDivElement>(null);

  const grow = useEffectEvent((target: Element) => {
    if (target === bottomRef.current)
      setGrown((g) => ({ ...around(g), to: Math.min(blocks.length, around(g).to + STEP) }));
    if (target === topRef.current)
      setGrown((g) => ({ ...around(g), from: Math.max(0, around(g).from - STEP) }));
  });
  useEffect(() => {
    const root = containerRef.current;
    if (!root) return;
    const observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) if (entry.isIntersecting) grow(entry.target);
      },
      { root, rootMargin: '400px 0px' },
    );
    if (topRef.current) observer.observe(topRef.current);
    if (bottomRef.current) observer.observe(bottomRef.current);
    return () => observer.disconnect();
  }, []);

  const opened = useRef(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: shown again, the pane scrolls to the selected claim.
  useEffect(() => {
    const container = containerRef.current;
    // A hidden pane (the claims tab of a narrow screen) has no boxes; it scrolls once it is shown.
    if (!selectedId || !container || container.getClientRects().length === 0) return;
    const mark = container.querySelector(`mark[data-claim="${selectedId}"]`);
    if (!mark) return;
    const opening = !opened.current;
    opened.current = true;
    // On opening, a highlight whose start is in sight stays where it is. Where the page itself scrolls (a narrow
    // screen), showing the whole of a first claim cut by the screen's edge scrolled the page's header away.
    const pane = container.getBoundingClientRect();
    const top = mark.getBoundingClientRect().top;
    if (opening && top >= Math.max(0, pane.top) && top < Math.min(window.innerHeight, pane.bottom)) return;
    mark.scrollIntoView({ block: 'nearest' });
  }, [selectedId, shown]);

  function click(event: React.MouseEvent) {
    // A drag that selects text is for adding a claim, not for choosing one.
    if (!window.getSelection()?.isCollapsed) return;
    const mark = (event.target as HTMLElement).closest('mark[data-claim]');
    const id = mark?.getAttribute('data-claim');
    if (id) onSelect(id);
  }

  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: clicking a highlight is a mouse shortcut; the claim list and j/k select claims from the keyboard.
    <div
      ref={containerRef}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: keyboard users must be able to focus the article to scroll it.
      tabIndex={0}
      role="document"
      aria-label="Article text with highlighted claims"
      onClick={click}
      className="h-full overflow-y-auto rounded border border-slate-200 bg-white px-4 py-3 leading-relaxed [overflow-anchor:auto]"
      data-document-body
    >
      <div ref={topRef} aria-hidden="true" className="h-px" />
      {range.from > 0 && (
        <p className="text-center text-xs text-slate-600">Earlier paragraphs load as you scroll up.</p>
      )}
      {blocks.slice(range.from, range.to).map((block) => (
        <p key={block.start} className="mb-3 whitespace-pre-wrap">
          {block.runs.map((run) => {
            const text = body.slice(run.start, run.end);
            const claim = run.claimIndex === null ? undefined : claims[run.claimIndex];
            // Each run carries its body offset (data-o), so a selection maps back to body offsets exactly.
            const span = (
              <span key={run.start} data-o={run.start}>
                {text}
              </span>
            );
            if (!claim) return span;
            return (
              <mark
                key={run.start}
                data-claim={claim.id}
                data-status={claim.status}
                data-selected={claim.id === selectedId ? '' : undefined}
              >
                {span}
              </mark>
            );
          })}
        </p>
      ))}
      {range.to < blocks.length && (
        <p className="text-center text-xs text-slate-600">Later paragraphs load as you scroll down.</p>
      )}
      <div ref={bottomRef} aria-hidden="true" className="h-px" />
    </div>
  );
});

/**
 * Body offsets of the page's text selection, when it lies inside the document pane's text; what "Add claim
 * from selection" adds.
 */
export function selectedBodyRange(): { start: number; end: number } | null {
  const selection = window.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const anchor = selection.anchorNode;
  const element = anchor instanceof Element ? anchor : anchor?.parentElement;
  const root = element?.closest<HTMLElement>('[data-document-body]');
  if (!root) return null;
  const a = offsetOf(root, selection.anchorNode, selection.anchorOffset);
  const b = offsetOf(root, selection.focusNode, selection.focusOffset);
  if (a === null || b === null || a === b) return null;
  return { start: Math.min(a, b), end: Math.max(a, b) };
}

function offsetOf(root: HTMLElement, node: Node | null, offset: number): number | null {
  const point = textPoint(node, offset);
  if (!point || !root.contains(point.node)) return null;
  const run = point.node.parentElement?.closest('[data-o]');
  return run ? Number(run.getAttribute('data-o')) + point.offset : null;
}

/** A selection end as a text node and an offset in it; a triple click, for one, ends on elements. */
function textPoint(node: Node | null, offset: number): { node: Text; offset: number } | null {
  if (!node) return null;
  if (node.nodeType === Node.TEXT_NODE) return { node: node as Text, offset };
  const child = node.childNodes[offset];
  if (child?.nodeType === Node.TEXT_NODE) return { node: child as Text, offset: 0 };
  // A tree walker never returns its own root, which is why a text child is answered above.
  const walker = document.createTreeWalker(child ?? node, NodeFilter.SHOW_TEXT);
  if (child) {
    const first = walker.nextNode() as Text | null;
    return first ? { node: first, offset: 0 } : null;
  }
  let last: Text | null = null;
  while (walker.nextNode()) last = walker.currentNode as Text;
  return last ? { node: last, offset: last.data.length } : null;
}
