import * as restify from 'restify';
import type { Activity, TurnContext } from 'botbuilder';
import { timingSafeEqual } from 'node:crypto';
import { classifyRequestError, type ChannelAdapter } from './bot/adapter';
import { parseEnvelope } from './bot/envelope';
import type { Logger } from './logger';
import type { Metrics } from './metrics';

export interface ServerDeps {
  adapter: ChannelAdapter;
  /** Runs one turn (the bot's run method). */
  runTurn: (context: TurnContext) => Promise<void>;
  /** True when knowledge is loaded and storage answers (bounded in time by the caller). */
  isReady: () => Promise<boolean>;
  logger: Logger;
  /** Served as GET /metrics (Prometheus text). */
  metrics?: Metrics;
  /** When set, /metrics needs `Authorization: Bearer <token>`. */
  metricsToken?: string;
}

/** Generic texts for error statuses: a response body never carries an internal error message. */
const STATUS_TEXT: Record<number, string> = {
  400: 'bad request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not found',
  405: 'method not allowed',
  413: 'request too large',
  415: 'unsupported media type',
};

/** Compares a presented bearer token with the configured one in constant time. */
function bearerMatches(header: string | undefined, token: string): boolean {
  const presented = Buffer.from(/^Bearer (.+)$/i.exec(header ?? '')?.[1] ?? '', 'utf8');
  const expected = Buffer.from(token, 'utf8');
  return presented.length === expected.length && timingSafeEqual(presented, expected);
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
  // restify's own errors (body too large, invalid JSON, unknown route) would echo parser messages:
  // answer with the status and a fixed text instead.
  server.on(
    'restifyError',
    (
      _req: unknown,
      _res: unknown,
      err: { statusCode?: number; toJSON?: () => unknown },
      callback: () => void,
    ) => {
      const status = err.statusCode ?? 500;
      const text = STATUS_TEXT[status] ?? (status >= 500 ? 'internal error' : 'request refused');
      err.toJSON = () => ({ error: text });
      return callback();
    },
  );
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
  server.get('/metrics', async (req, res) => {
    if (!deps.metrics) {
      res.send(404, { error: STATUS_TEXT[404] });
      return;
    }
    if (deps.metricsToken && !bearerMatches(req.header('authorization'), deps.metricsToken)) {
      res.setHeader('WWW-Authenticate', 'Bearer');
      res.send(401, { error: STATUS_TEXT[401] });
      return;
    }
    try {
      const { contentType, body } = await deps.metrics.render();
      res.writeHead(200, { 'Content-Type': contentType });
      res.end(body);
    } catch (err) {
      deps.logger.error({ event: 'metrics.error', name: (err as Error).name }, 'metrics failed');
      res.send(500, { error: 'internal error' });
    }
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
