// The one HTTP client of the editor: every call to the Hono API goes through `request`, so the
// session cookie, the CSRF header and problem+json errors are handled in one place.
import type {
  ApproveResult,
  Comment,
  DocumentStats,
  DocumentSummary,
  GlossaryEntry,
  Me,
  NewDocument,
  Problem,
  Project,
  Revision,
  Segment,
  SegmentChange,
  SegmentPage,
  SegmentQuery,
  ServerFinding,
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

let csrfToken: string | undefined;
let base = '';

export function configureClient(options: { base?: string; csrfToken?: string }): void {
  if (options.base !== undefined) base = options.base;
  if (options.csrfToken !== undefined) csrfToken = options.csrfToken;
}

function readCookie(name: string): string | undefined {
  if (typeof document === 'undefined') return undefined;
  const hit = document.cookie.split(/;\s*/).find((c) => c.startsWith(`${name}=`));
  return hit ? decodeURIComponent(hit.slice(name.length + 1)) : undefined;
}

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
  if (method !== 'GET' && method !== 'HEAD') {
    const token = csrfToken ?? readCookie('bitext_csrf');
    if (token) headers['x-csrf-token'] = token;
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
  if (!res.ok && !options.accept?.includes(res.status)) {
    const problem = (data && typeof data === 'object' ? data : {}) as Problem;
    throw new ApiError({ ...problem, status: res.status });
  }
  return { status: res.status, data: data as T };
}

const get = async <T>(path: string) => (await request<T>('GET', path)).data;
const send = async <T>(method: string, path: string, body?: unknown) => (await request<T>(method, path, { body })).data;

export const api = {
  async login(username: string, password: string): Promise<Me> {
    const me = await send<Me>('POST', '/api/auth/login', { username, password });
    if (me?.csrfToken) csrfToken = me.csrfToken;
    return me;
  },
  logout: () => send<unknown>('POST', '/api/auth/logout'),
  async me(): Promise<Me | null> {
    const res = await request<Me>('GET', '/api/me', { accept: [401] });
    if (res.status === 401) return null;
    if (res.data?.csrfToken) csrfToken = res.data.csrfToken;
    return res.data;
  },

  projects: () => get<Project[]>('/api/projects'),
  documents: (projectId: number) => get<DocumentSummary[]>(`/api/projects/${projectId}/documents`),
  createDocument(projectId: number, doc: NewDocument | FormData): Promise<DocumentSummary> {
    return send<DocumentSummary>('POST', `/api/projects/${projectId}/documents`, doc);
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
      const current = problem.current ?? (problem as unknown as { segment?: Segment }).segment;
      if (!current) throw new ApiError({ ...problem, status: 409 });
      return { conflict: true, current };
    }
    return res.data as Segment;
  },
  approve: (documentId: number, ids: number[], reason?: string) =>
    send<ApproveResult>('POST', `/api/documents/${documentId}/approve`, reason ? { ids, reason } : { ids }),
  history: (segmentId: number) => get<Revision[]>(`/api/segments/${segmentId}/history`),
  comments: (segmentId: number) => get<Comment[]>(`/api/segments/${segmentId}/comments`),
  addComment: (segmentId: number, body: string) => send<Comment>('POST', `/api/segments/${segmentId}/comments`, { body }),
  resolveComment: (commentId: number, resolved = true) => send<Comment>('PATCH', `/api/comments/${commentId}`, { resolved }),
  qa: (documentId: number) => get<ServerFinding[]>(`/api/documents/${documentId}/qa`),
  stats: (documentId: number) => get<DocumentStats>(`/api/documents/${documentId}/stats`),

  glossary: (projectId: number) => get<GlossaryEntry[]>(`/api/projects/${projectId}/glossary`),
  addTerm: (projectId: number, entry: Omit<GlossaryEntry, 'id'>) => send<GlossaryEntry>('POST', `/api/projects/${projectId}/glossary`, entry),
  updateTerm: (projectId: number, id: string, entry: Partial<GlossaryEntry>) =>
    send<GlossaryEntry>('PATCH', `/api/projects/${projectId}/glossary/${encodeURIComponent(id)}`, entry),
  deleteTerm: (projectId: number, id: string) => send<unknown>('DELETE', `/api/projects/${projectId}/glossary/${encodeURIComponent(id)}`),
  importGlossary: (projectId: number, file: File) => {
    const form = new FormData();
    form.set('file', file);
    return send<{ imported: number }>('POST', `/api/projects/${projectId}/glossary/import`, form);
  },

  /** TM lookups arrive with a later issue: a 404 means "no TM yet", shown as no matches. */
  async tm(projectId: number, source: string): Promise<TmMatch[]> {
    const res = await request<TmMatch[] | { matches: TmMatch[] }>('GET', `/api/projects/${projectId}/tm${queryString({ q: source })}`, {
      accept: [404],
    });
    if (res.status === 404 || !res.data) return [];
    return Array.isArray(res.data) ? res.data : res.data.matches;
  },
};

export function isConflict(result: Segment | Conflict): result is Conflict {
  return (result as Conflict).conflict === true;
}

export const exportLinks = (projectId: number, documentId: number) => ({
  tmx: `/api/documents/${documentId}/export.tmx`,
  xliff: `/api/documents/${documentId}/export.xliff`,
  tbx: `/api/projects/${projectId}/glossary/export.tbx`,
});
