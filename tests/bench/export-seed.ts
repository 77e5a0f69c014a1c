// Bulk-loads a reviewed document for the export benchmark straight into PostgreSQL: one INSERT … SELECT FROM
// unnest(…) per table, so 10,000 claims with their assessments, comments and citations load in about a second.
// The values are what the formatters find hard: curly quotes, dashes, Greek letters, commas and line breaks.
import crypto from 'node:crypto';
import type pg from 'pg';

const VERDICTS = ['SUPPORTED', 'SPECULATIVE', 'UNSUPPORTED'] as const;
const LEVELS = ['LEVEL_1', 'LEVEL_2', 'LEVEL_3', 'LEVEL_4', 'LEVEL_5', 'NONE'] as const;
const SENTENCES = [
  'LDN raises “endorphin” levels — by some 20–30 % in one small study.',
  'Effects on the κ and μ opioid receptors suggest a mood benefit, though δ receptors are not studied.',
  'A 2019 trial by Jones et al. reported a fall of −2 points on the HAM-D scale vs. placebo.',
  'Vivid dreams are the most common side effect; about one in ten patients report them.',
  'Patients should always consult their physician before combining LDN with opioid painkillers.',
];
const CLAIMS_PER_SECTION = 50;

export type BenchUsers = { reviewers: string[]; admin: string };

export async function seedUsers(client: pg.Client): Promise<BenchUsers> {
  const names = ['Ana Reviewer', 'Ben Reviewer', 'Chloé Reviewer', 'Ada Admin'];
  const ids = names.map(() => crypto.randomUUID());
  await client.query(
    `INSERT INTO "User" (id, name, email, role, "updatedAt")
     SELECT id, name, email, role::"Role", now() FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[])
       AS u(id, name, email, role)`,
    [ids, names, ids.map((id) => `${id}@bench.test`), ['REVIEWER', 'REVIEWER', 'REVIEWER', 'ADMIN']],
  );
  return { reviewers: ids.slice(0, 3), admin: ids[3] as string };
}

/** A document of `claims` claims, each assessed by two or three reviewers; returns its id. */
export async function seedDocument(client: pg.Client, claims: number, users: BenchUsers): Promise<string> {
  const documentId = crypto.randomUUID();
  const sections: { id: string; heading: string; start: number; end: number }[] = [];
  const rows: { id: string; section: string; text: string; start: number; end: number }[] = [];
  let body = `Low-dose naltrexone: ${claims} claims\n\n`;
  for (let i = 0; i < claims; i++) {
    if (i % CLAIMS_PER_SECTION === 0) {
      const heading = `Section ${i / CLAIMS_PER_SECTION + 1}: evidence, “mechanisms” and safety`;
      sections.push({
        id: crypto.randomUUID(),
        heading,
        start: body.length,
        end: body.length + heading.length,
      });
      body += `${heading}\n\n`;
    }
    const text = `Claim ${i + 1}. ${SENTENCES[i % SENTENCES.length]}`;
    rows.push({
      id: crypto.randomUUID(),
      section: sections.at(-1)?.id as string,
      text,
      start: body.length,
      end: body.length + text.length,
    });
    body += `${text}${i % 5 === 4 ? '\n\n' : ' '}`;
  }
  const project = await client.query<{ id: string }>(
    `INSERT INTO "Project" (id, name, "updatedAt") VALUES (gen_random_uuid(), 'Bench project', now())
       ON CONFLICT (name) DO UPDATE SET "updatedAt" = now() RETURNING id`,
  );
  await client.query(
    `INSERT INTO "Document" (id, slug, title, body, "projectId", "updatedAt") VALUES ($1, $2, $3, $4, $5, now())`,
    [
      documentId,
      `bench-${claims}-${documentId.slice(0, 8)}`,
      `Low-dose naltrexone: ${claims} claims`,
      body,
      project.rows[0]?.id,
    ],
  );
  await client.query(
    `INSERT INTO "Section" (id, "documentId", heading, start, "end")
     SELECT id, $1, heading, start, "end" FROM unnest($2::uuid[], $3::text[], $4::int[], $5::int[]) AS s(id, heading, start, "end")`,
    [
      documentId,
      sections.map((s) => s.id),
      sections.map((s) => s.heading),
      sections.map((s) => s.start),
      sections.map((s) => s.end),
    ],
  );

  // Reviewers agree on four claims in five; the fifth is a conflict, and every other conflict is adjudicated.
  const assessments: {
    claim: string;
    reviewer: string;
    verdict: string;
    level: string;
    rationale: string;
  }[] = [];
  const consensus: { claim: string; verdict: string | null; level: string | null }[] = [];
  const adjudications: { claim: string; verdict: string; level: string }[] = [];
  rows.forEach((row, i) => {
    const verdict = VERDICTS[i % 3] as string;
    const level = LEVELS[i % 6] as string;
    const panel = users.reviewers.slice(0, 2 + (i % 2));
    const conflict = i % 5 === 2;
    panel.forEach((reviewer, r) => {
      const own = conflict && r === 1 ? (VERDICTS[(i + 1) % 3] as string) : verdict;
      assessments.push({
        claim: row.id,
        reviewer,
        verdict: own,
        level,
        rationale: `Reviewer ${r + 1}: the cited study, n = ${20 + (i % 80)}, is small.`,
      });
    });
    const adjudicated = conflict && i % 10 === 2;
    if (adjudicated) adjudications.push({ claim: row.id, verdict, level });
    consensus.push({
      claim: row.id,
      verdict: conflict && !adjudicated ? null : verdict,
      level: conflict && !adjudicated ? null : level,
    });
  });
  const byClaim = new Map(consensus.map((c) => [c.claim, c]));
  await client.query(
    `INSERT INTO "Claim" (id, "documentId", number, "sectionId", text, quote, start, "end", prefix, suffix, kind,
       hedged, "consensusVerdict", "consensusEvidenceLevel", "consensusAt", "updatedAt")
     SELECT id, $1, number, section, text, text, start, "end", prefix, suffix, 'EFFICACY', start % 3 = 0,
       verdict::"Verdict", level::"EvidenceLevel", CASE WHEN verdict IS NULL THEN NULL ELSE now() END, now()
     FROM unnest($2::uuid[], $3::uuid[], $4::text[], $5::int[], $6::int[], $7::text[], $8::text[], $9::text[], $10::text[])
       WITH ORDINALITY AS c(id, section, text, start, "end", verdict, level, prefix, suffix, number)`,
    [
      documentId,
      rows.map((r) => r.id),
      rows.map((r) => r.section),
      rows.map((r) => r.text),
      rows.map((r) => r.start),
      rows.map((r) => r.end),
      rows.map((r) => byClaim.get(r.id)?.verdict ?? null),
      rows.map((r) => byClaim.get(r.id)?.level ?? null),
      rows.map((r) => body.slice(Math.max(0, r.start - 32), r.start)),
      rows.map((r) => body.slice(r.end, r.end + 32)),
    ],
  );
  await client.query(
    `INSERT INTO "Assessment" (id, "claimId", "reviewerId", verdict, "evidenceLevel", certainty, "downgradeReasons", rationale, "updatedAt")
     SELECT gen_random_uuid(), claim, reviewer, verdict::"Verdict", level::"EvidenceLevel", 'LOW',
       ARRAY['IMPRECISION']::"GradeDomain"[], rationale, now()
     FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[]) AS a(claim, reviewer, verdict, level, rationale)`,
    [
      assessments.map((a) => a.claim),
      assessments.map((a) => a.reviewer),
      assessments.map((a) => a.verdict),
      assessments.map((a) => a.level),
      assessments.map((a) => a.rationale),
    ],
  );
  await client.query(
    `INSERT INTO "Adjudication" (id, "claimId", "adjudicatorId", verdict, "evidenceLevel", note)
     SELECT gen_random_uuid(), claim, $1, verdict::"Verdict", level::"EvidenceLevel", 'Settled on the trial data.'
     FROM unnest($2::uuid[], $3::text[], $4::text[]) AS a(claim, verdict, level)`,
    [
      users.admin,
      adjudications.map((a) => a.claim),
      adjudications.map((a) => a.verdict),
      adjudications.map((a) => a.level),
    ],
  );
  // Every third claim gets a thread of a comment and a reply; every second a citation.
  await client.query(
    `WITH roots AS (
       INSERT INTO "Comment" (id, "claimId", "authorId", body, "updatedAt")
       SELECT gen_random_uuid(), c.id, $2, 'Which trial is this, and was it "blinded", really?' || E'\\n' || 'See p. 4.', now()
       FROM "Claim" c WHERE c."documentId" = $1 AND c.start % 3 = 0
       RETURNING id, "claimId")
     INSERT INTO "Comment" (id, "claimId", "authorId", "parentId", body, "updatedAt")
     SELECT gen_random_uuid(), "claimId", $3, id, 'The 2023 pilot; open-label.', now() FROM roots`,
    [documentId, users.reviewers[0], users.reviewers[1]],
  );
  await client.query(
    `INSERT INTO "Citation" (id, "claimId", kind, identifier, title, relation, "createdById")
     SELECT gen_random_uuid(), c.id, 'PMID', (19453976 + c.start)::text, 'Low-dose naltrexone for fibromyalgia: a pilot',
       'SUPPORTS', $2
     FROM "Claim" c WHERE c."documentId" = $1 AND c.start % 2 = 0`,
    [documentId, users.reviewers[0]],
  );
  await client.query('ANALYZE');
  return documentId;
}
