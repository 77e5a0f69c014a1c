import nodemailer from 'nodemailer';
import { readEnv } from '@/lib/env';
import { PROJECT_ROLE_LABEL, type ProjectRole } from '@/lib/projects/project-access';

export type InvitationMailOutcome = 'sent' | 'not-configured' | 'failed';

/**
 * Mails an invitation link when SMTP_URL and SMTP_FROM are set; without them nothing is sent and the lead copies
 * the link. Called after the invitation is committed: a mail server that is down or refuses the message is
 * reported to the lead, and the invitation stands. Neither the link nor the server's password is ever logged.
 */
export async function sendInvitationEmail(options: {
  to: string;
  link: string;
  projectName: string;
  inviterName: string;
  role: ProjectRole;
  expiresAt: Date;
}): Promise<InvitationMailOutcome> {
  const { SMTP_URL, SMTP_FROM } = readEnv();
  if (!SMTP_URL || !SMTP_FROM) return 'not-configured';
  const role = PROJECT_ROLE_LABEL[options.role].toLowerCase();
  const until = options.expiresAt.toISOString().slice(0, 10);
  try {
    // A mail server that does not answer must not keep the lead waiting for minutes (the library's defaults).
    const transport = nodemailer.createTransport({
      url: SMTP_URL,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 20_000,
    });
    await transport.sendMail({
      from: SMTP_FROM,
      to: options.to,
      subject: `Join "${options.projectName}" on Evidence review`,
      text: [
        `${options.inviterName} invites you to the review project "${options.projectName}" as a ${role}.`,
        '',
        'Open this link to join:',
        options.link,
        '',
        `The link works once, until ${until}. If you did not expect it, ignore this mail.`,
      ].join('\n'),
    });
    transport.close();
    return 'sent';
  } catch (e) {
    const { code, responseCode } = e as { code?: string; responseCode?: number };
    console.error(
      `The invitation mail to ${options.to} could not be sent (${[code, responseCode].filter(Boolean).join(' ') || 'no code'}).`,
    );
    return 'failed';
  }
}
