export function LoadingBlock({ label }: { label: string }) {
  return (
    <div role="status" className="mt-4 space-y-3">
      <p className="text-sm text-slate-600">{label}</p>
      <div className="h-20 animate-pulse rounded bg-slate-200" />
      <div className="h-20 animate-pulse rounded bg-slate-200" />
    </div>
  );
}
