import { revalidatePath } from 'next/cache';

/** Settings change what the project's pages show: its name everywhere, and with a new rule every claim's status. */
export function revalidateProject(projectId: string) {
  revalidatePath(`/projects/${projectId}`, 'layout');
  revalidatePath('/');
}
