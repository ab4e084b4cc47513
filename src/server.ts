import * as restify from 'restify';
import type { Activity, TurnContext } from 'botbuilder';
import { classifyRequestError, type ChannelAdapter } from './bot/adapter';
import { parseEnvelope } from './bot/envelope';
import type { Logger } from './logger';

export interface ServerDeps {
  adapter: ChannelAdapter;
  /** Runs one turn (the bot's run method). */
  runTurn: (context: TurnContext) => Promise<void>;
  /** True when knowledge is loaded and storage answers (bounded in time by the caller). */
  isReady: () => Promise<boolean>;
  logger: Logger;
}

export interface RunningServer {
  port: number;
  /** Stops accepting requests and waits (up to graceMs) for turns in flight. */
  stop(graceMs?: number): Promise<void>;
}

/**
 * HTTP: POST /api/messages (the channel), GET /healthz (process alive), GET /readyz (knowledge
 * loaded, storage open). Counts turns in flight so a SIGTERM can drain them.
 */
export async function startServer(deps: ServerDeps, port: number, host = '0.0.0.0'): Promise<RunningServer> {
  const server = restify.createServer({ name: 'sakerhetsguiden', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: 1024 * 1024, mapParams: false }));
  let inFlight = 0;
  let draining = false;

  server.get('/healthz', (_req, res, next) => {
    res.send(200, { status: 'ok' });
    return next();
  });
  server.get('/readyz', async (_req, res) => {
    const ready = !draining && (await deps.isReady().catch(() => false));
    res.send(ready ? 200 : 503, { status: ready ? 'ready' : 'not ready' });
  });
  server.post('/api/messages', async (req, res) => {
    if (draining) {
      res.send(503, { error: 'shutting down' });
      return;
    }
    // The SDK trusts the envelope (a numeric serviceUrl is a 500 there): wrong shapes are a 400 here.
    const activity = parseEnvelope(req.body);
    if (!activity) {
      res.send(400, { error: 'invalid activity' });
      return;
    }
    inFlight++;
    const started = Date.now();
    try {
      const authHeader = req.header('authorization') ?? '';
      const invoke = await deps.adapter.handle(authHeader, activity as unknown as Activity, (context) =>
        deps.runTurn(context),
      );
      if (invoke?.body === undefined) res.send(invoke?.status ?? 200);
      else res.send(invoke.status, invoke.body);
    } catch (err) {
      // Token problems and our own faults alike: a status and a fixed word, never the error's text
      // (it can name the metadata URL, a DNS error or a key).
      const status = classifyRequestError(err);
      const log = { event: 'http.refused', status, name: (err as Error).name };
      if (status === 500) deps.logger.error(log, 'request failed');
      else deps.logger.warn(log, 'request refused');
      const error = status === 401 ? 'unauthorized' : status === 503 ? 'unavailable' : 'internal error';
      if (!res.headersSent) res.send(status, { error });
    } finally {
      inFlight--;
      deps.logger.debug({ event: 'http', ms: Date.now() - started, status: res.statusCode }, 'api/messages');
    }
  });

  await new Promise<void>((resolve) => {
    server.listen(port, host, () => resolve());
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  deps.logger.info({ event: 'server.listening', port: actualPort }, 'listening');

  return {
    port: actualPort,
    async stop(graceMs = 10_000) {
      draining = true;
      const deadline = Date.now() + graceMs;
      while (inFlight > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
      if (inFlight > 0)
        deps.logger.warn({ event: 'shutdown.abandoned', inFlight }, 'turns still running at the deadline');
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Idle keep-alive sockets (and turns past the grace period) must not hold the shutdown open.
        server.server.closeIdleConnections();
        if (inFlight > 0 || Date.now() >= deadline) server.server.closeAllConnections();
      });
    },
  };
}
