// What a frontend team writes against the generated types: list, create, read, update with If-Match, and read the
// problem details of an error. Compiled with tsc --strict in CI: no casts, no non-null assertions.
import createClient from 'openapi-fetch';
import type { components, paths } from '../target/workshop-api';

type Problem = components['schemas']['Problem'];
type Engagement = components['schemas']['EngagementView'];

export function workshopClient(baseUrl: string, token: string) {
  return createClient<paths>({ baseUrl, headers: { Authorization: `Bearer ${token}` } });
}

/** What a screen shows for a failed call: the problem's title and each field's message. */
export function describe(problem: Problem): string {
  const fields = (problem.errors ?? []).map((e) => `${e.field}: ${e.message}`);
  return [problem.title, problem.detail, ...fields].filter((s) => s !== undefined && s !== '').join(' — ');
}

export async function listOnHold(client: ReturnType<typeof workshopClient>): Promise<string[]> {
  const { data, error } = await client.GET('/api/v1/engagements', {
    params: { query: { status: 'ON_HOLD', phase: 'ASSESS', size: 50 } },
  });
  if (error) throw new Error(describe(error));
  return data.items.map((e) => e.customerName ?? '(unnamed)');
}

export async function createAndRename(client: ReturnType<typeof workshopClient>, name: string): Promise<Engagement | string> {
  const created = await client.POST('/api/v1/engagements', {
    params: { header: { 'Idempotency-Key': crypto.randomUUID() } },
    body: {
      customerName: name,
      fastTrackManager: 'fm@partner.example',
      licenceCount: 25_000,
      intendedServices: [{ workload: 'OD' }],
    },
  });
  if (created.error) return describe(created.error);
  const location: string | null = created.response.headers.get('Location');
  const id = created.data.id;
  if (id === null || location === null) return 'created without an id';

  const read = await client.GET('/api/v1/engagements/{id}', { params: { path: { id } } });
  if (read.error) return describe(read.error);
  const etag = read.response.headers.get('ETag') ?? '*';

  const renamed = await client.PATCH('/api/v1/engagements/{id}', {
    params: { path: { id }, header: { 'If-Match': etag } },
    body: { customerName: `${name} (renamed)` },
  });
  if (renamed.error) {
    // 412: someone else changed it first — the problem says so, and errors[] names fields on a 400.
    return `${renamed.response.status}: ${renamed.error.title} ${(renamed.error.errors ?? []).length}`;
  }
  return renamed.data;
}

export async function readMatrixAndTasks(client: ReturnType<typeof workshopClient>, id: string): Promise<number> {
  const matrix = await client.GET('/api/v1/engagements/{id}/ssat', { params: { path: { id } } });
  if (matrix.error) throw new Error(describe(matrix.error));
  const tasks = await client.GET('/api/v1/engagements/{id}/tasks', { params: { path: { id }, query: { status: 'BLOCKED' } } });
  if (tasks.error) throw new Error(describe(tasks.error));
  return (matrix.data.services ?? []).length + tasks.data.items.length;
}
