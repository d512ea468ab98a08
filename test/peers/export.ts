// The sample as the server exports it: the real app on loopback over a fresh SQLite file
// (test/helpers/api.ts), the sample imported with its English draft by an admin, every drafted
// segment marked translated by a translator and approved by a reviewer (batch approve, with a reason
// for the segments QA would otherwise refuse), then GET /api/documents/:id/export.tmx?status=approved.
// The peers tests feed exactly that file to xmllint, translate-toolkit and OmegaT.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { startTestServer, type ApiClient } from '../helpers/api.ts';
import { repoRoot } from './sample.ts';

export interface ApprovedSegment {
  id: number;
  source: string;
  target: string;
}

export interface SampleExport {
  /** The TMX body exactly as the server sent it. */
  tmx: string;
  contentType: string;
  /** The document's approved segments in document order, as the segments API lists them. */
  approved: ApprovedSegment[];
}

interface Seg extends ApprovedSegment {
  version: number;
  status: string;
}

async function ok<T>(what: string, res: Promise<{ status: number; text: string; body: T }>, status = 200): Promise<T> {
  const r = await res;
  if (r.status !== status) throw new Error(`${what}: HTTP ${r.status} ${r.text.slice(0, 500)}`);
  return r.body;
}

export async function exportSampleTmx(): Promise<SampleExport> {
  const server = await startTestServer();
  try {
    const sampleDir = path.join(repoRoot, 'samples', 'shanghai-fyp');
    const { id: projectId, admin } = await server.project('Shanghai FYP');
    const translator = await server.signIn('translator', { projectId, role: 'translator' });
    const reviewer = await server.signIn('reviewer', { projectId, role: 'reviewer' });
    const created = await ok<{ id: number }>(
      'import the sample',
      admin.post(`/api/projects/${projectId}/documents`, {
        name: 'shanghai-15th-fyp-excerpt.zh.txt',
        source: readFileSync(path.join(sampleDir, 'source.zh.txt'), 'utf8'),
        draft: readFileSync(path.join(sampleDir, 'draft.en.txt'), 'utf8'),
      }),
      201,
    );
    const documentId = created.id;
    const list = async (c: ApiClient): Promise<Seg[]> => (await ok<{ items: Seg[] }>('list segments', c.get(`/api/documents/${documentId}/segments?limit=1000`))).items;

    const drafted = (await list(translator)).filter((s) => s.target.trim() !== '');
    if (drafted.length === 0) throw new Error('the imported sample has no drafted segment');
    // The batch API takes at most 50 changes at once.
    for (let i = 0; i < drafted.length; i += 50) {
      const changes = drafted.slice(i, i + 50).map((s) => ({ id: s.id, version: s.version, status: 'translated' as const }));
      await ok('mark segments translated', translator.post(`/api/documents/${documentId}/segments/batch`, { changes }));
    }
    const approval = await ok<{ approved: Seg[]; refused: { id: number; message: string }[] }>(
      'approve the segments',
      reviewer.post(`/api/documents/${documentId}/approve`, { segmentIds: drafted.map((s) => s.id), reason: 'checked against the published English translation' }),
    );
    if (approval.refused.length > 0) throw new Error(`approve refused ${approval.refused.length} segments: ${JSON.stringify(approval.refused.slice(0, 3))}`);

    const approved = (await list(reviewer)).filter((s) => s.status === 'approved').map(({ id, source, target }) => ({ id, source, target }));
    if (approved.length !== drafted.length) throw new Error(`${drafted.length} segments sent for approval, ${approved.length} approved`);
    const res = await reviewer.get(`/api/documents/${documentId}/export.tmx?status=approved`);
    if (res.status !== 200) throw new Error(`export.tmx: HTTP ${res.status} ${res.text.slice(0, 500)}`);
    return { tmx: res.text, contentType: res.headers.get('content-type') ?? '', approved };
  } finally {
    await server.close();
  }
}
