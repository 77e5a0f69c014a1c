import crypto from 'node:crypto';
import net from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { prisma } from '@/lib/db/prisma';
import { acceptProjectInvitation } from '@/lib/invitations/accept-project-invitation';
import { inviteProjectMember } from '@/lib/invitations/invite-project-member';
import { listPendingInvitations } from '@/lib/invitations/list-pending-invitations';
import { loadInvitation } from '@/lib/invitations/load-invitation';
import { revokeProjectInvitation } from '@/lib/invitations/revoke-project-invitation';
import { sendInvitationEmail } from '@/lib/invitations/send-invitation-email';
import { signUpThroughInvitation } from '@/lib/invitations/sign-up-through-invitation';
import { addMember, createProject, createUser } from '@/tests/support/fixtures';

async function projectWithLead() {
  const project = await createProject();
  const lead = await createUser('REVIEWER', { project: null });
  await addMember(project.id, lead.id, 'LEAD');
  return { project, lead };
}

const newAddress = () => `invitee-${crypto.randomBytes(4).toString('hex')}@test.example`;

async function invite(role: 'LEAD' | 'REVIEWER' | 'VIEWER' = 'REVIEWER', email = newAddress()) {
  const { project, lead } = await projectWithLead();
  const invitation = await inviteProjectMember({ projectId: project.id, email, role, actorId: lead.id });
  return { project, lead, invitation };
}

describe('inviting', () => {
  it('keeps only the hash of a 32-byte token, lists the invitation and audits it without the token', async () => {
    const email = newAddress();
    const { project, lead, invitation } = await invite('REVIEWER', email.toUpperCase());
    expect(invitation.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const row = await prisma.projectInvitation.findUniqueOrThrow({ where: { id: invitation.id } });
    expect(row.tokenHash).toBe(crypto.createHash('sha256').update(invitation.token).digest('hex'));
    expect(row).toMatchObject({ email, role: 'REVIEWER', invitedById: lead.id });
    const days = (row.expiresAt.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(13.9);
    expect(days).toBeLessThanOrEqual(14);
    expect(await listPendingInvitations(project.id)).toEqual([
      { id: invitation.id, email, role: 'REVIEWER', expiresAt: row.expiresAt },
    ]);
    const events = await prisma.auditEvent.findMany({ where: { entityId: project.id } });
    expect(events).toEqual([
      expect.objectContaining({ action: 'project.invitation-created', actorId: lead.id }),
    ]);
    expect(JSON.stringify(events)).not.toContain(invitation.token);
  });

  it('replaces a pending invitation to the same address, so only the newest link works', async () => {
    const { project, lead, invitation: first } = await invite();
    const second = await inviteProjectMember({
      projectId: project.id,
      email: first.email,
      role: 'VIEWER',
      actorId: lead.id,
    });
    expect(await loadInvitation(first.token)).toEqual({ state: 'revoked' });
    expect(await loadInvitation(second.token)).toMatchObject({ state: 'pending', role: 'VIEWER' });
  });

  it('refuses to invite a member, and a malformed address', async () => {
    const { project, lead } = await projectWithLead();
    await expect(
      inviteProjectMember({
        projectId: project.id,
        email: (await prisma.user.findUniqueOrThrow({ where: { id: lead.id } })).email,
        role: 'VIEWER',
        actorId: lead.id,
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('already a member') });
    await expect(
      inviteProjectMember({
        projectId: project.id,
        email: 'not an address',
        role: 'VIEWER',
        actorId: lead.id,
      }),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      details: { email: expect.stringContaining('email address') },
    });
  });
});

describe('signing up through an invitation', () => {
  it('makes the account, the membership with the invited role and the used-up invitation together', async () => {
    const { project, invitation } = await invite('REVIEWER');
    expect(await loadInvitation(invitation.token)).toMatchObject({
      state: 'pending',
      projectName: project.name,
      email: invitation.email,
      accountExists: false,
    });
    const made = await signUpThroughInvitation({
      token: invitation.token,
      name: 'New Reviewer',
      password: 'a long password',
    });
    const user = await prisma.user.findUniqueOrThrow({ where: { id: made.userId } });
    expect(user).toMatchObject({ email: invitation.email, name: 'New Reviewer', role: 'REVIEWER' });
    expect(await prisma.projectMember.findMany({ where: { userId: user.id } })).toEqual([
      expect.objectContaining({ projectId: project.id, role: 'REVIEWER' }),
    ]);
    expect(await prisma.projectInvitation.findUniqueOrThrow({ where: { id: invitation.id } })).toMatchObject({
      acceptedById: user.id,
      acceptedAt: expect.any(Date),
    });
    const actions = (
      await prisma.auditEvent.findMany({ where: { entityId: project.id }, orderBy: { id: 'asc' } })
    ).map((e) => e.action);
    expect(actions).toEqual([
      'project.invitation-created',
      'project.member-added',
      'project.invitation-accepted',
    ]);
    expect(await loadInvitation(invitation.token)).toEqual({ state: 'accepted' });
  });

  it('never makes an instance admin: a lead joins with the instance rank of a reviewer', async () => {
    const { invitation } = await invite('LEAD');
    const made = await signUpThroughInvitation({
      token: invitation.token,
      name: 'New Lead',
      password: 'a long password',
    });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: made.userId } })).role).toBe('REVIEWER');
    expect((await prisma.projectMember.findFirstOrThrow({ where: { userId: made.userId } })).role).toBe(
      'LEAD',
    );
  });

  it('leaves nothing behind when the password is too short', async () => {
    const { invitation } = await invite();
    await expect(
      signUpThroughInvitation({ token: invitation.token, name: 'Short', password: 'short' }),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      details: { password: expect.stringContaining('at least 8') },
    });
    expect(await prisma.user.count({ where: { email: invitation.email } })).toBe(0);
    expect(await loadInvitation(invitation.token)).toMatchObject({ state: 'pending' });
  });

  it('sends someone who has an account to sign in instead', async () => {
    const existing = await createUser('VIEWER', { project: null });
    const { invitation } = await invite('VIEWER', existing.email);
    expect(await loadInvitation(invitation.token)).toMatchObject({ state: 'pending', accountExists: true });
    await expect(
      signUpThroughInvitation({ token: invitation.token, name: 'Again', password: 'a long password' }),
    ).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('Sign in') });
  });
});

describe('accepting as a signed-in user', () => {
  it('makes the invited account a member with the invited role', async () => {
    const existing = await createUser('VIEWER', { project: null });
    const { project, invitation } = await invite('REVIEWER', existing.email);
    await acceptProjectInvitation({ token: invitation.token, user: existing });
    expect(await prisma.projectMember.findMany({ where: { userId: existing.id } })).toEqual([
      expect.objectContaining({ projectId: project.id, role: 'REVIEWER' }),
    ]);
    expect(await loadInvitation(invitation.token)).toEqual({ state: 'accepted' });
  });

  it('refuses another account, and changes nothing', async () => {
    const invited = await createUser('VIEWER', { project: null });
    const someoneElse = await createUser('VIEWER', { project: null });
    const { invitation } = await invite('REVIEWER', invited.email);
    await expect(
      acceptProjectInvitation({ token: invitation.token, user: someoneElse }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringContaining(`This invitation is for ${invited.email}`),
    });
    expect(await prisma.projectMember.count({ where: { userId: someoneElse.id } })).toBe(0);
    expect(await loadInvitation(invitation.token)).toMatchObject({ state: 'pending' });
  });
});

describe('links that cannot be used', () => {
  const signUp = (token: string) =>
    signUpThroughInvitation({ token, name: 'Late', password: 'a long password' });

  it('says so for an unknown, expired, revoked or used link, and refuses each', async () => {
    expect(await loadInvitation('not-a-token')).toEqual({ state: 'unknown' });
    const unknown = crypto.randomBytes(32).toString('base64url');
    expect(await loadInvitation(unknown)).toEqual({ state: 'unknown' });
    await expect(signUp(unknown)).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringContaining('not valid'),
    });

    const expired = await invite();
    await prisma.projectInvitation.update({
      where: { id: expired.invitation.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect(await loadInvitation(expired.invitation.token)).toEqual({ state: 'expired' });
    await expect(signUp(expired.invitation.token)).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('expired'),
    });
    expect(await listPendingInvitations(expired.project.id)).toEqual([]);

    const revoked = await invite();
    await revokeProjectInvitation({
      projectId: revoked.project.id,
      invitationId: revoked.invitation.id,
      actorId: revoked.lead.id,
    });
    expect(await loadInvitation(revoked.invitation.token)).toEqual({ state: 'revoked' });
    await expect(signUp(revoked.invitation.token)).rejects.toMatchObject({
      message: expect.stringContaining('withdrawn'),
    });
    expect(
      await prisma.auditEvent.count({
        where: { entityId: revoked.project.id, action: 'project.invitation-revoked' },
      }),
    ).toBe(1);

    const used = await invite();
    await signUp(used.invitation.token);
    await expect(signUp(used.invitation.token)).rejects.toMatchObject({
      message: expect.stringContaining('has been used'),
    });
    await expect(
      revokeProjectInvitation({
        projectId: used.project.id,
        invitationId: used.invitation.id,
        actorId: used.lead.id,
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('lets one of two sign-ups through the same link at once succeed', async () => {
    const { invitation } = await invite();
    const results = await Promise.allSettled([signUp(invitation.token), signUp(invitation.token)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await prisma.user.count({ where: { email: invitation.email } })).toBe(1);
  });

  it("does not revoke another project's invitation", async () => {
    const { invitation } = await invite();
    const { project, lead } = await projectWithLead();
    await expect(
      revokeProjectInvitation({ projectId: project.id, invitationId: invitation.id, actorId: lead.id }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('the invitation mail', () => {
  const saved = { url: process.env.SMTP_URL, from: process.env.SMTP_FROM };
  afterEach(() => {
    process.env.SMTP_URL = saved.url;
    process.env.SMTP_FROM = saved.from;
    if (saved.url === undefined) delete process.env.SMTP_URL;
    if (saved.from === undefined) delete process.env.SMTP_FROM;
  });
  const mail = {
    to: 'invitee@test.example',
    link: 'http://review.test/invitations/abc',
    projectName: 'LDN',
    inviterName: 'Lead',
    role: 'REVIEWER' as const,
    expiresAt: new Date('2030-01-01T00:00:00Z'),
  };

  it('is not sent without SMTP settings', async () => {
    delete process.env.SMTP_URL;
    delete process.env.SMTP_FROM;
    expect(await sendInvitationEmail(mail)).toBe('not-configured');
  });

  it('is sent through the SMTP server named, with the link', async () => {
    const server = await smtpSink();
    process.env.SMTP_URL = `smtp://127.0.0.1:${server.port}`;
    process.env.SMTP_FROM = 'Evidence review <review@test.example>';
    try {
      expect(await sendInvitationEmail(mail)).toBe('sent');
      expect(server.messages).toHaveLength(1);
      expect(server.messages[0]).toContain('To: invitee@test.example');
      expect(server.messages[0]).toContain(mail.link);
    } finally {
      server.close();
    }
  });

  it('reports a failure, logging neither the password nor the link', async () => {
    const closed = await freePort();
    process.env.SMTP_URL = `smtp://mailer:hunter2-secret@127.0.0.1:${closed}`;
    process.env.SMTP_FROM = 'review@test.example';
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(await sendInvitationEmail(mail)).toBe('failed');
    const said = logged.mock.calls.flat().join(' ');
    expect(said).toContain('could not be sent');
    expect(said).not.toContain('hunter2-secret');
    expect(said).not.toContain(mail.link);
  });
});

/** A mail server that accepts every message and keeps it: enough SMTP for one client, without TLS. */
async function smtpSink() {
  const messages: string[] = [];
  const server = net.createServer((socket) => {
    let data: string | null = null;
    let buffer = '';
    socket.write('220 sink ESMTP\r\n');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      let end = buffer.indexOf('\r\n');
      while (end >= 0) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (data !== null) {
          if (line === '.') {
            messages.push(data);
            data = null;
            socket.write('250 queued\r\n');
          } else data += `${line}\n`;
        } else if (/^(EHLO|HELO)/i.test(line)) socket.write('250 sink\r\n');
        else if (/^DATA/i.test(line)) {
          data = '';
          socket.write('354 go ahead\r\n');
        } else if (/^QUIT/i.test(line)) socket.end('221 bye\r\n');
        else socket.write('250 ok\r\n');
        end = buffer.indexOf('\r\n');
      }
    });
    socket.on('error', () => {});
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as net.AddressInfo).port, messages, close: () => server.close() };
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
