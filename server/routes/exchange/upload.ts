// Uploaded exchange files (TMX, XLIFF): the raw request body in any XML-ish content type, or the
// `file` field of a multipart form; read as a byte stream so a parser can start before it all arrives.
// A FormatError becomes one 422 problem listing every problem by line.
import type { Context } from 'hono';
import type { AppEnv } from '../../context.ts';
import { Problem, fieldProblem } from '../../problem.ts';
import type { FormatError } from '../../../glossary/formats/format-error.ts';

const XML_TYPES = /^(application|text)\/([\w.+-]+\+)?xml$|^application\/(octet-stream|x-tmx|xliff)$/i;

export async function uploadedFile(c: Context<AppEnv>, what: string): Promise<AsyncIterable<Uint8Array>> {
  const type = (c.req.header('content-type') ?? '').split(';')[0].trim().toLowerCase();
  if (type === 'multipart/form-data') {
    let form;
    try {
      form = await c.req.parseBody();
    } catch (error) {
      throw fieldProblem(400, 'body', `malformed multipart body: ${error instanceof Error ? error.message : String(error)}`);
    }
    const file = form.file;
    if (!(file instanceof File)) throw fieldProblem(422, 'file', `attach the ${what} as the form field 'file'`);
    return file.stream() as unknown as AsyncIterable<Uint8Array>;
  }
  if (!XML_TYPES.test(type)) {
    throw new Problem(415, `send the ${what} as application/xml (or multipart/form-data with a 'file' field), not '${type || 'no content type'}'`, {
      errors: [{ field: 'content-type', message: 'expected an XML content type or multipart/form-data' }],
    });
  }
  const body = c.req.raw.body;
  if (!body) throw fieldProblem(422, 'body', `the ${what} is empty`);
  return body as unknown as AsyncIterable<Uint8Array>;
}

export function formatProblem(error: FormatError, what: string, status = 422): Problem {
  const errors = error.problems.map((p) => ({ field: `line ${p.line}${p.field ? ` ${p.field}` : ''}`, message: p.message }));
  const first = error.problems[0];
  return new Problem(status, `the ${what} was not imported: ${error.problems.length} problem${error.problems.length === 1 ? '' : 's'}, the first on line ${first?.line}: ${first?.message}`, {
    errors,
    extra: { problems: error.problems },
  });
}
