// `studio`: the editor in the browser (what `npm run dev` starts). Serves the studio page on 127.0.0.1
// with a token made for this launch; the CLI prints the address. Stops when `signal` aborts or close() is
// called.
import { loadFontCoverage } from '../check/font-coverage.ts';
import { ExitCode, UserError } from '../errors.ts';
import { newToken } from './guard.ts';
import { startStudioServer, type StudioServer } from './server.ts';

export interface StudioOptions {
  root: string;
  port?: number;
  themesDir?: string;
  /** Environment of the child processes that draft and export. */
  environment?: NodeJS.ProcessEnv;
}

export interface StudioSession {
  url: string;
  token: string;
  server: StudioServer;
  close(): Promise<void>;
}

export async function studioCommand(options: StudioOptions, signal?: AbortSignal): Promise<StudioSession> {
  const token = newToken();
  const fontHas = await loadFontCoverage();
  let server: StudioServer;
  try {
    server = await startStudioServer({
      root: options.root,
      token,
      fontHas,
      ...(options.port === undefined ? {} : { port: options.port }),
      ...(options.themesDir === undefined ? {} : { themesDir: options.themesDir }),
      ...(options.environment === undefined ? {} : { environment: options.environment }),
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserError(`无法在 127.0.0.1:${options.port ?? 0} 上启动编辑服务（${code ?? String(error)}）。`, {
      hint: code === 'EADDRINUSE' ? '该端口已被占用：换一个 --port，或不加 --port 自动选择空闲端口。' : '请检查网络设置。',
      exitCode: ExitCode.output,
      cause: error,
    });
  }
  const close = (): Promise<void> => server.close();
  if (signal) {
    if (signal.aborted) await close();
    else signal.addEventListener('abort', () => void close(), { once: true });
  }
  return { url: server.url, token, server, close };
}
