// The baseline's workspace page, GET /documents/{id}: the same four reads as the app's page (the document with
// the reader's membership of its project, its
// sections, one row per claim with my verdict, every rating for the agreement figures), run at once on the
// pool, then HTML from template strings: the header with progress and agreement, a window of the document text
// with a <mark> per claim, the first rows of the claim list, the selected claim's form, and the claims as JSON
// for the client, as the app hands them to the browser too.
import crypto from 'node:crypto';
import type pg from 'pg';
import { agreementFigures, type Figure, type Rating } from './baseline-agreement';
import { CERTAINTIES, keptBlind, LEVELS, type Level, VERDICTS, type Verdict } from './baseline-review';
import type { Viewer } from './baseline-session';

type Status = Verdict | 'IN_REVIEW' | 'CONFLICT' | 'UNREVIEWED';

type ClaimRow = {
  id: string;
  n: number;
  start: number;
  end: number;
  sectionId: string | null;
  kind: string;
  hedged: boolean;
  /** Null while the claim's text is still its quote, which the client cuts from the body. */
  text: string | null;
  status: Status;
  level: Level | null;
  mine: Verdict | null;
};

type Workspace = {
  document: {
    body: string;
    title: string;
    author: string | null;
    publishedOn: string | null;
    sourceUrl: string | null;
    reviewMode: string;
    id: string;
  };
  sections: Array<{ id: string; heading: string }>;
  claims: ClaimRow[];
  /** Null for a reviewer under blind review, to whom the figures would tell how the others judged. */
  agreement: { verdict: Figure; evidenceLevel: Figure } | null;
};

/** The page's HTML and the nonce its inline script carries, or null when the document does not exist. */
export async function workspacePage(
  pool: pg.Pool,
  viewer: Viewer,
  documentId: string,
  selectedClaimId: string | null,
): Promise<{ html: string; nonce: string } | null> {
  const workspace = await loadWorkspace(pool, viewer, documentId);
  if (!workspace) return null;
  const nonce = crypto.randomBytes(16).toString('base64');
  return { html: render(workspace, viewer, selectedClaimId, nonce), nonce };
}

async function loadWorkspace(pool: pg.Pool, viewer: Viewer, documentId: string): Promise<Workspace | null> {
  const [documents, sections, claims, ratings] = await Promise.all([
    pool.query<Omit<Workspace['document'], 'id'> & { projectRole: string | null; reviewersRequired: number }>(
      `SELECT doc.body, doc.title, doc.author, doc."publishedOn"::text AS "publishedOn", doc."sourceUrl",
         doc."reviewMode", member.role AS "projectRole", project."reviewersRequired"
       FROM "Document" doc
       JOIN "Project" project ON project.id = doc."projectId"
       LEFT JOIN "ProjectMember" member ON member."projectId" = project.id AND member."userId" = $2
       WHERE doc.id = $1 AND doc."deletedAt" IS NULL`,
      [documentId, viewer.id],
    ),
    pool.query<{ id: string; heading: string }>(
      'SELECT id, heading FROM "Section" WHERE "documentId" = $1 ORDER BY start',
      [documentId],
    ),
    pool.query<
      Omit<ClaimRow, 'n' | 'status' | 'level'> & {
        consensusVerdict: Verdict | null;
        consensusEvidenceLevel: Level | null;
        judged: number;
      }
    >(
      `SELECT claim.id, claim.start, claim."end", claim."sectionId", claim.kind, claim.hedged,
         nullif(claim.text, claim.quote) AS text, claim."consensusVerdict", claim."consensusEvidenceLevel",
         mine.verdict AS mine,
         (SELECT count(*) FROM "Assessment" judged WHERE judged."claimId" = claim.id AND judged.verdict IS NOT NULL)
           ::int AS judged
       FROM "Claim" claim
       LEFT JOIN "Assessment" mine ON mine."claimId" = claim.id AND mine."reviewerId" = $2
       WHERE claim."documentId" = $1 AND claim."deletedAt" IS NULL
       ORDER BY claim.start, claim.id`,
      [documentId, viewer.id],
    ),
    pool.query<Rating>(
      `SELECT "claimId", "reviewerId", verdict, "evidenceLevel" FROM "Assessment"
       WHERE "claimId" IN (SELECT id FROM "Claim" WHERE "documentId" = $1 AND "deletedAt" IS NULL)`,
      [documentId],
    ),
  ]);
  const row = documents.rows[0];
  // Someone outside the document's project gets the same answer as for a document that does not exist.
  if (!row?.projectRole) return null;
  const { projectRole, reviewersRequired, ...document } = row;
  const blind = document.reviewMode === 'BLIND' && projectRole === 'REVIEWER';
  const noConsensus = (judged: number): Status =>
    judged === 0 ? 'UNREVIEWED' : judged < reviewersRequired ? 'IN_REVIEW' : 'CONFLICT';
  return {
    document: { ...document, id: documentId },
    sections: sections.rows,
    claims: claims.rows.map(({ consensusVerdict, consensusEvidenceLevel, judged, ...claim }, i) => {
      const hidden = keptBlind(document.reviewMode, projectRole, claim.mine);
      const status: Status = consensusVerdict ?? noConsensus(judged);
      return hidden
        ? { ...claim, n: i + 1, status: 'UNREVIEWED', level: null }
        : { ...claim, n: i + 1, status, level: consensusEvidenceLevel };
    }),
    agreement: blind ? null : agreementFigures(ratings.rows),
  };
}

const STATUS: Record<Status, string> = {
  SUPPORTED: '✓ Supported',
  SPECULATIVE: '~ Speculative',
  UNSUPPORTED: '✗ Unsupported',
  IN_REVIEW: '◐ In review',
  CONFLICT: '! In conflict',
  UNREVIEWED: '○ Unreviewed',
};
const VERDICT_NAME: Record<Verdict, string> = {
  SUPPORTED: 'Supported',
  SPECULATIVE: 'Speculative',
  UNSUPPORTED: 'Unsupported',
};
const DESIGNS =
  'systematic review or meta-analysis|randomised trial|non-randomised controlled cohort or follow-up study|case series, case-control or historically controlled study|mechanism-based reasoning or expert opinion'.split(
    '|',
  );
const levelName = (level: string) =>
  level === 'NONE'
    ? 'None: no evidence offered'
    : `Level ${level.slice(-1)}: ${DESIGNS[Number(level.slice(-1)) - 1]}`;
const kindName = (kind: string) => kind.charAt(0) + kind.slice(1).toLowerCase();
const words = (value: string) => kindName(value).replace('_', ' ');

/** Paragraphs drawn before and after the selected claim's, and claim rows drawn before the list is scrolled. */
const PARAGRAPHS_BEFORE = 15;
const PARAGRAPHS_AFTER = 45;
const FIRST_ROWS = 14;

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const statusClass = (status: Status) => `s-${status.toLowerCase()}`;

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
// It reads the claims' JSON first, as the app's client does when it hydrates, though a verdict click needs none.
const CLIENT = `(() => {
  JSON.parse(document.getElementById('workspace-data').textContent);
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
    const response = await fetch('/api/claims/' + panel.dataset.claim + '/assessment', {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ verdict: event.target.value, evidenceLevel: level, certainty: null,
        downgradeReasons: [], rationale: null, version }),
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

function render(workspace: Workspace, viewer: Viewer, selectedClaimId: string | null, nonce: string): string {
  const { document, sections, claims, agreement } = workspace;
  const selected = claims.find((c) => c.id === selectedClaimId) ?? claims[0];
  const sectionName = new Map(sections.map((s) => [s.id, s.heading]));
  const mine = claims.filter((c) => c.mine !== null).length;
  const agreed = claims.filter((c) => VERDICTS.includes(c.status as Verdict)).length;
  const conflicts = claims.filter((c) => c.status === 'CONFLICT').length;
  const meta = [document.author, document.publishedOn, document.sourceUrl].filter(Boolean).join(' · ');
  const json = JSON.stringify({ document, sections, claims, agreement }).replace(/</g, '\\u003c');
  const figure = (measure: string, f: Figure) =>
    `<div><dt>Agreement on ${measure}:</dt> <dd title="${escapeHtml(f.note)}">${
      f.kappa === null
        ? escapeHtml(f.note)
        : `${escapeHtml(f.statistic)} κ = <strong>${f.kappa.toFixed(2).replace('-', '−')}</strong> (${f.band})`
    }</dd></div>`;
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(document.title)} · Evidence review</title><style>${CSS}</style></head><body>
<header class="top"><a href="/">Evidence review</a><span>${escapeHtml(viewer.name)} <button type="button">Sign out</button></span></header>
<main><header class="doc-head"><h1>${escapeHtml(document.title)}</h1><p>${escapeHtml(meta)}</p>
${
  agreement === null
    ? '<p>Agreement between reviewers shows here once the review is open.</p>'
    : `<dl aria-label="Agreement between reviewers">${figure('verdict', agreement.verdict)}${figure('evidence level', agreement.evidenceLevel)}</dl>`
}
<nav aria-label="Summary and exports"><a href="/documents/${document.id}/summary">Summary</a>${agreement === null ? '' : ` <a href="/documents/${document.id}/export?format=md">Export Markdown</a> <a href="/documents/${document.id}/export?format=json">Export JSON</a>`}</nav>
<p>Reviewed by me: <strong>${mine}</strong> of ${claims.length} <progress max="${claims.length}" value="${mine}"></progress>
Consensus: <strong>${agreed}</strong> of ${claims.length} <progress max="${claims.length}" value="${agreed}"></progress> Open conflicts: ${conflicts}</p></header>
<div class="panes"><section class="text" aria-label="Document">${documentText(workspace, selected)}</section>
<section class="claims" aria-label="Claims"><form role="search"><input type="search" aria-label="Search claims" placeholder="Search claims (/)"></form>
<ol>${claimList(document.body, claims.slice(0, FIRST_ROWS), sectionName)}</ol></section>
${selected ? claimForm(document.body, selected, sectionName) : '<aside class="panel">No claims.</aside>'}</div></main>
<script type="application/json" id="workspace-data">${json}</script><script nonce="${nonce}">${CLIENT}</script></body></html>`;
}

/** The paragraphs around the selected claim's, headings as h2, each claim's span in a <mark> of its status. */
function documentText({ document, sections, claims }: Workspace, selected: ClaimRow | undefined): string {
  const { body } = document;
  const paragraphs: Array<[number, number]> = [];
  let offset = 0;
  // Split around the blank lines, keeping them (odd parts), so each paragraph knows where it starts.
  body.split(/(\n{2,})/).forEach((part, i) => {
    if (i % 2 === 0 && part) paragraphs.push([offset, offset + part.length]);
    offset += part.length;
  });
  const home = selected ? paragraphs.findLastIndex(([from]) => from <= selected.start) : 0;
  const headings = new Set(sections.map((s) => s.heading));
  let next = 0;
  const html: string[] = [];
  for (const [from, to] of paragraphs.slice(Math.max(0, home - PARAGRAPHS_BEFORE), home + PARAGRAPHS_AFTER)) {
    const text = body.slice(from, to);
    if (headings.has(text)) {
      html.push(`<h2>${escapeHtml(text)}</h2>`);
      continue;
    }
    while (next < claims.length && (claims[next] as ClaimRow).end <= from) next++;
    let at = from;
    html.push('<p>');
    for (let i = next; i < claims.length && (claims[i] as ClaimRow).start < to; i++) {
      const claim = claims[i] as ClaimRow;
      const markFrom = Math.max(at, claim.start);
      const markTo = Math.min(to, claim.end);
      if (markTo <= markFrom) continue;
      html.push(
        escapeHtml(body.slice(at, markFrom)),
        `<mark id="m${claim.n}" class="${statusClass(claim.status)}" data-n="${claim.n}">${escapeHtml(body.slice(markFrom, markTo))}</mark>`,
      );
      at = markTo;
    }
    html.push(escapeHtml(body.slice(at, to)), '</p>');
  }
  return html.join('');
}

function claimList(body: string, claims: ClaimRow[], sectionName: Map<string, string>): string {
  let section: string | null | undefined;
  return claims
    .map((claim) => {
      const heading =
        claim.sectionId === section
          ? ''
          : `<li class="sec">${escapeHtml(sectionName.get(claim.sectionId ?? '') ?? 'Introduction')}</li>`;
      section = claim.sectionId;
      const text = claim.text ?? body.slice(claim.start, claim.end);
      return `${heading}<li id="r${claim.n}" class="row ${statusClass(claim.status)}"><a href="?claim=${claim.id}"><span>#${claim.n}</span> <span class="badge">${STATUS[claim.status]}</span> <span>${kindName(claim.kind)}${claim.hedged ? ' · hedged' : ''}</span> <span class="mine">${claim.mine ? `Mine: ${VERDICT_NAME[claim.mine]}` : ''}</span><span class="t">${escapeHtml(text.length > 140 ? `${text.slice(0, 139)}…` : text)}</span></a></li>`;
    })
    .join('');
}

// The benchmark only ever opens claims the bench reviewer has not assessed, so the form starts at version 0.
function claimForm(body: string, claim: ClaimRow, sectionName: Map<string, string>): string {
  const options = (values: readonly string[], name: (value: string) => string, none: string) =>
    `<option value="">${none}</option>${values.map((v) => `<option value="${v}">${escapeHtml(name(v))}</option>`).join('')}`;
  return `<aside id="panel" class="panel" aria-label="Selected claim" data-claim="${claim.id}" data-n="${claim.n}" data-version="0">
<h2>Claim #${claim.n}</h2><p>${escapeHtml(claim.text ?? body.slice(claim.start, claim.end))}</p>
<p>${escapeHtml(sectionName.get(claim.sectionId ?? '') ?? 'Introduction')} · ${kindName(claim.kind)}${claim.hedged ? ' · hedged' : ''} · <span class="badge">${STATUS[claim.status]}</span></p>
<form><fieldset><legend>My verdict</legend>${VERDICTS.map(
    (v) =>
      `<label><input type="radio" name="verdict" value="${v}"${claim.mine === v ? ' checked' : ''}> ${VERDICT_NAME[v]}</label>`,
  ).join(' ')}</fieldset>
<label>Evidence level <select id="level" name="evidenceLevel">${options(LEVELS, levelName, 'Not set')}</select></label>
<label>Certainty <select name="certainty">${options(CERTAINTIES, words, 'Not rated')}</select></label>
<label>Rationale <textarea name="rationale"></textarea></label><p id="save-status" role="status" aria-live="polite"></p></form></aside>`;
}
