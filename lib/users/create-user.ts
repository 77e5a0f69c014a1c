import { z } from 'zod';
import { writeAuditEvent } from '@/lib/audit/audit-event';
import { hashPassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@/lib/auth/password';
import { ROLES, type Role } from '@/lib/auth/permissions';
import { type Tx, transaction } from '@/lib/db/prisma';
import { singleLineText } from '@/lib/domain/input-schemas';
import { AppError, fieldErrorsOf, isUniqueViolation } from '@/lib/errors';

export const NewUser = z.object({
  name: singleLineText()
    .trim()
    .min(1, 'Give the person a name.')
    .max(200, 'A name can be at most 200 characters.'),
  email: singleLineText().trim().toLowerCase().pipe(z.email('Enter an email address like name@example.org.')),
  role: z.enum(ROLES, { error: 'Choose admin, reviewer or viewer.' }),
  // Length only, as OWASP advises: no composition rules.
  password: z
    .string()
    .min(PASSWORD_MIN_LENGTH, `A password needs at least ${PASSWORD_MIN_LENGTH} characters.`)
    .max(PASSWORD_MAX_LENGTH, `A password can be at most ${PASSWORD_MAX_LENGTH} characters.`),
});

/**
 * Creates a user who signs in with email and password. actorId is null for the first-run command and for a
 * sign-up through an invitation, which passes its transaction so that the account and the membership commit
 * together.
 */
export async function createUser(options: z.input<typeof NewUser> & { actorId: string | null; tx?: Tx }) {
  const parsed = NewUser.safeParse(options);
  if (!parsed.success) {
    throw new AppError(
      'VALIDATION',
      'The user was not created: check the fields marked.',
      fieldErrorsOf(parsed.error.issues),
    );
  }
  const { name, email, role, password } = parsed.data;
  const hash = await hashPassword(password);
  const taken = () => {
    const message = `There is already a user with the email ${email}.`;
    return new AppError('CONFLICT', message, { email: message });
  };
  const run = async (tx: Tx) => {
    if (await tx.user.findUnique({ where: { email }, select: { id: true } })) throw taken();
    // Two creations of one address at once (two admins, two instances seeding their demo accounts) both pass
    // the check above; the unique key stops the second, which gets the same answer.
    const user = await tx.user
      .create({ data: { name, email, role: role as Role, emailVerified: true } })
      .catch((e: unknown) => {
        throw isUniqueViolation(e, 'User_email_key') ? taken() : e;
      });
    await tx.account.create({
      data: { userId: user.id, accountId: user.id, providerId: 'credential', password: hash },
    });
    await writeAuditEvent(tx, {
      actorId: options.actorId,
      action: 'user.created',
      entityType: 'User',
      entityId: user.id,
      after: { name, email, role },
    });
    return { id: user.id, name, email, role };
  };
  return options.tx ? run(options.tx) : transaction(run);
}
