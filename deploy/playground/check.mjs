// Walks through Säkerhetsguiden in the Microsoft 365 Agents Playground with a headless browser, the way a
// person would, and saves a screenshot per step plus the activities the Playground exchanged.
//
// Needs: the bot running (npm start) and the Playground running against it (npm run playground), and a
// Chromium and playwright-core installed OUTSIDE the repository (they are not project dependencies):
//
//   apt-get install -y chromium fonts-noto-color-emoji
//   npm install --prefix /tmp/pg-tools playwright-core
//   PLAYWRIGHT_CORE=/tmp/pg-tools/node_modules/playwright-core node deploy/playground/check.mjs
//
//   PLAYWRIGHT_CORE  path to the playwright-core package (required)
//   CHROMIUM         the browser binary (/usr/bin/chromium)
//   PLAYGROUND_URL   where the Playground listens (http://127.0.0.1:56150)
//   OUT_DIR          screenshots, activities.json and result.json (data/playground/check-<time>)
//
// It sends nothing to the bot itself: everything goes through the Playground's UI. The browser may only
// reach 127.0.0.1 (the Playground's page asks for fonts on a Microsoft CDN; those requests are refused).
// Labels are matched in Swedish and English: the Playground sends locale en-US on every activity, so the bot
// answers in English unless locale-proxy.mjs (beside this file) rewrites the locale to sv-SE.
// Exit code 0 when every check passed, 1 when one failed, 2 on a setup problem.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const playwrightPath = process.env.PLAYWRIGHT_CORE;
if (!playwrightPath) {
  process.stderr.write(
    'check: set PLAYWRIGHT_CORE to the playwright-core package (see the top of this file)\n',
  );
  process.exit(2);
}
const { chromium } = createRequire(import.meta.url)(path.resolve(playwrightPath));
const playgroundUrl = process.env.PLAYGROUND_URL ?? 'http://127.0.0.1:56150';
const outDir =
  process.env.OUT_DIR ??
  path.join(root, 'data/playground', `check-${new Date().toISOString().replace(/[:.]/g, '-')}`);
fs.mkdirSync(outDir, { recursive: true });

const REPLY_TIMEOUT_MS = 15000;
const MAX_REPORT_STEPS = 15;
const results = [];
const activities = [];
const blocked = [];
const pageErrors = [];
let shot = 0;

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const exactly = (...labels) => new RegExp(`^\\s*(${labels.map(escape).join('|')})\\s*$`);
const startsWith = (...labels) => new RegExp(`^\\s*(${labels.map(escape).join('|')})`);

function check(step, ok, detail) {
  results.push({ step, ok, detail });
  process.stdout.write(`${ok ? 'ok  ' : 'FAIL'} ${step}${detail ? ` – ${detail}` : ''}\n`);
}

const userDataDir = fs.mkdtempSync('/tmp/pg-check-chrome-');
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  viewport: { width: 1400, height: 1000 },
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
await context.route(
  (url) => !/^https?:\/\/127\.0\.0\.1[:/]/.test(url.href),
  (route) => {
    blocked.push(route.request().url());
    return route.abort();
  },
);
const page = context.pages()[0] ?? (await context.newPage());
page.on('pageerror', (e) => pageErrors.push(String(e)));
// The Playground's log panel streams every activity it sends and receives; keep them for the report.
page.on('websocket', (ws) => {
  if (!ws.url().includes('/_ws/log/')) return;
  ws.on('framereceived', (frame) => {
    try {
      const log = JSON.parse(String(frame.payload)).log;
      if (log?.activityName)
        activities.push({ name: log.activityName, from: log.from, to: log.to, body: log.request?.body });
    } catch {
      // not a log line
    }
  });
});

const cards = () => page.locator('.ac-adaptiveCard');
const lastCard = () => cards().last();

async function screenshot(name) {
  shot += 1;
  const file = path.join(outDir, `${String(shot).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** Waits until the bot's reply count grows past `before` (cards or plain messages). */
async function waitForReply(before) {
  const deadline = Date.now() + REPLY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if ((await cards().count()) > before.cards || (await botMessageCount()) > before.messages) {
      await page.waitForTimeout(600); // a turn may send several activities; let them land
      return true;
    }
    await page.waitForTimeout(200);
  }
  return false;
}

async function botMessageCount() {
  return activities.filter((a) => a.name === 'message' && a.from === 'User Application').length;
}

async function counts() {
  return { cards: await cards().count(), messages: await botMessageCount() };
}

async function say(text, name) {
  const before = await counts();
  await page.locator('[data-lexical-editor=true]').click();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
  const replied = await waitForReply(before);
  return { replied, file: await screenshot(name) };
}

async function click(card, label, name) {
  const before = await counts();
  await card.locator('button', { hasText: label }).first().click();
  const replied = await waitForReply(before);
  return { replied, file: await screenshot(name) };
}

/** Fills every empty input of the card in front: the first choice of each set, a date, a time, some text. */
async function fillCard(card) {
  const filled = [];
  const inputs = card.locator('input, textarea');
  const seenGroups = new Set();
  for (let i = 0; i < (await inputs.count()); i += 1) {
    const input = inputs.nth(i);
    const info = await input.evaluate((e) => ({
      tag: e.tagName,
      type: e.getAttribute('type') ?? '',
      role: e.getAttribute('role') ?? '',
      placeholder: e.getAttribute('placeholder') ?? '',
      id: e.id,
      name: e.getAttribute('name') ?? '',
      value: e.value,
      checked: e.checked,
    }));
    if (info.type === 'radio' || info.type === 'checkbox') {
      // Choice-set options share an id prefix ("<set>-<n>") and radios a name; the first option stands in.
      const group = info.name || info.id.replace(/-\d+$/, '');
      if (seenGroups.has(group)) continue;
      seenGroups.add(group);
      const anyChecked = await card
        .locator(`input[type=${info.type}]`)
        .evaluateAll(
          (es, g) => es.some((e) => (e.getAttribute('name') || e.id.replace(/-\d+$/, '')) === g && e.checked),
          group,
        );
      if (!anyChecked) {
        await input.check();
        filled.push(`${info.type}:${group}`);
      }
    } else if (/date/i.test(info.placeholder)) {
      if (info.value) continue;
      await input.click();
      const day = (d) =>
        `${d.getDate()}, ${d.toLocaleString('en-US', { month: 'long' })}, ${d.getFullYear()}`;
      const yesterday = new Date(Date.now() - 24 * 3600 * 1000);
      const target = page.locator(`button[aria-label="${day(yesterday)}"]`);
      await (
        (await target.count()) ? target : page.locator(`button[aria-label="${day(new Date())}"]`)
      ).click();
      filled.push('date');
    } else if (/time/i.test(info.placeholder)) {
      if (info.value) continue;
      await input.click();
      await page.locator('[role=option]').first().click(); // midnight: never in the future
      filled.push('time');
    } else if (info.role === 'combobox') {
      if (info.value) continue;
      await input.click();
      await page.locator('[role=option]').first().click();
      filled.push('compact choice');
    } else if (info.tag === 'TEXTAREA' || ['text', '', 'email', 'tel', 'url', 'search'].includes(info.type)) {
      if (info.value) continue;
      await input.fill(
        info.tag === 'TEXTAREA'
          ? 'Testrapport från check.mjs.\nAndra raden, och ${name} ska synas bokstavligt.'
          : 'Testförvaltningen',
      );
      filled.push(info.tag === 'TEXTAREA' ? 'text area' : 'text');
    } else if (info.type === 'number') {
      if (!info.value) {
        await input.fill('1');
        filled.push('number');
      }
    }
  }
  return filled;
}

const text = async (card) => (await card.innerText()).replace(/\s+/g, ' ').trim();

try {
  await page.goto(playgroundUrl, { waitUntil: 'load', timeout: 60000 });
  const welcome = await cards()
    .first()
    .waitFor({ timeout: REPLY_TIMEOUT_MS })
    .then(
      () => true,
      () => false,
    );
  await screenshot('welcome');
  const welcomeText = welcome ? await text(cards().first()) : '';
  check(
    'welcome card on connect',
    welcome && welcomeText.includes('Säkerhetsguiden'),
    welcomeText.slice(0, 80),
  );

  let r = await say('hjälp', 'help');
  check('"hjälp" shows the help card', r.replied, (await text(lastCard())).slice(0, 80));

  const reportButton = exactly('Rapportera händelsen', 'Report the incident');
  r = await say('en pappa hotade mig på förskolan, vad gör jag?', 'threat-question');
  let answer = await text(lastCard());
  let direct = (await lastCard().locator('button', { hasText: reportButton }).count()) > 0;
  check('threat question: answered directly (not "Menade du…?")', r.replied && direct, answer.slice(0, 100));
  if (!direct) {
    // "Menade du…?": a person would take the first suggestion.
    const suggestion = (await lastCard().locator('button').allInnerTexts())[0] ?? '';
    r = await click(lastCard(), exactly(suggestion), 'threat-suggestion');
    answer = await text(lastCard());
    direct = (await lastCard().locator('button', { hasText: reportButton }).count()) > 0;
    check(`first suggestion "${suggestion}" opens an answer`, r.replied, answer.slice(0, 100));
  }
  const first112 = answer.indexOf('112');
  check(
    'answer card: 112 near the top and a "Rapportera händelsen" button',
    direct && first112 >= 0 && first112 < 400,
    `112 at character ${first112}`,
  );
  const answerIndex = (await cards().count()) - 1;
  const answerCard = cards().nth(answerIndex);

  r = await say('vem ansvarar för informationssäkerheten?', 'who-is-responsible');
  check(
    '"vem ansvarar för informationssäkerheten?" answers',
    r.replied,
    (await text(lastCard())).slice(0, 80),
  );

  const beforeOrg = await counts();
  r = await say('jag jobbar på Järva', 'organisation');
  const orgReply = activities.filter((a) => a.name === 'message' && a.from === 'User Application').at(-1);
  check(
    '"jag jobbar på Järva" sets the organisation',
    r.replied && (await counts()).messages > beforeOrg.messages,
    String(orgReply?.body?.text ?? 'a card').slice(0, 80),
  );

  // A related topic: the "▸ …" rows under "Du kanske också undrar" (clickable containers that wrap).
  const relatedRow = answerCard.getByText(/^▸ /).first();
  if ((await answerCard.getByText(/^▸ /).count()) > 0) {
    const label = (await relatedRow.innerText()).replace(/^▸\s*/, '');
    const before = await counts();
    await relatedRow.click();
    r = { replied: await waitForReply(before), file: await screenshot('related-topic') };
    check(`related topic "${label}" opens an answer`, r.replied, (await text(lastCard())).slice(0, 80));
  } else check('related topic row on the answer card', false, 'none found');

  r = await click(lastCard(), startsWith('👍'), 'feedback');
  const thanks = activities.filter((a) => a.name === 'message' && a.from === 'User Application').at(-1);
  check('👍 feedback is acknowledged', r.replied, String(thanks?.body?.text ?? '').slice(0, 80));

  // The whole report.
  r = await say('rapportera', 'report-danger');
  check('"rapportera" asks about danger first', r.replied, (await text(lastCard())).slice(0, 80));
  r = await click(lastCard(), startsWith('Nej', 'No'), 'report-type');
  check('"Nej" leads to the type choice', r.replied, (await text(lastCard())).slice(0, 80));
  r = await click(lastCard(), exactly('Hot och våld', 'Threats and violence'), 'report-step-1');
  check('"Hot och våld" opens step 1', r.replied, (await text(lastCard())).slice(0, 80));

  let summary = false;
  for (let step = 1; step <= MAX_REPORT_STEPS; step += 1) {
    const card = lastCard();
    if ((await card.locator('button', { hasText: exactly('Skicka', 'Send') }).count()) > 0) {
      summary = true;
      break;
    }
    const heading = (await text(card)).slice(0, 60);
    const filled = await fillCard(card);
    await screenshot(`report-step-${step}-filled`);
    r = await click(card, exactly('Nästa', 'Next'), `report-step-${step + 1}`);
    const next = await text(lastCard());
    const rejected = /Något behöver|Something needs/.test(next);
    check(
      `step ${step} (${heading}) accepted`,
      r.replied && !rejected,
      `filled ${filled.join(', ') || 'nothing'}`,
    );
    if (!r.replied || rejected) break;
  }
  check('the summary is reached', summary);
  if (summary) {
    r = await click(lastCard(), exactly('Skicka', 'Send'), 'receipt');
    const receipt = await text(lastCard());
    const reference = /SG-\d{4}-\d{6}/.exec(receipt)?.[0];
    check('Skicka gives a receipt with a reference number', r.replied && Boolean(reference), reference);
    r = await say('mina rapporter', 'my-reports');
    const mine = await text(lastCard());
    check(
      '"mina rapporter" lists the report',
      r.replied && Boolean(reference) && mine.includes(reference),
      mine,
    );
  }
} catch (e) {
  check('walkthrough ran to the end', false, String(e?.message ?? e).split('\n')[0]);
  await screenshot('error').catch(() => undefined);
} finally {
  fs.writeFileSync(path.join(outDir, 'activities.json'), JSON.stringify(activities, null, 2));
  fs.writeFileSync(
    path.join(outDir, 'result.json'),
    JSON.stringify({ results, blocked, pageErrors }, null, 2),
  );
  await context.close();
  fs.rmSync(userDataDir, { recursive: true, force: true });
}

const failed = results.filter((x) => !x.ok).length;
process.stdout.write(
  `${results.length - failed}/${results.length} checks passed; ${blocked.length} off-machine request(s) refused; ` +
    `${pageErrors.length} page error(s); screenshots in ${outDir}\n`,
);
process.exit(failed > 0 ? 1 : 0);
