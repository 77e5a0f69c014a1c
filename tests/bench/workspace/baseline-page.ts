// The baseline's workspace page, written as template strings: the header with progress and agreement, the
// document text with a <mark> per claim, one row per claim, the selected claim's assessment form, and the
// claims as JSON for the client. Its "Supported" radio saves through POST /save, so Chromium can time it.
import type { ClaimStatus } from '@/lib/consensus/claim-status';
import {
  CERTAINTIES,
  CERTAINTY_LABEL,
  CLAIM_KIND_LABEL,
  EVIDENCE_LEVEL_LABEL,
  EVIDENCE_LEVELS,
  VERDICT_LABEL,
  VERDICTS,
} from '@/lib/domain/vocabulary';
import { INITIAL_LIST_HEIGHT, rowWindow, textWindow } from '@/lib/workspace/render-window';
import { blockAt, textBlocks } from '@/lib/workspace/text-blocks';
import type { WorkspaceClaim, WorkspaceData } from '@/lib/workspace/workspace-types';
import type { SessionUser } from './session';

const STATUS: Record<ClaimStatus, { label: string; symbol: string }> = {
  SUPPORTED: { label: 'Supported', symbol: '✓' },
  SPECULATIVE: { label: 'Speculative', symbol: '~' },
  UNSUPPORTED: { label: 'Unsupported', symbol: '✗' },
  CONFLICT: { label: 'In conflict', symbol: '!' },
  UNREVIEWED: { label: 'Unreviewed', symbol: '○' },
};

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const esc = (text: string) => text.replace(/[&<>"']/g, (c) => ENTITIES[c] as string);
const statusClass = (status: ClaimStatus) => `s-${status.toLowerCase()}`;

const CSS = `body{margin:0;font:15px/1.5 system-ui,sans-serif;color:#0f172a;background:#f8fafc}
.top{display:flex;justify-content:space-between;padding:.5rem 1rem;background:#fff;border-bottom:1px solid #e2e8f0}
.doc-head{padding:1rem}.doc-head h1{margin:0;font-size:1.25rem}
.panes{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr) minmax(0,2fr);gap:1rem;padding:0 1rem}
.text,.claims{max-height:80vh;overflow:auto;background:#fff;border:1px solid #e2e8f0;padding:1rem}
.claims ol{list-style:none;margin:0;padding:0}.claims a{display:block;color:inherit;text-decoration:none;padding:.25rem}
.sec{font-weight:600;text-transform:uppercase;font-size:.75rem;margin-top:1rem}
mark{background:#f1f5f9;border-bottom:2px solid #94a3b8}
mark.s-supported{background:#d1fae5;border-color:#047857}
mark.s-speculative{background:#fef3c7;border-bottom-style:dashed;border-color:#b45309}
mark.s-unsupported{background:#ffe4e6;border-bottom-style:dotted;border-color:#be123c}
mark.s-conflict{background:#ede9fe;border-bottom-style:double;border-color:#6d28d9}
.badge{font-size:.75rem;padding:0 .25rem;border-radius:.25rem;background:#f1f5f9}
.row .t{display:block}.panel{background:#fff;border:1px solid #e2e8f0;padding:1rem}
.panel label{display:block;margin-top:.5rem}.panel fieldset label{display:inline;margin:0}.panel select{max-width:100%}:focus-visible{outline:3px solid #2563eb}`;

// Optimistic, as the workspace is: the row changes at once, then the server confirms or the message says why.
const CLIENT = `(() => {
  const data = JSON.parse(document.getElementById('workspace-data').textContent);
  const panel = document.getElementById('panel');
  const say = document.getElementById('save-status');
  let version = Number(panel.dataset.version);
  panel.addEventListener('change', async (event) => {
    if (event.target.name !== 'verdict') return;
    const n = panel.dataset.n;
    const row = document.getElementById('r' + n);
    const mine = row && row.querySelector('.mine');
    if (mine) mine.textContent = 'Mine: ' + event.target.parentElement.textContent.trim();
    say.textContent = 'Saving…';
    const level = document.getElementById('level').value || null;
    const response = await fetch('/save', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ documentId: data.document.id, claimId: panel.dataset.claim,
        verdict: event.target.value, evidenceLevel: level, certainty: null, downgradeReasons: [],
        rationale: null, version }),
    });
    const result = await response.json();
    if (!result.ok) { say.textContent = result.message; return; }
    version = result.data.version;
    const status = result.data.consensus.state === 'CONFLICT' ? 'conflict'
      : (result.data.consensus.verdict || 'unreviewed').toLowerCase();
    if (row) row.className = 'row s-' + status;
    const mark = document.getElementById('m' + n);
    if (mark) mark.className = 's-' + status;
    say.textContent = 'Saved.';
  });
})();`;

export function workspacePage(options: {
  data: WorkspaceData;
  user: SessionUser;
  selectedClaimId: string | null;
}): string {
  const { document, sections, claims, agreement } = options.data;
  const selected = claims.find((c) => c.id === options.selectedClaimId) ?? claims[0];
  const headings = new Set(sections.map((s) => s.heading));
  const sectionName = new Map(sections.map((s) => [s.id, s.heading]));
  const mine = claims.filter((c) => c.mine !== null).length;
  const agreed = claims.filter((c) => c.status !== 'CONFLICT' && c.status !== 'UNREVIEWED').length;
  const conflicts = claims.filter((c) => c.status === 'CONFLICT').length;
  const meta = [document.author, document.publishedOn, document.sourceUrl].filter(Boolean).join(' · ');
  // The app hands the body and the compact claims to the browser (they drive search and scrolling), so the
  // baseline embeds the same data.
  const json = JSON.stringify({ document, sections, claims, agreement }).replace(/</g, '\\u003c');
  const kappa = (k: number | null) => (k === null ? '–' : k.toFixed(2));
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(document.title)} · Evidence review</title><style>${CSS}</style></head><body>
<header class="top"><a href="/">Evidence review</a><span>${esc(options.user.name)} <button type="button">Sign out</button></span></header>
<main><header class="doc-head"><h1>${esc(document.title)}</h1><p>${esc(meta)}</p>
<nav aria-label="Export"><a href="/documents/${document.id}/export?format=md">Export Markdown</a> <a href="/documents/${document.id}/export?format=json">Export JSON</a></nav>
<p>Reviewed by me: <strong>${mine}</strong> of ${claims.length} <progress max="${claims.length}" value="${mine}"></progress>
Consensus: <strong>${agreed}</strong> of ${claims.length} <progress max="${claims.length}" value="${agreed}"></progress> Open conflicts: ${conflicts}</p>
${
  agreement === null
    ? '<p>Agreement between reviewers shows here once the review is open.</p>'
    : `<p>Verdict agreement: ${agreement.verdict.method ?? 'none'} κ = ${kappa(agreement.verdict.kappa)} (${agreement.verdict.label}).
Evidence level: weighted κ = ${kappa(agreement.evidenceLevel.kappa)} (${agreement.evidenceLevel.label}).</p>`
}</header>
<div class="panes"><section class="text" aria-label="Document">${documentHtml(document.body, claims, headings, selected)}</section>
<section class="claims" aria-label="Claims"><form role="search"><input type="search" aria-label="Search claims" placeholder="Search claims (/)"></form>
<ol>${claimRows(document.body, claims.slice(0, rowWindow(0, INITIAL_LIST_HEIGHT, claims.length).last), sectionName)}</ol></section>
${selected ? panel(document.body, selected, sectionName) : '<aside class="panel">No claims.</aside>'}</div></main>
<script type="application/json" id="workspace-data">${json}</script><script>${CLIENT}</script></body></html>`;
}

/**
 * The same window of paragraphs the app renders around the selected claim, each claim's span in a <mark> of
 * its status (headings as h2).
 */
function documentHtml(
  body: string,
  claims: WorkspaceClaim[],
  headings: Set<string>,
  selected: WorkspaceClaim | undefined,
): string {
  const blocks = textBlocks(body, claims);
  const { from, to } = textWindow(selected ? blockAt(blocks, selected.start) : 0, blocks.length);
  const out: string[] = [];
  for (const block of blocks.slice(from, to)) {
    const text = body.slice(block.start, block.end);
    if (headings.has(text)) {
      out.push(`<h2>${esc(text)}</h2>`);
      continue;
    }
    out.push('<p>');
    for (const run of block.runs) {
      const claim = run.claimIndex === null ? undefined : claims[run.claimIndex];
      const piece = esc(body.slice(run.start, run.end));
      out.push(
        claim
          ? `<mark id="m${claim.n}" class="${statusClass(claim.status)}" data-n="${claim.n}">${piece}</mark>`
          : piece,
      );
    }
    out.push('</p>');
  }
  return out.join('');
}

function claimRows(body: string, claims: WorkspaceClaim[], sectionName: Map<string, string>): string {
  const out: string[] = [];
  let section: string | null | undefined;
  for (const claim of claims) {
    if (claim.sectionId !== section) {
      section = claim.sectionId;
      out.push(`<li class="sec">${esc((section && sectionName.get(section)) || 'Introduction')}</li>`);
    }
    const text = claim.text ?? body.slice(claim.start, claim.end);
    const excerpt = text.length > 140 ? `${text.slice(0, 139)}…` : text;
    const style = STATUS[claim.status];
    out.push(
      `<li id="r${claim.n}" class="row ${statusClass(claim.status)}"><a href="?claim=${claim.id}"><span>#${claim.n}</span> ` +
        `<span class="badge">${style.symbol} ${style.label}</span> <span>${CLAIM_KIND_LABEL[claim.kind]}${claim.hedged ? ' · hedged' : ''}</span> ` +
        `<span class="mine">${claim.mine ? `Mine: ${VERDICT_LABEL[claim.mine]}` : ''}</span><span class="t">${esc(excerpt)}</span></a></li>`,
    );
  }
  return out.join('');
}

// Only saves claims I have not assessed (version 0): the four workspace queries carry no version, and the
// benchmark only ever saves such claims.
function panel(body: string, claim: WorkspaceClaim, sectionName: Map<string, string>): string {
  const style = STATUS[claim.status];
  const option = (value: string, label: string) => `<option value="${value}">${esc(label)}</option>`;
  return `<aside id="panel" class="panel" aria-label="Selected claim" data-claim="${claim.id}" data-n="${claim.n}" data-version="0">
<h2>Claim #${claim.n}</h2><p>${esc(claim.text ?? body.slice(claim.start, claim.end))}</p>
<p>${esc((claim.sectionId && sectionName.get(claim.sectionId)) || 'Introduction')} · ${CLAIM_KIND_LABEL[claim.kind]}${claim.hedged ? ' · hedged' : ''} · <span class="badge">${style.symbol} ${style.label}</span></p>
<form><fieldset><legend>My verdict</legend>${VERDICTS.map(
    (v) =>
      `<label><input type="radio" name="verdict" value="${v}"${claim.mine === v ? ' checked' : ''}> ${VERDICT_LABEL[v]}</label>`,
  ).join(' ')}</fieldset>
<label>Evidence level <select id="level" name="evidenceLevel">${option('', 'Not set')}${EVIDENCE_LEVELS.map((l) => option(l, EVIDENCE_LEVEL_LABEL[l])).join('')}</select></label>
<label>Certainty <select name="certainty">${option('', 'Not rated')}${CERTAINTIES.map((c) => option(c, CERTAINTY_LABEL[c])).join('')}</select></label>
<label>Rationale <textarea name="rationale"></textarea></label><p id="save-status" role="status" aria-live="polite"></p></form></aside>`;
}
