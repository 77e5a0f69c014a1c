import { describe, expect, it } from 'vitest';
import { readEnv } from '@/lib/env';

describe('readEnv', () => {
  it('fills the defaults', () => {
    const env = readEnv({});
    expect(env).toMatchObject({ PORT: 3000, HOST: '0.0.0.0', EMBEDDED_POSTGRES_DIR: '.data/postgres' });
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it('treats a blank DATABASE_URL as unset', () => {
    expect(readEnv({ DATABASE_URL: '' }).DATABASE_URL).toBeUndefined();
  });

  it('says which variable is wrong and how', () => {
    expect(() => readEnv({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => readEnv({ DATABASE_URL: 'mysql://x/y' })).toThrow(
      /DATABASE_URL: must look like postgresql:/,
    );
  });
});

describe('readEnv: a read replica', () => {
  it('takes a replica of the primary, and refuses a malformed one or one without a primary', () => {
    const primary = 'postgresql://app@db-primary:5432/evidence_review';
    const replica = 'postgresql://app@db-replica:5432/evidence_review';
    expect(readEnv({ DATABASE_URL: primary, DATABASE_REPLICA_URL: replica }).DATABASE_REPLICA_URL).toBe(
      replica,
    );
    expect(readEnv({ DATABASE_URL: primary, DATABASE_REPLICA_URL: '' }).DATABASE_REPLICA_URL).toBeUndefined();
    expect(() => readEnv({ DATABASE_URL: primary, DATABASE_REPLICA_URL: 'db-replica:5432' })).toThrow(
      /DATABASE_REPLICA_URL: must look like postgresql:/,
    );
    expect(() => readEnv({ DATABASE_REPLICA_URL: replica })).toThrow(
      /DATABASE_REPLICA_URL: needs DATABASE_URL/,
    );
  });
});

describe('readEnv: mail for invitations', () => {
  it('leaves mail off when SMTP_URL is unset', () => {
    const env = readEnv({});
    expect(env.SMTP_URL).toBeUndefined();
    expect(env.SMTP_FROM).toBeUndefined();
  });

  it('takes an smtp or smtps address with a sender', () => {
    const env = readEnv({
      SMTP_URL: 'smtps://mailer:secret@mail.example.org:465',
      SMTP_FROM: 'Review <r@example.org>',
    });
    expect(env.SMTP_URL).toBe('smtps://mailer:secret@mail.example.org:465');
    expect(env.SMTP_FROM).toBe('Review <r@example.org>');
  });

  it('refuses another scheme, and a mail server without a sender, without repeating the password', () => {
    expect(() => readEnv({ SMTP_URL: 'http://mail.example.org', SMTP_FROM: 'r@example.org' })).toThrow(
      /SMTP_URL: must look like smtp:/,
    );
    let message = '';
    try {
      readEnv({ SMTP_URL: 'smtp://mailer:hunter2-secret@mail.example.org:587' });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/SMTP_FROM: must be set when SMTP_URL is/);
    expect(message).not.toContain('hunter2-secret');
  });
});

describe('readEnv: settings several instances share', () => {
  it('takes a Server Actions key of 16, 24 or 32 bytes in base64, and a build id', () => {
    const key = Buffer.alloc(32, 7).toString('base64');
    expect(readEnv({ NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: key, APP_BUILD_ID: 'v1.2-abc' })).toMatchObject({
      NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: key,
      APP_BUILD_ID: 'v1.2-abc',
    });
  });

  it('says how to make a key when the one given is not one', () => {
    for (const key of ['secret', Buffer.alloc(20).toString('base64'), 'not base64!!']) {
      expect(() => readEnv({ NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: key })).toThrow(
        /NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: must be 16, 24 or 32 random bytes in base64 \(try: openssl rand -base64 32\)/,
      );
    }
    expect(() => readEnv({ APP_BUILD_ID: 'has spaces' })).toThrow(/APP_BUILD_ID/);
  });
});

describe('readEnv: where citations are looked up', () => {
  it('defaults to the public PubMed E-utilities and Crossref, and takes a mirror or a local replay', () => {
    expect(readEnv({})).toMatchObject({
      PUBMED_BASE_URL: 'https://eutils.ncbi.nlm.nih.gov/entrez/eutils',
      CROSSREF_BASE_URL: 'https://api.crossref.org',
    });
    expect(readEnv({ PUBMED_BASE_URL: 'http://127.0.0.1:8080/pubmed' }).PUBMED_BASE_URL).toBe(
      'http://127.0.0.1:8080/pubmed',
    );
  });

  it('refuses what is not a web address, saying what to write', () => {
    expect(() => readEnv({ CROSSREF_BASE_URL: 'api.crossref.org' })).toThrow(
      /CROSSREF_BASE_URL: must be an address like https:\/\/api.crossref.org/,
    );
    expect(() => readEnv({ PUBMED_BASE_URL: 'ftp://eutils.example.org' })).toThrow(
      /PUBMED_BASE_URL: must be/,
    );
  });
});

describe('readEnv: the database pool', () => {
  it('keeps 10 connections by default and takes a whole number from 2 to 200', () => {
    expect(readEnv({}).DATABASE_POOL_SIZE).toBe(10);
    expect(readEnv({ DATABASE_POOL_SIZE: '4' }).DATABASE_POOL_SIZE).toBe(4);
    for (const wrong of ['1', '201', '2.5', 'many']) {
      expect(() => readEnv({ DATABASE_POOL_SIZE: wrong })).toThrow(
        /DATABASE_POOL_SIZE: must be a whole number of connections from 2 to 200/,
      );
    }
  });
});
