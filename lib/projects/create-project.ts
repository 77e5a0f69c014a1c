import { z } from 'zod';
import { writeAuditEvent } from '@/lib/audit/audit-event';
import { type Tx, transaction } from '@/lib/db/prisma';
import { multiLineText, singleLineText } from '@/lib/domain/input-schemas';
import { AppError, fieldErrorsOf, isUniqueViolation } from '@/lib/errors';

export const NewProject = z.object({
  name: singleLineText()
    .trim()
    .min(1, 'Give the project a name.')
    .max(120, 'A project name can be at most 120 characters.'),
  description: multiLineText()
    .trim()
    .max(2_000, 'A description can be at most 2,000 characters.')
    .default(''),
});

/**
 * Creates a review project (an instance admin's task; the guard checks that). Whoever creates it becomes its
 * first lead, unless they are the first-run seed (actorId null).
 */
export async function createProject(
  options: z.input<typeof NewProject> & { actorId: string | null; tx?: Tx },
): Promise<{ id: string; name: string }> {
  const parsed = NewProject.safeParse(options);
  if (!parsed.success) {
    throw new AppError(
      'VALIDATION',
      'The project was not created: check the fields marked.',
      fieldErrorsOf(parsed.error.issues),
    );
  }
  const { name, description } = parsed.data;
  const run = async (tx: Tx) => {
    const project = await tx.project.create({
      data: { name, description },
      select: { id: true, name: true },
    });
    if (options.actorId) {
      await tx.projectMember.create({
        data: { projectId: project.id, userId: options.actorId, role: 'LEAD' },
      });
    }
    await writeAuditEvent(tx, {
      actorId: options.actorId,
      action: 'project.created',
      entityType: 'Project',
      entityId: project.id,
      after: { name, description },
    });
    return project;
  };
  try {
    return options.tx ? await run(options.tx) : await transaction(run);
  } catch (e) {
    if (isUniqueViolation(e, 'Project_name_key')) {
      const message = `There is already a project called "${name}". Choose another name.`;
      throw new AppError('CONFLICT', message, { name: message });
    }
    throw e;
  }
}
