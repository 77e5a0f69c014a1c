import { ZodError } from 'zod';

// The one error map. The domain throws AppError; anything else thrown (zod, Prisma, PostgreSQL, a bug) is read
// here too, and every failure leaves the app in one shape, `{ ok: false, code, message, fieldErrors?, details? }`,
// with one status: route handlers send it as JSON (errorResponse), Server Actions return it to the form
// (actionFailure). Only what the user can act on is said; anything else is logged and answered with a generic 500.

export type AppErrorCode =
  | 'BAD_REQUEST'
  | 'VALIDATION'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'TOO_LARGE'
  | 'RATE_LIMITED'
  | 'UNAVAILABLE';

export type FailureCode = AppErrorCode | 'INTERNAL';

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    /** Field errors for forms (strings), or `current`: the current state of a row for a stale write. */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (what: string) => new AppError('NOT_FOUND', `${what} was not found.`);

export const STATUS: Record<FailureCode, number> = {
  BAD_REQUEST: 400,
  VALIDATION: 422,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  TOO_LARGE: 413,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
  INTERNAL: 500,
};

export type Failure = {
  ok: false;
  code: FailureCode;
  message: string;
  fieldErrors?: Record<string, string>;
  details?: Record<string, unknown>;
};

/**
 * What a Server Action returns, and what the JSON endpoints answer. The server always sets a failure's code; a
 * client component may make up a failure of its own (the network is down) without one.
 */
export type ActionResult<T = undefined> =
  | { ok: true; message: string; data: T }
  | (Omit<Failure, 'code'> & { code?: FailureCode });

type Issues = ReadonlyArray<{ path: PropertyKey[]; message: string }>;

export const UNAVAILABLE_MESSAGE =
  'The database is not reachable right now; nothing was saved. Try again in a moment.';
const BUSY_MESSAGE = 'The database is busy right now; nothing was saved. Try again in a moment.';
const INTERNAL_MESSAGE = 'Something went wrong on our side, and nothing was saved. Please try again.';

/** Any thrown value as the one failure shape and its HTTP status. */
export function failureOf(error: unknown): { status: number; failure: Failure } {
  // next/navigation's redirect() and notFound() work by throwing; they must reach Next.js untouched.
  if (error instanceof Error && 'digest' in error && String(error.digest).startsWith('NEXT_')) throw error;
  const failure = mapError(error);
  return { status: STATUS[failure.code], failure };
}

/** A failure as a route handler's JSON response. */
export function errorResponse(error: unknown, init?: { headers?: HeadersInit }): Response {
  const { status, failure } = failureOf(error);
  const headers = new Headers(init?.headers);
  if (status === 503) headers.set('Retry-After', '2');
  return Response.json(failure, { status, headers });
}

/** A failure as a Server Action's result. */
export function actionFailure(error: unknown): Failure {
  return failureOf(error).failure;
}

/** What an action or endpoint returns for input that is not valid: a message per field, and nothing saved. */
export function validationFailure(issues: Issues): Failure {
  return {
    ok: false,
    code: 'VALIDATION',
    message: 'Nothing was saved: check the fields marked.',
    fieldErrors: fieldErrorsOf(issues),
  };
}

/** zod issues as one message per field, for display next to each field. */
export function fieldErrorsOf(issues: Issues): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) errors[String(issue.path[0] ?? 'form')] ??= issue.message;
  return errors;
}

function mapError(error: unknown): Failure {
  if (error instanceof AppError) {
    const { current, ...fields } = error.details ?? {};
    const fieldErrors = Object.fromEntries(
      Object.entries(fields).filter((e): e is [string, string] => typeof e[1] === 'string'),
    );
    return {
      ok: false,
      code: error.code,
      message: error.message,
      ...(Object.keys(fieldErrors).length ? { fieldErrors } : {}),
      ...(current === undefined ? {} : { details: { current } }),
    };
  }
  if (error instanceof ZodError) {
    const problems = error.issues.map((i) => `${i.path.join('.') || 'value'}: ${i.message}`).join('; ');
    return {
      ok: false,
      code: 'VALIDATION',
      message: `Not valid: ${problems}.`,
      fieldErrors: fieldErrorsOf(error.issues),
    };
  }
  const database = databaseFailure(error);
  if (database) return database;
  console.error(error);
  return { ok: false, code: 'INTERNAL', message: INTERNAL_MESSAGE };
}

// PostgreSQL's error classes (SQLSTATE) that say the value sent was wrong, with what the user can do about it.
const DATA_MESSAGES: Record<string, string> = {
  '22021':
    'The text contains a character that cannot be stored, such as a NUL (U+0000) character. Remove it and try again.',
  '22P05': 'The text contains a character that cannot be stored. Remove it and try again.',
  '22P02':
    'A value is not in the form expected, for example an id that is not a UUID. Check it and try again.',
  '22001': 'A value is too long to be stored. Shorten it and try again.',
  '22003': 'A number is out of range. Check it and try again.',
  '22007': 'A date or time is not valid. Check it and try again.',
  '22008': 'A date or time is out of range. Check it and try again.',
};
const DATA_MESSAGE = 'A value cannot be stored as given. Check what you entered and try again.';

function databaseFailure(error: unknown): Failure | null {
  const codes = databaseCodesOf(error);
  if (!codes.any) return null;
  if (isDatabaseUnavailable(error)) {
    console.error(`The database is not reachable: ${codes.message}`);
    return { ok: false, code: 'UNAVAILABLE', message: UNAVAILABLE_MESSAGE };
  }
  // Unable to start a transaction in time (the pool is exhausted), or a conflict that outlived its retries.
  if (codes.prisma.has('P2028') || isRetryableDatabaseError(error)) {
    console.error(`The database is busy: ${codes.message}`);
    return { ok: false, code: 'UNAVAILABLE', message: BUSY_MESSAGE };
  }
  const dataState = [...codes.sqlState].find((s) => s.startsWith('22'));
  if (dataState) return { ok: false, code: 'VALIDATION', message: DATA_MESSAGES[dataState] ?? DATA_MESSAGE };
  if (codes.sqlState.has('23505') || codes.prisma.has('P2002')) {
    return {
      ok: false,
      code: 'CONFLICT',
      message:
        'That is taken: something saved already has the same value. Change it, or reload and try again.',
    };
  }
  if (codes.sqlState.has('23503') || codes.prisma.has('P2003')) {
    return {
      ok: false,
      code: 'CONFLICT',
      message: 'It refers to something that was removed a moment ago. Reload the page and try again.',
    };
  }
  if (codes.prisma.has('P2025')) {
    return {
      ok: false,
      code: 'NOT_FOUND',
      message: 'That was not found: it may have been removed a moment ago. Reload the page.',
    };
  }
  return null;
}

/** A unique violation (23505) of this constraint, such as `Document_slug_key`: the caller may pick another value. */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  const codes = databaseCodesOf(error);
  return (codes.sqlState.has('23505') || codes.prisma.has('P2002')) && codes.constraints.has(constraint);
}

/** A serialization failure or deadlock: the transaction did nothing and can run again as it is. */
export function isRetryableDatabaseError(error: unknown): boolean {
  const codes = databaseCodesOf(error);
  return codes.sqlState.has('40001') || codes.sqlState.has('40P01') || codes.prisma.has('P2034');
}

const UNAVAILABLE_STATES = ['57P01', '57P02', '57P03', '53300'];
const UNAVAILABLE_PRISMA = ['P1001', 'P1002', 'P1008', 'P1017', 'P2024'];
const UNAVAILABLE_SOCKET = ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EPIPE', 'EHOSTUNREACH'];
const UNAVAILABLE_KINDS = ['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections'];
// node-postgres reports a lost or never-made connection with these messages and no code.
const UNAVAILABLE_MESSAGES =
  /Connection terminated|not queryable|timeout exceeded when trying to connect|Can't reach database server/;

/** The database cannot be reached, or dropped the connection: nothing was saved, and trying later may work. */
export function isDatabaseUnavailable(error: unknown): boolean {
  const codes = databaseCodesOf(error);
  return (
    [...codes.sqlState].some((s) => s.startsWith('08') || UNAVAILABLE_STATES.includes(s)) ||
    UNAVAILABLE_PRISMA.some((c) => codes.prisma.has(c)) ||
    UNAVAILABLE_SOCKET.some((c) => codes.socket.has(c)) ||
    UNAVAILABLE_KINDS.some((k) => codes.kinds.has(k)) ||
    UNAVAILABLE_MESSAGES.test(codes.message)
  );
}

type DatabaseCodes = {
  any: boolean;
  prisma: Set<string>;
  sqlState: Set<string>;
  socket: Set<string>;
  kinds: Set<string>;
  constraints: Set<string>;
  message: string;
};

// Prisma wraps a PostgreSQL error: `code` is Prisma's (P2002, P2010 for raw queries), and the driver adapter's
// error sits in `meta.driverAdapterError`, whose `cause` holds the SQLSTATE as `originalCode` and a `kind`.
// node-postgres's own errors carry the SQLSTATE, or a socket error code, as `code`, and may have a `cause`.
function databaseCodesOf(error: unknown): DatabaseCodes {
  const codes: DatabaseCodes = {
    any: false,
    prisma: new Set(),
    sqlState: new Set(),
    socket: new Set(),
    kinds: new Set(),
    constraints: new Set(),
    message: '',
  };
  const seen = new Set<unknown>();
  const visit = (value: unknown, depth: number) => {
    if (!value || typeof value !== 'object' || seen.has(value) || depth > 5) return;
    seen.add(value);
    const v = value as Record<string, unknown>;
    if (typeof v.originalCode === 'string') codes.sqlState.add(v.originalCode);
    if (typeof v.code === 'string') {
      // Prisma's own codes are P1000 and up; PL/pgSQL's SQLSTATEs P0001-P0004 look alike.
      if (UNAVAILABLE_SOCKET.includes(v.code)) codes.socket.add(v.code);
      else if (/^P[1-9]\d{3}$/.test(v.code)) codes.prisma.add(v.code);
      else if (/^[0-9A-Z]{5}$/.test(v.code)) codes.sqlState.add(v.code);
    }
    if (typeof v.kind === 'string') codes.kinds.add(v.kind);
    // node-postgres names the constraint; Prisma's adapter gives it as `{ index }`.
    const constraint = v.constraint as string | { index?: unknown } | undefined;
    if (typeof constraint === 'string') codes.constraints.add(constraint);
    else if (typeof constraint?.index === 'string') codes.constraints.add(constraint.index);
    if (typeof v.message === 'string' && v.message)
      codes.message += `${codes.message ? ' / ' : ''}${v.message}`;
    visit(v.cause, depth + 1);
    visit((v.meta as Record<string, unknown> | undefined)?.driverAdapterError, depth + 1);
  };
  visit(error, 0);
  codes.any =
    codes.prisma.size + codes.sqlState.size + codes.socket.size + codes.kinds.size > 0 ||
    UNAVAILABLE_MESSAGES.test(codes.message);
  return codes;
}
