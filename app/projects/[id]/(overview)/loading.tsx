// In a route group of its own, so that it wraps the project's overview alone: the members and settings pages
// check the lead in their own layouts, which must run before anything streams for a 403 to be a 403.
import { LoadingBlock } from '@/components/loading-block';

export default function Loading() {
  return <LoadingBlock label="Loading the project…" />;
}
