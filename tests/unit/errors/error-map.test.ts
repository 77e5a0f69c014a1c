import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import {
  AppError,
  actionFailure,
  errorResponse,
  failureOf,
  isDatabaseUnavailable,
  isRetryableDatabaseError,
  UNAVAILABLE_MESSAGE,
  validationFailure,
} from '@/lib/errors';

// The shapes below are what Prisma 7 with @prisma/adapter-pg and node-postgres were seen to throw
// (tests/integration/database-errors.test.ts checks the same against a real PostgreSQL).
const prismaError = (code: string, cause?: Record<string, unknown>) =>
  Object.assign(new Error(`Invalid invocation: ${code}`), {
    name: 'PrismaClientKnownRequestError',
    code,
    clientVersion: '7',
    meta: cause
      ? {
          driverAdapterError: Object.assign(new Error(String(cause.kind)), {
            name: 'DriverAdapterError',
            cause,
          }),
        }
      : {},
  });
const postgres = (sqlState: string, message = 'failed') =>
  prismaError('P2010', {
    originalCode: sqlState,
    originalMessage: message,
    kind: 'postgres',
    code: sqlState,
  });
const pgError = (code: string) => Object.assign(new Error('pg'), { code, severity: 'ERROR' });

describe('failureOf', () => {
  it('answers an AppError with its status, message, field errors and the current row of a stale write', () => {
    expect(failureOf(new AppError('NOT_FOUND', 'The claim was not found.'))).toEqual({
      status: 404,
      failure: { ok: false, code: 'NOT_FOUND', message: 'The claim was not found.' },
    });
    const stale = new AppError('CONFLICT', 'Changed by someone else.', { current: { version: 3 } });
    expect(failureOf(stale)).toEqual({
      status: 409,
      failure: {
        ok: false,
        code: 'CONFLICT',
        message: 'Changed by someone else.',
        details: { current: { version: 3 } },
      },
    });
    const invalid = new AppError('VALIDATION', 'Too long.', { text: 'At most 2 MB.' });
    expect(failureOf(invalid).failure.fieldErrors).toEqual({ text: 'At most 2 MB.' });
    expect(failureOf(new AppError('TOO_LARGE', 'Too big.')).status).toBe(413);
  });

  it('answers a zod error with 422, naming each field', () => {
    const result = z.object({ title: z.string() }).safeParse({ title: 1 });
    if (result.success) throw new Error('expected a failure');
    const { status, failure } = failureOf(result.error);
    expect(status).toBe(422);
    expect(failure).toMatchObject({ code: 'VALIDATION', fieldErrors: { title: expect.any(String) } });
    expect(failure.message).toMatch(/^Not valid: title: /);
  });

  it('maps PostgreSQL data errors to 422 with what to fix', () => {
    expect(
      failureOf(prismaError('P2039', { originalCode: '22021', kind: 'postgres', code: '22021' })),
    ).toEqual({
      status: 422,
      failure: { ok: false, code: 'VALIDATION', message: expect.stringContaining('NUL (U+0000)') },
    });
    expect(failureOf(prismaError('P2007', { originalCode: '22P02', kind: 'InvalidInputValue' })).status).toBe(
      422,
    );
    expect(failureOf(postgres('22001')).failure.message).toMatch(/too long/);
    expect(failureOf(postgres('22P05')).status).toBe(422);
    expect(failureOf(pgError('22021')).status).toBe(422);
  });

  it('maps a unique violation to 409, a missing row to 404', () => {
    expect(
      failureOf(prismaError('P2002', { originalCode: '23505', kind: 'UniqueConstraintViolation' })).status,
    ).toBe(409);
    expect(failureOf(postgres('23505')).status).toBe(409);
    expect(failureOf(prismaError('P2025')).status).toBe(404);
  });

  it('maps a database that cannot be reached to 503 with the same sentence everywhere', () => {
    const errorLog = vi.spyOn(console, 'error').mockImplementation(() => {});
    const unreachable = [
      prismaError('P1001', { kind: 'DatabaseNotReachable', host: '127.0.0.1', port: 1 }),
      prismaError('P2010', { kind: 'DatabaseNotReachable' }),
      prismaError('P2010', { kind: 'ConnectionClosed' }),
      postgres('57P01'),
      postgres('57P03'),
      postgres('08006'),
      pgError('57P01'),
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }),
      Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }),
      new Error('Connection terminated due to connection timeout', {
        cause: new Error('Connection terminated'),
      }),
      new Error('timeout exceeded when trying to connect'),
      new Error('Client has encountered a connection error and is not queryable'),
      prismaError('P1017'),
    ];
    for (const error of unreachable) {
      expect(isDatabaseUnavailable(error)).toBe(true);
      expect(failureOf(error)).toEqual({
        status: 503,
        failure: { ok: false, code: 'UNAVAILABLE', message: UNAVAILABLE_MESSAGE },
      });
    }
    expect(failureOf(prismaError('P2028')).status).toBe(503);
    expect(errorLog).toHaveBeenCalled();
  });

  it('answers anything else with a generic 500 that says nothing internal, and logs it', () => {
    const errorLog = vi.spyOn(console, 'error').mockImplementation(() => {});
    for (const error of [
      new TypeError('secret is undefined'),
      postgres('42P01', 'relation "User" does not exist'),
    ]) {
      const { status, failure } = failureOf(error);
      expect(status).toBe(500);
      expect(failure).toEqual({
        ok: false,
        code: 'INTERNAL',
        message: expect.not.stringMatching(/secret|User/),
      });
    }
    expect(errorLog).toHaveBeenCalledTimes(2);
  });

  it("lets Next.js's redirect and notFound through", () => {
    const redirect = Object.assign(new Error('NEXT_REDIRECT'), { digest: 'NEXT_REDIRECT;replace;/;307;' });
    expect(() => actionFailure(redirect)).toThrow(redirect);
  });
});

describe('isRetryableDatabaseError', () => {
  it('is true for a serialization failure or a deadlock only', () => {
    expect(isRetryableDatabaseError(postgres('40001'))).toBe(true);
    expect(
      isRetryableDatabaseError(
        prismaError('P2010', { originalCode: '40P01', kind: 'TransactionWriteConflict' }),
      ),
    ).toBe(true);
    expect(isRetryableDatabaseError(pgError('40P01'))).toBe(true);
    expect(isRetryableDatabaseError(prismaError('P2034'))).toBe(true);
    expect(isRetryableDatabaseError(postgres('23505'))).toBe(false);
    expect(isRetryableDatabaseError(new Error('40001'))).toBe(false);
  });
});

describe('the two presentations', () => {
  it('a route answers JSON with the status; an action returns the same failure', async () => {
    const error = new AppError('FORBIDDEN', 'Only an admin can do that.');
    const response = errorResponse(error);
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual(actionFailure(error));
    expect(validationFailure([{ path: ['title'], message: 'Too long.' }])).toEqual({
      ok: false,
      code: 'VALIDATION',
      message: 'Nothing was saved: check the fields marked.',
      fieldErrors: { title: 'Too long.' },
    });
  });

  it('a 503 tells the client when to try again', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(errorResponse(prismaError('P1001')).headers.get('Retry-After')).toBe('2');
  });
});
