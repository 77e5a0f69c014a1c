// The change every receiver times: a reviewer's comment on a claim, written as the app writes one (the comment
// and its audit event in one transaction, whose trigger announces it), on a connection of the bench's own. The
// bench knows the moment it asked for the commit, so the LISTEN baseline and the app's event streams are timed
// from one and the same instant.
import crypto from 'node:crypto';
import { performance } from 'node:perf_hooks';
import pg from 'pg';

export type Written = {
  /** performance.now() when COMMIT was sent: every receiver's time is measured from here. */
  committing: number;
  /** performance.now() when the commit was acknowledged. */
  committed: number;
};

export async function openWriter(url: string, options: { documentId: string; writerId: string }) {
  const client = new pg.Client({ connectionString: url, application_name: 'live bench writer' });
  await client.connect();
  return {
    async comment(claimId: string): Promise<Written> {
      const commentId = crypto.randomUUID();
      await client.query('BEGIN');
      await client.query(
        `INSERT INTO "Comment" (id, "claimId", "authorId", body, "updatedAt")
         VALUES ($1, $2, $3, 'Which trial was this?', now())`,
        [commentId, claimId, options.writerId],
      );
      await client.query(
        `INSERT INTO "AuditEvent" (id, "actorId", action, "entityType", "entityId", "documentId", "claimId", after)
         VALUES (gen_random_uuid(), $1, 'comment.added', 'Comment', $2, $3, $4, '{"body":"Which trial was this?"}')`,
        [options.writerId, commentId, options.documentId, claimId],
      );
      const committing = performance.now();
      await client.query('COMMIT');
      return { committing, committed: performance.now() };
    },
    close: () => client.end(),
  };
}
