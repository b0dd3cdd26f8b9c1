// The studio page's requests. Every POST carries the per-launch token from the page's <meta>; the browser
// adds the Origin header itself.
const TOKEN = document.querySelector<HTMLMetaElement>('meta[name="dangke-token"]')?.content ?? '';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly body: unknown,
  ) {
    super(message);
  }
}

async function parse<T>(response: Response): Promise<T> {
  const body: unknown = await response.json().catch(() => ({}));
  if (!response.ok && response.status !== 409) {
    const message = (body as { error?: string }).error ?? `请求失败（${response.status}）`;
    throw new ApiError(response.status, message, body);
  }
  return body as T;
}

export async function getJson<T>(path: string, query: Record<string, string> = {}): Promise<T> {
  const search = new URLSearchParams(query).toString();
  return parse<T>(await fetch(search ? `${path}?${search}` : path, { cache: 'no-store' }));
}

export async function postJson<T>(path: string, body: unknown): Promise<{ status: number; body: T }> {
  const response = await fetch(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Dangke-Token': TOKEN },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await parse<T>(response) };
}

export async function postFile<T>(path: string, file: Blob): Promise<T> {
  const response = await fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/octet-stream', 'X-Dangke-Token': TOKEN }, body: file });
  return parse<T>(response);
}

export interface JobView {
  id: string;
  kind: 'draft' | 'build';
  state: 'queued' | 'running' | 'done' | 'failed';
  lines: string[];
  startedAt?: number;
  finishedAt?: number;
}

/** Polls a job until it ends, reporting each state. */
export async function followJob(job: JobView, onUpdate: (job: JobView) => void): Promise<JobView> {
  let current = job;
  onUpdate(current);
  while (current.state === 'queued' || current.state === 'running') {
    await new Promise((resolve) => setTimeout(resolve, 400));
    current = await getJson<JobView>('/api/job', { id: current.id });
    onUpdate(current);
  }
  return current;
}
