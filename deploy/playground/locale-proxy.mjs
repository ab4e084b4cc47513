// A small proxy between the Agents Playground and the bot, for two things the Playground cannot do itself:
//
// 1. Swedish. Playground 0.2.28 hard-codes locale "en-US" (activity.locale and the clientInfo entity) on every
//    activity, and the bot answers in English whenever the locale starts with "en". With LOCALE=sv-SE this
//    proxy rewrites both, so the Playground shows what a Teams user with a Swedish client sees.
// 2. Raw traffic. With LOG_FILE set it appends every request (headers and activity) as one JSON line. That
//    includes what people type into cards: point it at data/ or /tmp, never at a shared place.
//
//   PORT=3977 npm start                                          # the bot, on another port
//   LOCALE=sv-SE node deploy/playground/locale-proxy.mjs         # listens on 127.0.0.1:3978
//   npm run playground                                           # unchanged: it talks to 3978
//
//   LISTEN_PORT (3978)  BOT_PORT (3977)  LOCALE (unset: no rewrite)  LOG_FILE (unset: no log)
import fs from 'node:fs';
import http from 'node:http';

const listenPort = Number(process.env.LISTEN_PORT ?? 3978);
const botPort = Number(process.env.BOT_PORT ?? 3977);
const locale = process.env.LOCALE;
const logFile = process.env.LOG_FILE;

const log = (entry) => {
  if (logFile) fs.appendFileSync(logFile, `${JSON.stringify({ t: new Date().toISOString(), ...entry })}\n`);
};

const server = http.createServer(async (req, res) => {
  let body = '';
  for await (const chunk of req) body += chunk;
  let forwarded = body;
  try {
    const activity = JSON.parse(body);
    log({ method: req.method, url: req.url, headers: req.headers, activity });
    if (locale && activity && typeof activity === 'object') {
      if ('locale' in activity) activity.locale = locale;
      for (const entity of activity.entities ?? []) {
        if (entity?.type === 'clientInfo' && 'locale' in entity) entity.locale = locale;
      }
      forwarded = JSON.stringify(activity);
    }
  } catch {
    log({ method: req.method, url: req.url, headers: req.headers, body: body.slice(0, 2000) });
  }
  const upstream = http.request(
    {
      host: '127.0.0.1',
      port: botPort,
      method: req.method,
      path: req.url,
      headers: {
        ...req.headers,
        host: `127.0.0.1:${botPort}`,
        'content-length': Buffer.byteLength(forwarded),
      },
      timeout: 30000,
    },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
      log({ url: req.url, status: answer.statusCode });
    },
  );
  upstream.on('timeout', () => upstream.destroy(new Error('bot did not answer in 30 s')));
  upstream.on('error', (e) => {
    if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
    res.end(String(e.message));
  });
  upstream.end(forwarded);
});

server.listen(listenPort, '127.0.0.1', () => {
  process.stdout.write(
    `locale-proxy: 127.0.0.1:${listenPort} -> 127.0.0.1:${botPort}, locale ${locale ?? 'unchanged'}, ` +
      `log ${logFile ?? 'off'}\n`,
  );
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close(() => process.exit(0)));
