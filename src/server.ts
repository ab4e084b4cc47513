import * as restify from 'restify';
import type { CloudAdapter, TurnContext } from 'botbuilder';
import type { Logger } from './logger';

export interface ServerDeps {
  adapter: CloudAdapter;
  /** Runs one turn (the bot's run method). */
  runTurn: (context: TurnContext) => Promise<void>;
  /** True when knowledge is loaded and storage is open. */
  isReady: () => boolean;
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
  server.get('/readyz', (_req, res, next) => {
    const ready = deps.isReady() && !draining;
    res.send(ready ? 200 : 503, { status: ready ? 'ready' : 'not ready' });
    return next();
  });
  server.post('/api/messages', async (req, res) => {
    if (draining) {
      res.send(503, { error: 'shutting down' });
      return;
    }
    // The SDK answers a body without an activity type with a 500; it is the caller's mistake: 400.
    const body: unknown = req.body;
    if (typeof body !== 'object' || body === null || typeof (body as { type?: unknown }).type !== 'string') {
      res.send(400, { error: 'invalid activity' });
      return;
    }
    inFlight++;
    const started = Date.now();
    try {
      await deps.adapter.process(req, res, (context) => deps.runTurn(context));
    } catch (err) {
      deps.logger.error({ event: 'http.error', name: (err as Error).name }, 'request failed');
      if (!res.headersSent) res.send(500, { error: 'internal error' });
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
