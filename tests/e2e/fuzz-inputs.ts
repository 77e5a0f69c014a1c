// The hostile requests the fuzz test sends: fast-check arbitraries for what a careless or malicious client puts
// in text, ids, JSON, multipart, query strings and headers, and one request generator per entry point.
import fc from 'fast-check';
import { ROLES } from '@/lib/auth/permissions';
import { IMPORT_FORMATS, IMPORT_MAX_BYTES } from '@/lib/documents/import-input';
import {
  CERTAINTIES,
  CITATION_RELATIONS,
  EVIDENCE_LEVELS,
  GRADE_DOMAINS,
  REVIEW_MODES,
  VERDICTS,
} from '@/lib/domain/vocabulary';
import type { BuiltAction } from './server-actions';

export type Persona = 'signedOut' | 'admin' | 'reviewer' | 'viewer' | 'spare';

/** A body to send; big ones are described, and built only when sent. */
export type FuzzBody =
  | { kind: 'text'; text: string }
  | { kind: 'bytes'; bytes: readonly number[] }
  | { kind: 'filler'; size: number; head: string; tail: string }
  | { kind: 'multipart'; fields: [string, string][]; file?: FuzzFile };

export type FuzzFile = { name: string; type: string; head: string; nulAt?: number; size: number };

export type FuzzRequest = {
  target: string;
  method: 'GET' | 'POST' | 'PUT';
  /** Already percent-encoded where it must be: raw bytes a client may send, not what a browser would. */
  path: string;
  persona: Persona;
  headers: Record<string, string>;
  body?: FuzzBody;
};

/** What the fuzz test made for itself before it starts, so generated requests can also hit real rows. */
export type FuzzContext = {
  origin: string;
  /** Documents the fuzz test imported: the only ones it sends, so it changes no other test's data. */
  ownDocumentIds: string[];
  claimIds: string[];
  sectionIds: string[];
  commentIds: string[];
  citationIds: string[];
  /** Users the fuzz test created, the only ones an admin action may change. */
  userIds: string[];
  /** An account only the fuzz test signs in with, so a hostile `next` meets a sign-in that succeeds. */
  account: { email: string; password: string };
  actions: BuiltAction[];
};

// Characters that have broken text handling somewhere: C0/C1 controls and NUL, odd whitespace, lone
// surrogates, direction marks, noncharacters, decomposed forms, React Flight's `$` markers, markup and SQL.
const ODD = [
  '\u0000',
  '\u0001',
  '\u0007',
  '\b',
  '\t',
  '\n',
  '\v',
  '\f',
  '\r',
  '\r\n',
  '\u001b',
  '\u007f',
  '\u0085',
  '\u009b',
  '\u00a0',
  '\u1680',
  '\u180e',
  '\u2028',
  '\u2029',
  '\u200b',
  '\u200e',
  '\u202e',
  '\u3000',
  '\ufeff',
  '\ufffe',
  '\uffff',
  '\ud800',
  '\udfff',
  '\ud83d',
  '\ude00x',
  '😀',
  '👩🏽‍⚕️',
  'e\u0301',
  '\u212b',
  'ﬀ',
  'İ',
  'ß',
  '$',
  '$$',
  '$@1',
  '$Q1',
  '$K0',
  '%00',
  '%0A',
  '\\',
  '"',
  "'",
  '`',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '](javascript:alert(1))',
  '../',
  '=HYPERLINK("http://evil.example")',
  '\'; DROP TABLE "Claim"; --',
  ' ',
  '  ',
  'a',
  'Fuzz: LDN may reduce fatigue in 12 of 20 adults.',
] as const;

const piece = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...ODD) },
  { weight: 2, arbitrary: fc.string({ maxLength: 16 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
);

/** Just past the limits the app states (titles, notes, comments, rationales, claim text). */
const LIMITS = [201, 301, 321, 1025, 2001, 5001, 10_001] as const;

const longText = fc
  .tuple(fc.array(piece, { minLength: 1, maxLength: 3 }), fc.constantFrom(...LIMITS))
  .map(([parts, length]) => {
    const unit = parts.join('') || 'x';
    return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
  });

/** Text a hostile client sends in any string field. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  { weight: 8, arbitrary: fc.array(piece, { maxLength: 10 }).map((p) => p.join('')) },
  { weight: 1, arbitrary: longText },
);

/** Any JSON value, with the odd numbers that trip parsers and integer columns. */
const anyJson: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileText },
  {
    weight: 2,
    arbitrary: fc.constantFrom(-1, 0, 1.5, -0, 2 ** 31, 2 ** 53, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2),
  },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.array(hostileText, { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.dictionary(hostileText, hostileText, { maxKeys: 3 }) },
);

/** Ids that are not uuids, uuids of nothing, and the ids of real rows. */
function idFrom(real: readonly string[]): fc.Arbitrary<string> {
  const malformed = fc.constantFrom(
    '',
    'x',
    'not-a-uuid',
    '00000000-0000-0000-0000-000000000000',
    'ffffffff-ffff-ffff-ffff-ffffffffffff',
    '01a24efa-d0c4-76bc-bef9-3b08147ab19',
    '01a24efa-d0c4-76bc-bef9-3b08147ab193\u0000',
    '{01a24efa-d0c4-76bc-bef9-3b08147ab193}',
    '../../etc/passwd',
    "1' OR '1'='1",
    'x'.repeat(5000),
  );
  const arbitraries = [
    { weight: 1, arbitrary: fc.uuid() },
    { weight: 1, arbitrary: fc.uuid().map((u) => u.toUpperCase()) },
    { weight: 1, arbitrary: malformed },
    { weight: 1, arbitrary: hostileText },
  ];
  if (real.length > 0) arbitraries.push({ weight: 6, arbitrary: fc.constantFrom(...real) });
  return fc.oneof(...arbitraries);
}

/** A value that is usually right for the field, so requests get past validation, and sometimes anything. */
const usually = <T>(valid: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 3, arbitrary: valid as fc.Arbitrary<unknown> }, { weight: 1, arbitrary: anyJson });

const sentence = fc.oneof(fc.constant('Fuzz note: the trial was small.'), hostileText);

/** `next` values that have led somewhere they should not: controls, odd whitespace, other hosts. */
const NEXT_TRAPS = [
  '/',
  '/documents/new',
  '//evil.example',
  '/\\evil.example',
  '/\t/evil.example',
  '/\n/evil.example',
  '/\r\nSet-Cookie: x=1',
  '/\u3000/evil.example',
  '\u3000/',
  ' /',
  'https://evil.example',
  'http:evil.example',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  '/login?next=//evil.example',
  '/..//evil.example',
  '/%2F/evil.example',
  '/%5Cevil.example',
  '/\u0000',
  '/\ud800',
  '@evil.example',
] as const;

const nextValue = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NEXT_TRAPS) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...NEXT_TRAPS), hostileText).map(([a, b]) => a + b) },
  { weight: 1, arbitrary: hostileText },
);

/** Every field any action reads, each with values that pass its schema and values that do not. */
function actionFields(ctx: FuzzContext) {
  const email = fc.oneof(
    fc.constant(ctx.account.email),
    fc.nat().map((n) => `fuzz-${n}@throwaway.test`),
    hostileText,
  );
  return {
    documentId: usually(idFrom(ctx.ownDocumentIds)),
    claimId: usually(idFrom(ctx.claimIds)),
    commentId: usually(idFrom(ctx.commentIds)),
    parentId: usually(fc.option(idFrom(ctx.commentIds))),
    citationId: usually(idFrom(ctx.citationIds)),
    userId: usually(idFrom(ctx.userIds)),
    version: usually(fc.integer({ min: 0, max: 3 })),
    at: usually(fc.integer({ min: 0, max: 200 })),
    start: usually(fc.integer({ min: 0, max: 400 })),
    end: usually(fc.integer({ min: 0, max: 400 })),
    confirmed: usually(fc.boolean()),
    active: usually(fc.boolean()),
    resolved: usually(fc.boolean()),
    verdict: usually(fc.constantFrom(...VERDICTS)),
    evidenceLevel: usually(fc.constantFrom(...EVIDENCE_LEVELS)),
    mode: usually(fc.constantFrom(...REVIEW_MODES)),
    role: usually(fc.constantFrom(...ROLES)),
    relation: usually(fc.constantFrom(...CITATION_RELATIONS)),
    identifier: usually(
      fc.constantFrom(
        'PMID: 12345678',
        '10.1000/xyz123',
        'https://example.org/trial',
        'javascript:alert(1)',
        'data:text/html,x',
        'pmid:0',
        'doi:10.',
      ),
    ),
    text: usually(sentence),
    body: usually(sentence),
    note: usually(sentence),
    title: usually(sentence),
    author: usually(sentence),
    studyDesign: usually(sentence),
    name: usually(sentence),
    email: usually(email),
    password: usually(fc.constantFrom('fuzz-password-123', 'short', '')),
    next: usually(nextValue),
    format: usually(fc.constantFrom(...IMPORT_FORMATS)),
    sourceUrl: usually(sourceUrl),
    publishedOn: usually(fc.constantFrom('2024-02-14', '2024-02-30', '0000-00-00', '99999-01-01', '')),
  };
}

const sourceUrl = fc.constantFrom(
  'https://example.org/article',
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  'data:text/html,<b>x</b>',
  'http://',
  'ftp://example.org/x',
  'https://exa mple.org',
  '',
);

/** Origins a POST may carry: ours, none, another site, `null`, another port, and ones that do not parse. */
function originHeader(ctx: FuzzContext): fc.Arbitrary<string | undefined> {
  const port = new URL(ctx.origin).port;
  return fc.oneof(
    { weight: 8, arbitrary: fc.constant(ctx.origin) },
    { weight: 2, arbitrary: fc.constant(undefined) },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        'https://evil.example',
        'null',
        'http://127.0.0.1:1',
        `http://localhost:${port}`,
        `https://127.0.0.1:${port}`,
        `http://127.0.0.1:${port}.evil.example`,
        'not a url',
        'http://[::1',
      ),
    },
  );
}

// Each request claims its own client address, so the sign-in limit it spends is nobody else's: never empty
// and never 127.0.0.1, which is every other test's address.
const forwardedFor = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(fc.nat(255), fc.nat(255)).map(([a, b]) => `198.18.${a}.${b}`) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      'garbage',
      '::1',
      '198.19.0.1, 127.0.0.1',
      `198.19.${'9'.repeat(300)}`,
      '[::ffff:1]',
    ),
  },
);

const persona = fc.constantFrom<Persona>('signedOut', 'admin', 'reviewer', 'viewer');

function common(ctx: FuzzContext, extra: fc.Arbitrary<Record<string, string>> = fc.constant({})) {
  return fc.record({ persona, origin: originHeader(ctx), xff: forwardedFor, extra }).map((c) => ({
    persona: c.persona,
    headers: {
      'X-Forwarded-For': c.xff,
      ...(c.origin === undefined ? {} : { Origin: c.origin }),
      ...c.extra,
    },
  }));
}

/** Bytes percent-encoded for a URL, where lone surrogates become U+FFFD like any UTF-8 encoder makes them. */
export function percentEncode(s: string): string {
  return [...Buffer.from(s, 'utf8')]
    .map((b) => (/[A-Za-z0-9\-_.~]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${hex(b)}`))
    .join('');
}

const hex = (b: number) => b.toString(16).toUpperCase().padStart(2, '0');

/** A path segment: usually encoded, sometimes the raw bytes a client should not send. */
const segment = (id: fc.Arbitrary<string>) =>
  fc
    .tuple(id, fc.boolean())
    .map(([v, raw]) => (raw ? v.replace(/[\s?#]/g, encodeURIComponent) : percentEncode(v)));

const JSON_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset=utf-16',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data',
  'multipart/form-data; boundary=x',
  '',
] as const;

/** A JSON request body: the object itself, or JSON that does not parse, or bytes that are not UTF-8. */
function jsonBody(object: fc.Arbitrary<unknown>): fc.Arbitrary<FuzzBody> {
  return fc.oneof(
    { weight: 8, arbitrary: object.map((o) => ({ kind: 'text' as const, text: JSON.stringify(o) ?? '' })) },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom(
          '',
          '{',
          '{"text":',
          'null',
          '[]',
          '"x"',
          '{"a":1}}',
          '\u0000',
          '{"text":"\\ud800"}',
          'NaN',
        )
        .map((text) => ({ kind: 'text' as const, text })),
    },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom(
          [0xff, 0xfe, 0x7b, 0x7d],
          [0x7b, 0x22, 0xc3, 0x28, 0x22, 0x3a, 0x31, 0x7d],
          [0xed, 0xa0, 0x80],
        )
        .map((bytes) => ({ kind: 'bytes' as const, bytes })),
    },
  );
}

/** `POST /api/documents` with JSON. */
export function importJson(ctx: FuzzContext): fc.Arbitrary<FuzzRequest> {
  const fields = actionFields(ctx);
  const document = fc.record(
    {
      title: fields.title,
      text: fields.text,
      format: fields.format,
      sourceUrl: fields.sourceUrl,
      author: fields.author,
    },
    { requiredKeys: [] },
  );
  const body = fc.oneof(
    {
      weight: 12,
      arbitrary: jsonBody(fc.oneof({ weight: 8, arbitrary: document }, { weight: 1, arbitrary: anyJson })),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom(IMPORT_MAX_BYTES + 64 * 1024 + 1, IMPORT_MAX_BYTES + 1).map((size) => ({
        kind: 'filler' as const,
        size,
        head: '{"format":"TEXT","text":"',
        tail: '"}',
      })),
    },
  );
  const type = fc.oneof(
    { weight: 8, arbitrary: fc.constant('application/json') },
    { weight: 1, arbitrary: fc.constantFrom(...JSON_TYPES) },
  );
  return fc.record({ c: common(ctx), body, type }).map(({ c, body, type }) => ({
    target: 'import (JSON)',
    method: 'POST',
    path: '/api/documents',
    persona: c.persona,
    headers: { ...c.headers, ...(type ? { 'Content-Type': type } : {}) },
    body,
  }));
}

/** `POST /api/documents` with multipart: a file that is text, binary, NUL late, too big, or missing. */
export function importMultipart(ctx: FuzzContext): fc.Arbitrary<FuzzRequest> {
  const file = fc.record({
    name: fc.oneof(
      fc.constantFrom(
        'article.txt',
        'article.md',
        'article.html',
        'rows.csv',
        'a.pdf',
        'a.bin',
        'noext',
        '.txt',
        'A.TXT',
      ),
      hostileText.map((s) => `${s}.txt`),
    ),
    type: fc.constantFrom('text/plain', 'text/html', 'application/octet-stream', ''),
    head: fc.oneof(fc.constant('Fuzz article\n\nLDN may reduce fatigue. It is cheap.\n'), hostileText),
    // A NUL early, just past the first 64 KB a sniffer reads, or at the very end.
    nulAt: fc.option(fc.constantFrom(0, 10, 64 * 1024 + 1, 100_000 - 1), { nil: undefined }),
    size: fc.constantFrom(0, 50, 2000, 100_000, IMPORT_MAX_BYTES + 1),
  });
  const fields = fc.array(
    fc.tuple(
      fc.constantFrom('title', 'sourceUrl', 'author', 'format', 'text', 'file'),
      fc.oneof(sourceUrl, hostileText),
    ),
    { maxLength: 3 },
  );
  const body = fc
    .record({ fields, file: fc.option(file, { nil: undefined, freq: 6 }) })
    .map(({ fields, file }) => ({ kind: 'multipart' as const, fields, file }));
  return fc.record({ c: common(ctx), body }).map(({ c, body }) => ({
    target: 'import (multipart)',
    method: 'POST',
    path: '/api/documents',
    persona: c.persona,
    headers: c.headers,
    body,
  }));
}

/** `PUT /api/claims/{id}/assessment`, the save. */
export function save(ctx: FuzzContext): fc.Arbitrary<FuzzRequest> {
  const f = actionFields(ctx);
  const assessment = fc.record(
    {
      verdict: f.verdict,
      evidenceLevel: f.evidenceLevel,
      certainty: usually(fc.constantFrom(...CERTAINTIES, null)),
      downgradeReasons: usually(fc.subarray([...GRADE_DOMAINS])),
      rationale: usually(fc.option(sentence)),
      version: f.version,
    },
    { requiredKeys: [] },
  );
  const body = fc.oneof(
    {
      weight: 12,
      arbitrary: jsonBody(fc.oneof({ weight: 8, arbitrary: assessment }, { weight: 1, arbitrary: anyJson })),
    },
    {
      weight: 1,
      // Just over the 32 KB limit, and the 200 KB that once left the rest unread on a kept-alive connection.
      arbitrary: fc.constantFrom(32 * 1024 + 1, 200 * 1024).map((size) => ({
        kind: 'filler' as const,
        size,
        head: '{"verdict":"SUPPORTED","evidenceLevel":"LEVEL_2","version":0,"rationale":"',
        tail: '"}',
      })),
    },
  );
  const type = fc.oneof(
    { weight: 8, arbitrary: fc.constant('application/json') },
    { weight: 1, arbitrary: fc.constantFrom(...JSON_TYPES) },
  );
  return fc
    .record({ c: common(ctx), id: segment(idFrom(ctx.claimIds)), body, type })
    .map(({ c, id, body, type }) => ({
      target: 'save',
      method: 'PUT',
      path: `/api/claims/${id}/assessment`,
      persona: c.persona,
      headers: { ...c.headers, ...(type ? { 'Content-Type': type } : {}) },
      body,
    }));
}

const EXPORT_FORMATS = ['md', 'csv', 'json', 'jsonld', 'annotations', 'pdf'] as const;

/** `GET /documents/{id}/export?…`: formats, filters and sections, repeated, blank, unknown and malformed. */
export function exportQuery(ctx: FuzzContext): fc.Arbitrary<FuzzRequest> {
  const value = (valid: fc.Arbitrary<string>) =>
    fc.oneof(
      { weight: 4, arbitrary: valid.map(percentEncode) },
      { weight: 1, arbitrary: hostileText.map(percentEncode) },
      {
        weight: 1,
        arbitrary: fc.constantFrom(
          '%',
          '%ZZ',
          '%ED%A0%80',
          '%FF',
          '%00',
          '%0A',
          '%E3%80%80',
          '+',
          '&&',
          '==',
        ),
      },
    );
  const param = fc.oneof(
    fc.tuple(fc.constant('format'), value(fc.constantFrom(...EXPORT_FORMATS, 'PDF', 'xml', ''))),
    fc.tuple(
      fc.constant('only'),
      value(fc.constantFrom('conflicts', 'unsupported', '', ' conflicts', 'all')),
    ),
    fc.tuple(fc.constant('section'), value(idFrom(ctx.sectionIds))),
    fc.tuple(hostileText.map(percentEncode), value(hostileText)),
  );
  const query = fc.array(param, { maxLength: 5 }).map((ps) => ps.map(([k, v]) => `${k}=${v}`).join('&'));
  return fc
    .record({ c: common(ctx), id: segment(idFrom(ctx.ownDocumentIds)), query, bare: fc.boolean() })
    .map(({ c, id, query, bare }) => ({
      target: 'export',
      method: 'GET',
      path: `/documents/${id}/export${query || !bare ? `?${query}` : ''}`,
      persona: c.persona,
      headers: c.headers,
    }));
}

/** `GET /login?next=…`, signed in (which redirects there) and out. */
export function loginNext(ctx: FuzzContext): fc.Arbitrary<FuzzRequest> {
  const raw = fc.oneof(
    { weight: 3, arbitrary: nextValue.map(percentEncode) },
    {
      weight: 2,
      arbitrary: fc
        .array(
          fc.constantFrom(
            '/',
            '%2F',
            '%0A',
            '%0D',
            '%09',
            '%00',
            '%E3%80%80',
            '%C2%A0',
            '%ED%A0%80',
            '%FF',
            '%',
            '%ZZ',
            '//evil.example',
            '/\\evil.example',
            '%2F%09%2Fevil.example',
            '%5C',
            'evil.example',
            'https:',
            'documents',
            '?',
            '#',
            '&next=/',
          ),
          { minLength: 1, maxLength: 5 },
        )
        .map((p) => p.join('')),
    },
  );
  return fc.record({ c: common(ctx), raw }).map(({ c, raw }) => ({
    target: '/login?next=',
    method: 'GET',
    path: `/login?next=${raw}`,
    persona: c.persona,
    headers: c.headers,
  }));
}

/** `POST /api/auth/sign-in/email`, with throwaway accounts and addresses, and the fuzz account's right password. */
export function signInApi(ctx: FuzzContext): fc.Arbitrary<FuzzRequest> {
  const f = actionFields(ctx);
  const credentials = fc.record(
    {
      email: f.email,
      password: f.password,
      rememberMe: usually(fc.boolean()),
      callbackURL: usually(nextValue),
    },
    { requiredKeys: [] },
  );
  const body = jsonBody(
    fc.oneof(
      { weight: 8, arbitrary: credentials.map((c) => withRightPassword(ctx, c)) },
      { weight: 1, arbitrary: anyJson },
    ),
  );
  const type = fc.oneof(
    { weight: 8, arbitrary: fc.constant('application/json') },
    { weight: 1, arbitrary: fc.constantFrom(...JSON_TYPES) },
  );
  return fc.record({ c: common(ctx), body, type }).map(({ c, body, type }) => ({
    target: 'sign-in (API)',
    method: 'POST',
    path: '/api/auth/sign-in/email',
    persona: c.persona,
    headers: { ...c.headers, ...(type ? { 'Content-Type': type } : {}) },
    body,
  }));
}

// The fuzz account always gets its own password: a wrong one would lock it, and no hostile `next` would then
// meet a sign-in that succeeds.
function withRightPassword<T extends Record<string, unknown>>(ctx: FuzzContext, input: T): T {
  return input.email === ctx.account.email ? { ...input, password: ctx.account.password } : input;
}

/**
 * A call of one Server Action, as a page's JavaScript makes it: `Next-Action` names it, and the body is its one
 * argument in React's reply encoding (JSON for plain values, with a leading `$` escaped as `$$`).
 */
export function actionCall(ctx: FuzzContext, action: BuiltAction): fc.Arbitrary<FuzzRequest> {
  const f = actionFields(ctx);
  const argument = fc.oneof(
    {
      weight: 10,
      arbitrary: fc.record(f, { requiredKeys: [] }).map((input) => withRightPassword(ctx, input)),
    },
    { weight: 1, arbitrary: anyJson },
  );
  const body = argument.map((a) => ({ kind: 'text' as const, text: JSON.stringify([escapeFlight(a)]) }));
  return actionRequest(ctx, action, body, `action ${action.name}`);
}

/** A call of one Server Action whose body React would never send: not its encoding, or not its content type. */
export function malformedActionCall(ctx: FuzzContext, action: BuiltAction): fc.Arbitrary<FuzzRequest> {
  const text = (t: fc.Arbitrary<string>) => t.map((text) => ({ kind: 'text' as const, text }));
  const body: fc.Arbitrary<FuzzBody> = fc.oneof(
    text(
      fc.constantFrom(
        '',
        'not json',
        '[',
        '{}',
        '["$Q1"]',
        '["$@9"]',
        '["$K1"]',
        '["$h1"]',
        '["$S"]',
        '[{"a":"$T"}]',
      ),
    ),
    text(fc.record(actionFields(ctx), { requiredKeys: [] }).map((a) => JSON.stringify([a]))),
    text(hostileText),
    fc
      .array(fc.tuple(hostileText, hostileText), { maxLength: 3 })
      .map((fields) => ({ kind: 'multipart' as const, fields })),
    fc
      .constantFrom(3 * 1024 * 1024 + 1)
      .map((size) => ({ kind: 'filler' as const, size, head: '[{"text":"', tail: '"}]' })),
  );
  return actionRequest(ctx, action, body, `action ${action.name} (malformed body)`);
}

function actionRequest(
  ctx: FuzzContext,
  action: BuiltAction,
  body: fc.Arbitrary<FuzzBody>,
  target: string,
): fc.Arbitrary<FuzzRequest> {
  // Signing out ends the session it is sent with; it gets a spare one, so the other requests keep theirs.
  const who = action.name === 'signOutAction' ? fc.constantFrom<Persona>('spare', 'signedOut') : persona;
  const page = fc
    .tuple(fc.constantFrom(...action.pages), segment(idFrom(ctx.ownDocumentIds)))
    .map(([pattern, id]) => pattern.replace(/\[[^\]]+\]/g, id));
  const id = fc.oneof(
    { weight: 12, arbitrary: fc.constant(action.id) },
    { weight: 1, arbitrary: fc.constantFrom(`${action.id.slice(0, -2)}00`, 'x', '') },
  );
  return fc.record({ c: common(ctx), who, page, id, body }).map(({ c, who, page, id, body }) => ({
    target,
    method: 'POST',
    path: page,
    persona: who,
    headers: {
      ...c.headers,
      'Next-Action': id,
      Accept: 'text/x-component',
      ...(body.kind === 'multipart' ? {} : { 'Content-Type': 'text/plain;charset=UTF-8' }),
    },
    body,
  }));
}

// React's reply encoding marks its own references with a leading `$`, and escapes a string that starts with one.
function escapeFlight(value: unknown): unknown {
  if (typeof value === 'string') return value.startsWith('$') ? `$${value}` : value;
  if (Array.isArray(value)) return value.map(escapeFlight);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, escapeFlight(v)]));
  }
  return value;
}
