/**
 * A link, after " · ", to the versions a document past its first one replaced, each readable with its review as
 * it was: "Version 3 · earlier versions" in the workspace, which names no version otherwise, and "earlier
 * versions" where the version is already named.
 */
export function VersionsLink({ documentId, version }: { documentId: string; version?: number }) {
  return (
    <>
      {' · '}
      <a href={`/documents/${documentId}/versions`} className="text-sky-800 underline underline-offset-2">
        {version ? `Version ${version} · earlier versions` : 'earlier versions'}
      </a>
    </>
  );
}
