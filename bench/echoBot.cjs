'use strict';
/**
 * The baseline for `npm run bench:turns`: a bare botbuilder echo bot on the same stack as ours
 * (restify 11, CloudAdapter without credentials, 1 MB body parser), with the same /readyz probe.
 * Plain JavaScript so it starts without a compile step, like `node dist/src/index.js`.
 */
const restify = require('restify');
const { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication } = require('botbuilder');

class EchoBot extends ActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      await context.sendActivity(`Echo: ${context.activity.text ?? ''}`);
      await next();
    });
  }
}

const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
const bot = new EchoBot();
const server = restify.createServer({ handleUncaughtExceptions: false });
server.use(restify.plugins.bodyParser({ maxBodySize: 1024 * 1024, mapParams: false }));
server.get('/readyz', (_req, res, next) => {
  res.send(200, { status: 'ready' });
  return next();
});
server.post('/api/messages', async (req, res) => {
  await adapter.process(req, res, (context) => bot.run(context));
});
server.listen(Number(process.env.PORT), process.env.HOST || '127.0.0.1');
process.on('SIGTERM', () => server.close(() => process.exit(0)));
