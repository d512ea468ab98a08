// RFC 9457 problem details: every error the API returns is application/problem+json
// `{type, title, status, detail, errors: [{field, message}]}`, naming the field that failed.
import type { ZodError } from 'zod';

export interface FieldError {
  field: string;
  message: string;
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  428: 'Precondition Required',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
};

export class Problem extends Error {
  readonly status: number;
  readonly title: string;
  readonly errors: FieldError[];
  readonly extra: Record<string, unknown>;
  readonly headers: Record<string, string>;

  constructor(
    status: number,
    detail: string,
    options: { errors?: FieldError[]; extra?: Record<string, unknown>; headers?: Record<string, string>; title?: string } = {},
  ) {
    super(detail);
    this.status = status;
    this.title = options.title ?? TITLES[status] ?? 'Error';
    this.errors = options.errors ?? [];
    this.extra = options.extra ?? {};
    this.headers = options.headers ?? {};
  }

  toJSON(): Record<string, unknown> {
    return {
      // No problem type has a page of its own yet; RFC 9457 §4.2.1: then about:blank, title = status phrase.
      type: 'about:blank',
      title: this.title,
      status: this.status,
      detail: this.message,
      errors: this.errors,
      ...this.extra,
    };
  }

  toResponse(): Response {
    return new Response(JSON.stringify(this.toJSON()), {
      status: this.status,
      headers: { 'content-type': 'application/problem+json; charset=utf-8', ...this.headers },
    });
  }
}

/** A problem naming one field. */
export function fieldProblem(status: number, field: string, message: string, extra?: Record<string, unknown>): Problem {
  return new Problem(status, `${field}: ${message}`, { errors: [{ field, message }], extra });
}

export function notFound(what: string, field = 'id'): Problem {
  return fieldProblem(404, field, `${what} not found`);
}

/** Zod issues become one FieldError each; an unknown key is named by its own path. */
export function zodProblem(error: ZodError, where: 'body' | 'query' | 'params'): Problem {
  const errors: FieldError[] = [];
  for (const issue of error.issues) {
    const base = issue.path.map(String);
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) errors.push({ field: [...base, key].join('.'), message: `unknown field '${key}'` });
    } else {
      errors.push({ field: base.length ? base.join('.') : where, message: issue.message });
    }
  }
  const detail = errors.map((e) => `${e.field}: ${e.message}`).join('; ');
  return new Problem(where === 'body' ? 422 : 400, `invalid ${where}: ${detail}`, { errors });
}
