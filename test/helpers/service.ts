import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { teamsMessage, type FakeChannel, type Recorded } from './channel';

const REPO = join(__dirname, '..', '..');

/** The real service as its own process (what an operator runs), for kill and fault tests. */
export interface Service {
  child: ChildProcess;
  port: number;
  /** Everything it wrote to stdout/stderr so far (JSON log lines). */
  output(): string;
  /** Resolves with the exit code once it has exited. */
  exited: Promise<number | null>;
}

/** Starts `src/index.ts` on a free port with `env` added; resolves once it listens. */
export function startService(env: Record<string, string>, timeoutMs = 30_000): Promise<Service> {
  // `node --import tsx` runs the service in this very process (the tsx CLI would fork a child that a
  // SIGKILL of the CLI leaves running).
  const child = spawn(process.execPath, ['--import', 'tsx', join(REPO, 'src', 'index.ts')], {
    cwd: REPO,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', OUTBOX_POLL_MS: '100', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`service did not start: ${out}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /"event":"server.listening","port":(\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, port: Number(m[1]), output: () => out, exited });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`service exited ${code}: ${out}`));
    });
  });
}

/** POSTs an activity; resolves with the HTTP status (0 when the connection failed). */
export async function postActivity(port: number, activity: unknown, timeoutMs = 20_000): Promise<number> {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/api/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(activity),
      signal: AbortSignal.timeout(timeoutMs),
    });
    await res.text();
    return res.status;
  } catch {
    return 0;
  }
}

/** GET /readyz status (0 when the connection failed). */
export async function readyz(port: number): Promise<number> {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/readyz`, { signal: AbortSignal.timeout(5_000) });
    await res.text();
    return res.status;
  } catch {
    return 0;
  }
}

/** True while the process has not exited. */
export function alive(service: Service): boolean {
  return service.child.exitCode === null && service.child.signalCode === null;
}

/**
 * A person in one chat talking to the service on `port` through `channel`: posts an activity built
 * from `options` and collects the replies until they stop coming (bounded in time).
 */
export function chatWith(
  port: () => number,
  channel: FakeChannel,
  who: { userId: string; aadObjectId?: string; conversationId: string },
  quietMs = 150,
): (options: {
  text?: string;
  value?: unknown;
}) => Promise<{ status: number; replies: Recorded['activity'][] }> {
  return async (options) => {
    const before = channel.messages(who.conversationId).length;
    const status = await postActivity(port(), teamsMessage(channel.serviceUrl, { ...who, ...options }));
    const deadline = Date.now() + 10_000;
    let count = -1;
    while (count !== channel.messages(who.conversationId).length && Date.now() < deadline) {
      count = channel.messages(who.conversationId).length;
      await new Promise((r) => setTimeout(r, quietMs));
    }
    return { status, replies: channel.messages(who.conversationId).slice(before) };
  };
}
