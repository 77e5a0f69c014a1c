// An import as a script sends it: POST /api/documents, multipart or JSON. A 201 is an import done at once; a 202
// names a job whose status is polled at its Location until it is done or failed. Anything else is a refusal
// (4xx) or a failure (5xx), with the message the app gave.
import crypto from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { type Reply, send } from '../workspace/load';

export type ImportOutcome = {
  kind: 'finished' | 'refused' | 'failed';
  /** The status of the POST. */
  status: number;
  message: string;
  claims?: number;
  /** How often a job's polled progress (`done`) moved; 0 for an import done at once. */
  progressSteps: number;
};

export type ImportBody = { contentType: string; body: string };

const JOB_POLL_MS = 250;

/** An article as a multipart upload: a `.txt` file and the optional fields beside it. */
export function multipartArticle(text: string, fields: Record<string, string>): ImportBody {
  const boundary = `----bench${crypto.randomBytes(12).toString('hex')}`;
  const parts = Object.entries(fields).map(
    ([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  );
  parts.push(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="article.txt"\r\n` +
      `Content-Type: text/plain; charset=utf-8\r\n\r\n${text}\r\n--${boundary}--\r\n`,
  );
  return { contentType: `multipart/form-data; boundary=${boundary}`, body: parts.join('') };
}

export function jsonArticle(article: { title: string; text: string; format: 'TEXT' }): ImportBody {
  return { contentType: 'application/json', body: JSON.stringify(article) };
}

/** Sends the import and follows its job, if it became one, for at most `timeoutMs`. */
export async function importThroughApi(options: {
  base: string;
  cookie: string;
  article: ImportBody;
  timeoutMs: number;
}): Promise<ImportOutcome> {
  const deadline = performance.now() + options.timeoutMs;
  const reply = await send(undefined, options.base, {
    method: 'POST',
    path: '/api/documents',
    headers: {
      'Content-Type': options.article.contentType,
      Accept: 'application/json',
      Origin: options.base,
      Cookie: options.cookie,
    },
    body: options.article.body,
    timeoutMs: options.timeoutMs,
  });
  const answer = json(reply);
  if (reply.status === 201) {
    return {
      kind: 'finished',
      status: 201,
      message: 'done at once',
      claims: answer.claims,
      progressSteps: 0,
    };
  }
  if (reply.status !== 202) {
    return {
      kind: reply.status < 500 ? 'refused' : 'failed',
      status: reply.status,
      message: answer.message ?? answer.error ?? reply.body.slice(0, 200),
      progressSteps: 0,
    };
  }
  const location = reply.headers.location ?? `/api/imports/${answer.jobId}`;
  let progressSteps = 0;
  let lastDone: number | undefined;
  while (performance.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, JOB_POLL_MS));
    const job = json(
      await send(undefined, options.base, {
        method: 'GET',
        path: location,
        headers: { Accept: 'application/json', Cookie: options.cookie },
        timeoutMs: Math.max(1, deadline - performance.now()),
      }),
    );
    if (job.done !== undefined && job.done !== lastDone) {
      progressSteps++;
      lastDone = job.done;
    }
    if (job.status === 'done') {
      return { kind: 'finished', status: 202, message: 'job done', claims: job.claims, progressSteps };
    }
    if (job.status === 'failed') {
      return { kind: 'refused', status: 202, message: `job failed: ${job.error}`, progressSteps };
    }
  }
  throw new Error(`The import's job did not end within ${options.timeoutMs / 1000} s.`);
}

type Answer = {
  claims?: number;
  jobId?: string;
  message?: string;
  error?: string;
  status?: string;
  done?: number;
};

function json(reply: Reply): Answer {
  try {
    return JSON.parse(reply.body);
  } catch {
    return { message: `${reply.status} without JSON: ${reply.body.slice(0, 200)}` };
  }
}
