-- Live review reaches the dashboard too: a document imported into a project, and an assignment given or taken
-- back, change what the dashboard and the workspace show, so they are announced like review changes.
DROP TRIGGER "AuditEvent_announce_review_change" ON "AuditEvent";

CREATE TRIGGER "AuditEvent_announce_review_change"
  AFTER INSERT ON "AuditEvent"
  FOR EACH ROW
  WHEN (NEW."documentId" IS NOT NULL AND (
    split_part(NEW.action, '.', 1) IN ('assessment', 'consensus', 'comment', 'citation', 'claim', 'assignment')
    OR NEW.action IN ('document.review-mode-changed', 'document.imported')))
  EXECUTE FUNCTION announce_review_change();
