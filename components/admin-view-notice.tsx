/**
 * Shown to an instance admin on a project they are not a member of: they see it to administer it, read-only,
 * and the visit is in the audit log.
 */
export function AdminViewNotice({ projectName }: { projectName: string }) {
  return (
    <p
      role="note"
      className="mb-3 rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950"
    >
      <strong>Admin view.</strong> You are not a member of “{projectName}”: you see it read-only, as an
      instance admin, and this visit is recorded in the audit log.
    </p>
  );
}
