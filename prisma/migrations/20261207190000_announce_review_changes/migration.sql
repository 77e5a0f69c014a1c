-- Live review: every change a reviewer makes to a document (assessments, consensus, comments, citations, claim
-- edits and adjudications, the review mode) is announced by NOTIFY on the channel review_changes. The trigger
-- fires on the change's audit event, which every such change writes in its own transaction: a rolled-back change
-- announces nothing, and no use case can forget to announce. The payload names the rows, never their content;
-- the app's listener checks who may hear of it (lib/live/).
CREATE FUNCTION announce_review_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('review_changes', json_build_object(
    'documentId', NEW."documentId", 'claimId', NEW."claimId", 'action', NEW.action, 'actorId', NEW."actorId")::text);
  RETURN NULL;
END
$$;

CREATE TRIGGER "AuditEvent_announce_review_change"
  AFTER INSERT ON "AuditEvent"
  FOR EACH ROW
  WHEN (NEW."documentId" IS NOT NULL AND (
    split_part(NEW.action, '.', 1) IN ('assessment', 'consensus', 'comment', 'citation', 'claim')
    OR NEW.action = 'document.review-mode-changed'))
  EXECUTE FUNCTION announce_review_change();
