// The one HTTP client of the editor: every call to the Hono API goes through `request`, so the
// session cookie and problem+json errors are handled in one place. CSRF needs nothing here: the
// server checks the Origin header, which the browser sets on every same-origin POST/PATCH/DELETE.
import type {
  ApproveResult,
  Comment,
  DocumentDetail,
  DocumentQa,
  DocumentStats,
  DocumentSummary,
  GlossaryEntry,
  GlossaryFields,
  ImportedDocument,
  Me,
  NewDocument,
  Problem,
  Project,
  Revision,
  Segment,
  SegmentBatchChange,
  SegmentBatchResult,
  SegmentChange,
  SegmentPage,
  SegmentQuery,
  TmLookup,
  TmMatch,
} from './types.ts';

export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;
  constructor(problem: Problem) {
    super(problem.detail || problem.title || `HTTP ${problem.status}`);
    this.status = problem.status;
    this.problem = problem;
  }
}

/** A save that lost the race: the server's segment as it is now. */
export interface Conflict {
  conflict: true;
  current: Segment;
}

/** A batch refused because some of its segments were stale: those segments as they are now. */
export interface BatchConflict {
  conflict: true;
  current: Segment[];
}

/** The server takes at most this many changes in one segment batch. */
export const MAX_BATCH = 50;

let base = '';
let unauthorized: (() => void) | undefined;

/** Called when a request meets 401 (the session expired): the app sends the user to sign in. */
export function onUnauthorized(handler: () => void): void {
  unauthorized = handler;
}

/** Where the API lives (default: the page's own origin). */
export function configureClient(options: { base?: string }): void {
  if (options.base !== undefined) base = options.base;
}

/** The server pages segments at most this many per request. */
export const MAX_PAGE = 1000;

export function queryString(params: Record<string, string | number | string[] | undefined>): string {
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === '') continue;
    if (Array.isArray(value)) {
      if (value.length) q.set(key, value.join(','));
    } else q.set(key, String(value));
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}

interface RequestOptions {
  body?: unknown;
  headers?: Record<string, string>;
  /** Status codes returned as values instead of thrown. */
  accept?: number[];
}

async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<{ status: number; data: T }> {
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  let body: BodyInit | undefined;
  if (options.body instanceof FormData) body = options.body;
  else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  const res = await fetch(base + path, { method, headers, body, credentials: 'same-origin' });
  const text = await res.text();
  let data: unknown = undefined;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = { status: res.status, detail: text };
    }
  }
  if (res.status === 401 && !options.accept?.includes(401) && path !== '/api/auth/login') unauthorized?.();
  if (!res.ok && !options.accept?.includes(res.status)) {
    const problem = (data && typeof data === 'object' ? data : {}) as Problem;
    throw new ApiError({ ...problem, status: res.status });
  }
  return { status: res.status, data: data as T };
}

const get = async <T>(path: string) => (await request<T>('GET', path)).data;
const send = async <T>(method: string, path: string, body?: unknown) => (await request<T>(method, path, { body })).data;

export const api = {
  login: (username: string, password: string) => send<Me>('POST', '/api/auth/login', { username, password }),
  logout: () => send<unknown>('POST', '/api/auth/logout'),
  async me(): Promise<Me | null> {
    const res = await request<Me>('GET', '/api/me', { accept: [401] });
    return res.status === 401 ? null : res.data;
  },

  projects: () => get<Project[]>('/api/projects'),
  documents: (projectId: number) => get<DocumentSummary[]>(`/api/projects/${projectId}/documents`),
  document: (documentId: number) => get<DocumentDetail>(`/api/documents/${documentId}`),
  createDocument(projectId: number, doc: NewDocument | FormData): Promise<ImportedDocument> {
    return send<ImportedDocument>('POST', `/api/projects/${projectId}/documents`, doc);
  },

  segments(documentId: number, query: SegmentQuery = {}): Promise<SegmentPage> {
    const { status, check, section, q, offset, limit } = query;
    return get<SegmentPage>(`/api/documents/${documentId}/segments${queryString({ status, check, section, q, offset, limit })}`);
  },
  /** 200 with the saved segment, or the server's current segment on 409. */
  async saveSegment(segment: Pick<Segment, 'id' | 'version'>, change: SegmentChange): Promise<Segment | Conflict> {
    const res = await request<Segment | Problem>('PATCH', `/api/segments/${segment.id}`, {
      body: change,
      headers: { 'if-match': `"${segment.version}"` },
      accept: [409],
    });
    if (res.status === 409) {
      const problem = res.data as Problem;
      if (!problem.current || Array.isArray(problem.current)) throw new ApiError({ ...problem, status: 409 });
      return { conflict: true, current: problem.current };
    }
    return res.data as Segment;
  },
  /**
   * Several segments of one document changed all-or-nothing in one transaction (an alignment fix
   * moving English between rows). 200 with the saved segments in the order given; on 409 the stale
   * ones as they are now, nothing saved; a 403 (a change the user may not make) throws ApiError,
   * nothing saved.
   */
  async saveSegments(documentId: number, changes: SegmentBatchChange[]): Promise<SegmentBatchResult | BatchConflict> {
    if (changes.length < 1 || changes.length > MAX_BATCH) throw new Error(`segment batch: ${changes.length} changes; between 1 and ${MAX_BATCH} are allowed`);
    const res = await request<SegmentBatchResult | Problem>('POST', `/api/documents/${documentId}/segments/batch`, { body: { changes }, accept: [409] });
    if (res.status === 409) {
      const problem = res.data as Problem;
      if (!Array.isArray(problem.current)) throw new ApiError({ ...problem, status: 409 });
      return { conflict: true, current: problem.current };
    }
    return res.data as SegmentBatchResult;
  },
  approve: (documentId: number, segmentIds: number[], reason?: string) =>
    send<ApproveResult>('POST', `/api/documents/${documentId}/approve`, reason ? { segmentIds, reason } : { segmentIds }),
  history: (segmentId: number) => get<Revision[]>(`/api/segments/${segmentId}/history`),
  comments: (segmentId: number) => get<Comment[]>(`/api/segments/${segmentId}/comments`),
  addComment: (segmentId: number, body: string, replyTo?: number) =>
    send<Comment>('POST', `/api/segments/${segmentId}/comments`, replyTo === undefined ? { body } : { body, replyTo }),
  resolveComment: (commentId: number, resolved = true) => send<Comment>('PATCH', `/api/comments/${commentId}`, { resolved }),
  qa: (documentId: number) => get<DocumentQa>(`/api/documents/${documentId}/qa`),
  stats: (documentId: number) => get<DocumentStats>(`/api/documents/${documentId}/stats`),

  glossary: (projectId: number) => get<GlossaryEntry[]>(`/api/projects/${projectId}/glossary`),
  addTerm: (projectId: number, entry: Partial<GlossaryFields> & Pick<GlossaryFields, 'zh' | 'en'>) =>
    send<GlossaryEntry>('POST', `/api/projects/${projectId}/glossary`, entry),
  updateTerm: (projectId: number, id: number, entry: Partial<GlossaryFields>) => send<GlossaryEntry>('PATCH', `/api/projects/${projectId}/glossary/${id}`, entry),
  deleteTerm: (projectId: number, id: number) => send<unknown>('DELETE', `/api/projects/${projectId}/glossary/${id}`),
  /** TBX or CSV, chosen by the file name; all entries are imported or none. */
  async importGlossary(projectId: number, file: File, replace = false) {
    const format = /\.(csv|tsv|txt)$/i.test(file.name) ? 'csv' : 'tbx';
    return send<{ imported?: number; total?: number }>('POST', `/api/projects/${projectId}/glossary/import`, { format, content: await file.text(), replace });
  },

  /** Fuzzy TM matches for a source; a 404 (no TM route yet) means no matches. */
  async tm(projectId: number, source: string): Promise<TmMatch[]> {
    const res = await request<TmLookup>('GET', `/api/projects/${projectId}/tm${queryString({ q: source.slice(0, 2000) })}`, { accept: [404] });
    if (res.status === 404 || !res.data) return [];
    return res.data.matches ?? [];
  },
};

export function isConflict(result: Segment | Conflict): result is Conflict {
  return (result as Conflict).conflict === true;
}

export function isBatchConflict(result: SegmentBatchResult | BatchConflict): result is BatchConflict {
  return (result as BatchConflict).conflict === true;
}

export const exportLinks = (projectId: number, documentId: number) => ({
  tmx: `/api/documents/${documentId}/export.tmx`,
  xliff: `/api/documents/${documentId}/export.xliff`,
  tbx: `/api/projects/${projectId}/glossary/export?format=tbx`,
});
