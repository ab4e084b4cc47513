// Walks through Säkerhetsguiden in the Microsoft 365 Agents Playground with a headless Chromium, the way
// a person would, and checks what a person would notice. `npm run test:client` (client-test.mjs beside
// this file) starts the bot and a Playground per person and runs this; to run it by hand against a bot
// (npm start) and a Playground (npm run playground) that are already up:
//
//   PERSON=reporter node deploy/playground/check.mjs
//
//   PERSON          employee | manager | reporter | asker | all (all: every path in one conversation)
//   BOT_URL, TEAM_STUB_URL, TEAM_CHANNEL, TEAM_MEMBER
//                   asker only (client-test.mjs sets them): the bot, the security team's channel stub, its
//                   conversation id and the team member ({id, aadObjectId}) who answers over HTTP
//   CHROMIUM        the browser binary (/usr/bin/chromium)
//   PLAYGROUND_URL  where the Playground listens (http://127.0.0.1:56150)
//   OUT_DIR         screenshots, activities.json and result.json (data/playground/check-<time>)
//   PLAYWRIGHT_CORE optional path to another playwright-core (default: the project's devDependency)
//
// The Playground sends locale en-US on every activity (as Teams does for anyone whose Teams is in English);
// everything here is typed in Swedish, so every card must be Swedish. On every card it checks: no English
// text of the bot's own, button titles short enough that Teams does not cut them, acronyms in capitals.
// It sends nothing to the bot itself and the browser may only reach 127.0.0.1 (the page's font requests to
// a Microsoft CDN are refused). Exit code 0 when every check passed, 1 when one failed, 2 on a setup problem.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);
const { chromium } = require(
  process.env.PLAYWRIGHT_CORE ? path.resolve(process.env.PLAYWRIGHT_CORE) : 'playwright-core',
);
const playgroundUrl = process.env.PLAYGROUND_URL ?? 'http://127.0.0.1:56150';
const person = process.env.PERSON ?? 'all';
const outDir =
  process.env.OUT_DIR ??
  path.join(root, 'data/playground', `check-${new Date().toISOString().replace(/[:.]/g, '-')}`);
fs.mkdirSync(outDir, { recursive: true });

const REPLY_TIMEOUT_MS = 15000;
const MAX_REPORT_STEPS = 15;
/** Teams cuts action titles longer than about this (design.md). */
const MAX_TITLE = 40;
const results = [];
const activities = [];
const blocked = [];
const pageErrors = [];
const defects = new Map();
let shot = 0;

// The bot's own English texts (i18n and report flow). Knowledge sources may have English titles, so the
// check looks for the bot's phrases, not for English in general.
const ENGLISH = [
  /\bIs anyone in danger\b/,
  /\bCall 112\b/,
  /\bPolice, non-emergency\b/,
  /\bHi! I am\b/,
  /\bWhat to do\b/,
  /\bLast reviewed\b/,
  /\bYou may also want\b/,
  /\bWas this helpful\b/,
  /\bStep \d+ of \d+\b/,
  /\bask your manager\b/i,
  /\bWho is responsible\b/,
  /\bWhat would you like to report\b/,
  /\bThe report is cancelled\b/,
  /\bReports are handled in a private chat\b/,
  /\bDid you mean\b/,
  /\bThank you\b/,
  /\bYour question has been sent\b/,
  /\bAnswer to your question\b/,
  /\bWhat happens to the text\b/i,
];
const ENGLISH_BUTTONS =
  /^(Thanks, that helped|I have a follow-up question|Send the question|Ask the security function|Next|Back|Cancel|Send|Help|Report an incident|Report the incident|Who does what\?|My reports|Choose organisation|Yes|No|Read more|Show more|Save|Edit)$/;
// Acronyms that must stay in capitals in titles and buttons (lower case only inside addresses like imy.se).
const ACRONYMS = /(?<![\w./@-])(imy|nis2|rsa|mcf|msb|gdpr|afs|it-säkerhet)(?![\w./])/;

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const exactly = (...labels) => new RegExp(`^\\s*(${labels.map(escape).join('|')})\\s*$`);
const startsWith = (...labels) => new RegExp(`^\\s*(${labels.map(escape).join('|')})`);

function check(step, ok, detail) {
  results.push({ step, ok, detail });
  process.stdout.write(`${ok ? 'ok  ' : 'FAIL'} [${person}] ${step}${detail ? ` – ${detail}` : ''}\n`);
}

const userDataDir = fs.mkdtempSync('/tmp/pg-check-chrome-');
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  locale: 'en-US',
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
    '--lang=en-US',
  ],
});
await context.route(
  (url) => !/^(https?|wss?):\/\/127\.0\.0\.1[:/]/.test(url.href),
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
const text = async (card) => (await card.innerText()).replace(/\s+/g, ' ').trim();
const botMessages = () => activities.filter((a) => a.name === 'message' && a.from === 'User Application');

async function screenshot(name) {
  shot += 1;
  const file = path.join(outDir, `${String(shot).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** What the chat shows now: the number of cards and all their text (an in-place update changes only text). */
async function state() {
  return {
    cards: await cards().count(),
    messages: botMessages().length,
    text: (await cards().allInnerTexts()).join('\n'),
  };
}

/** Waits until the chat changes after `before` (a new card or message, or a card updated in place). */
async function waitForReply(before) {
  const deadline = Date.now() + REPLY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const now = await state();
    if (now.cards !== before.cards || now.messages > before.messages || now.text !== before.text) {
      await page.waitForTimeout(800); // a turn may send several activities; let them land
      await inspect();
      return true;
    }
    await page.waitForTimeout(200);
  }
  return false;
}

function defect(kind, detail) {
  const key = `${kind}: ${detail}`;
  if (!defects.has(key)) defects.set(key, { kind, detail });
}

/** The checks every card in the chat gets after each reply: language, button titles, acronyms. */
async function inspect() {
  const all = cards();
  for (let i = 0; i < (await all.count()); i += 1) {
    const card = all.nth(i);
    const body = await text(card);
    for (const re of ENGLISH) {
      const m = re.exec(body);
      if (m) defect('English in a Swedish conversation', `"${m[0]}" in "${body.slice(0, 60)}"`);
    }
    const buttons = await card.locator('button').evaluateAll((es) =>
      es.map((e) => ({
        title: (e.innerText || e.getAttribute('aria-label') || '').replace(/\s+/g, ' ').trim(),
        // Cut by the client: the title's box is narrower than its text (ellipsis).
        cut: [e, ...e.querySelectorAll('*')].some(
          (x) => x.scrollWidth > x.clientWidth + 1 && getComputedStyle(x).overflow !== 'visible',
        ),
      })),
    );
    for (const b of buttons) {
      if (!b.title) continue;
      if (b.title.length > MAX_TITLE) defect('button title too long', `"${b.title}" (${b.title.length})`);
      else if (b.cut) defect('button title cut by the client', `"${b.title}"`);
      if (ENGLISH_BUTTONS.test(b.title)) defect('English button in a Swedish conversation', `"${b.title}"`);
      if (ACRONYMS.test(b.title)) defect('acronym in lower case', `button "${b.title}"`);
    }
    const heading = (
      await card
        .locator('.ac-textBlock')
        .first()
        .innerText()
        .catch(() => '')
    ).trim();
    if (ACRONYMS.test(heading)) defect('acronym in lower case', `title "${heading}"`);
  }
  for (const m of botMessages()) {
    const t = String(m.body?.text ?? '');
    for (const re of [...ENGLISH, /^(Done!|Thank you|Type a question)/]) {
      if (re.test(t)) defect('English message in a Swedish conversation', `"${t.slice(0, 60)}"`);
    }
  }
}

async function say(words, name) {
  const before = await state();
  await page.locator('[data-lexical-editor=true]').click();
  await page.keyboard.type(words);
  await page.keyboard.press('Enter');
  const replied = await waitForReply(before);
  return { replied, before, file: await screenshot(name) };
}

async function click(card, label, name) {
  const before = await state();
  await card.locator('button', { hasText: label }).first().click();
  const replied = await waitForReply(before);
  return { replied, before, file: await screenshot(name) };
}

/** The date picker's day button: "1, December, 2026". */
const dayLabel = (d) => `${d.getDate()}, ${d.toLocaleString('en-US', { month: 'long' })}, ${d.getFullYear()}`;

/** Picks a day in the date input's calendar; false when the day cannot be picked. */
async function pickDate(input, date) {
  await input.click();
  const target = page.locator(`button[aria-label="${dayLabel(date)}"]`);
  if ((await target.count()) === 0 || (await target.first().isDisabled())) {
    await page.keyboard.press('Escape');
    return false;
  }
  await target.first().click();
  return true;
}

/** Fills every empty input of the card in front: the first choice of each set, a date, a time, some text. */
async function fillCard(card, options = {}) {
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
      if (info.value && !options.date) continue;
      const wanted = options.date ?? new Date(Date.now() - 24 * 3600 * 1000);
      if (!(await pickDate(input, wanted))) await pickDate(input, new Date());
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
          ? (options.longText ??
              'Testrapport från check.mjs.\nAndra raden, och ${name} ska synas bokstavligt.')
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

const WELCOME = /Hej! Jag är Säkerhetsguiden|Hi! I am Säkerhetsguiden/;

async function welcome() {
  const shown = await cards()
    .first()
    .waitFor({ timeout: REPLY_TIMEOUT_MS })
    .then(
      () => true,
      () => false,
    );
  await page.waitForTimeout(2500); // a second welcome would arrive within this
  await inspect();
  await screenshot('welcome');
  const texts = await cards().allInnerTexts();
  const welcomes = texts.filter((t) => WELCOME.test(t));
  check(
    'exactly one welcome card on install, in Swedish',
    shown && welcomes.length === 1 && welcomes[0].includes('Hej! Jag är Säkerhetsguiden'),
    `${welcomes.length} welcome card(s)`,
  );
}

// ------------------------------------------------------------------------------------------ the people

/** An employee asks about a threat, who is responsible, and clicks around the answers. */
async function employee() {
  const reportButton = exactly('Rapportera händelsen');
  let r = await say('en pappa hotade mig på förskolan, vad gör jag?', 'threat-question');
  let answer = await text(lastCard());
  let direct = (await lastCard().locator('button', { hasText: reportButton }).count()) > 0;
  check('threat question: answered directly (not "Menade du…?")', r.replied && direct, answer.slice(0, 100));
  const first112 = answer.indexOf('112');
  check(
    'answer card: 112 near the top and a "Rapportera händelsen" button',
    direct && first112 >= 0 && first112 < 400,
    `112 at ${first112}`,
  );
  const answerCard = cards().nth((await cards().count()) - 1);

  r = await say('vem ansvarar för informationssäkerheten?', 'who-is-responsible');
  check(
    '"vem ansvarar för informationssäkerheten?" answers',
    r.replied,
    (await text(lastCard())).slice(0, 80),
  );

  r = await say('vem ansvarar för anmälan till IMY?', 'imy');
  check(
    '"vem ansvarar för anmälan till IMY?" answers with IMY in capitals',
    r.replied && (await text(lastCard())).includes('IMY'),
    (await text(lastCard())).slice(0, 80),
  );

  r = await say('jag jobbar på Järva', 'organisation');
  check(
    '"jag jobbar på Järva" sets the organisation, in Swedish',
    r.replied && /Klart/.test(String(botMessages().at(-1)?.body?.text ?? '')),
    String(botMessages().at(-1)?.body?.text ?? '').slice(0, 80),
  );

  if ((await answerCard.getByText(/^▸ /).count()) > 0) {
    const row = answerCard.getByText(/^▸ /).first();
    const label = (await row.innerText()).replace(/^▸\s*/, '');
    const before = await state();
    await row.click();
    r = { replied: await waitForReply(before) };
    await screenshot('related-topic');
    check(`related topic "${label}" opens an answer`, r.replied, (await text(lastCard())).slice(0, 80));
  } else check('related topic row on the answer card', false, 'none found');

  r = await click(lastCard(), startsWith('👍'), 'feedback');
  check(
    '👍 feedback is acknowledged in Swedish',
    r.replied && /Tack/.test(String(botMessages().at(-1)?.body?.text ?? '')),
  );

  // A button on the Swedish welcome card answers in Swedish (the card's language, not the client's).
  const welcomeCard = cards().filter({ hasText: 'Hej! Jag är Säkerhetsguiden' }).first();
  r = await click(welcomeCard, exactly('Vem gör vad?'), 'welcome-roles');
  check(
    '"Vem gör vad?" on the welcome card answers in Swedish',
    r.replied && /Välj ett område/.test(await text(lastCard())),
    (await text(lastCard())).slice(0, 80),
  );
}

/** A manager asks what they must do: one card, duties first, details behind "Visa mer". */
async function manager() {
  const r = await say('vad måste jag göra som chef när en medarbetare hotats?', 'manager-question');
  const after = await state();
  const added = after.cards - r.before.cards;
  const card = lastCard();
  const body = await text(card);
  check('the manager question gives one card', r.replied && added === 1, `${added} new card(s)`);
  const more = card.locator('button', { hasText: exactly('Visa mer') });
  check('the manager card has its details behind "Visa mer"', (await more.count()) > 0, body.slice(0, 100));
  if ((await more.count()) > 0) {
    const shortText = body.length;
    await more.first().click();
    await page.waitForTimeout(500);
    await inspect();
    await screenshot('manager-more');
    check(
      '"Visa mer" shows more on the same card',
      (await text(card)).length > shortText,
      `${shortText} -> ${(await text(card)).length} characters`,
    );
  }
}

/** A reporter: "rapportera" as the first message, the whole report as one card that moves forward. */
async function reporter() {
  let r = await say('rapportera', 'report-danger');
  const reportCardCount = (await state()).cards;
  check(
    '"rapportera" as the first message asks about danger, in Swedish',
    r.replied && /Är någon i fara just nu\?/.test(await text(lastCard())),
    (await text(lastCard())).slice(0, 80),
  );
  r = await click(lastCard(), startsWith('Nej'), 'report-type');
  check(
    '"Nej" leads to the type choice',
    r.replied && /Vad vill du rapportera/.test(await text(lastCard())),
    (await text(lastCard())).slice(0, 60),
  );
  r = await click(lastCard(), exactly('Hot och våld'), 'report-step-1');
  check('"Hot och våld" opens step 1', r.replied, (await text(lastCard())).slice(0, 60));

  let summary = false;
  let dateTried = false;
  let backTried = false;
  let cancelTried = false;
  for (let step = 1; step <= MAX_REPORT_STEPS; step += 1) {
    const card = lastCard();
    if ((await card.locator('button', { hasText: exactly('Skicka') }).count()) > 0) {
      summary = true;
      break;
    }
    const heading = (await text(card)).slice(0, 50);
    const hasDate = (await card.locator('input[placeholder*="date" i]').count()) > 0;
    const hasTextArea = (await card.locator('textarea').count()) > 0;

    if (hasDate && !dateTried) {
      dateTried = true;
      // A date in the future: "Nästa" must answer with the field's message, never do nothing.
      const tomorrow = new Date(Date.now() + 36 * 3600 * 1000);
      await fillCard(card, { date: tomorrow });
      await screenshot(`report-step-${step}-future-date`);
      r = await click(card, exactly('Nästa'), `report-step-${step}-future-refused`);
      const refused = await text(lastCard());
      check(
        'a date in the future is refused with the message next to the field',
        r.replied && /framtiden/.test(refused),
        refused.slice(0, 120),
      );
      await fillCard(lastCard(), { date: new Date(Date.now() - 24 * 3600 * 1000) });
    }
    if (hasTextArea && !backTried) {
      backTried = true;
      const typed = `Lång beskrivning som inte får försvinna ${Date.now()}.`;
      await card.locator('textarea').first().fill(typed);
      r = await click(card, exactly('Tillbaka'), `report-step-${step}-back`);
      r = await click(lastCard(), exactly('Nästa'), `report-step-${step}-again`);
      const kept = await lastCard()
        .locator('textarea')
        .first()
        .inputValue()
        .catch(() => '');
      check('"Tillbaka" keeps what was typed on the current step', kept === typed, kept.slice(0, 60));
      if (!cancelTried) {
        cancelTried = true;
        r = await click(lastCard(), exactly('Avbryt'), `report-step-${step}-cancel`);
        const asked = await text(lastCard());
        check(
          '"Avbryt" on a draft with content asks first',
          r.replied && /Vill du slänga rapporten\?/.test(asked),
          asked.slice(0, 80),
        );
        const keep = lastCard().locator('button', { hasText: /Fortsätt/ });
        if ((await keep.count()) > 0) {
          r = await click(lastCard(), /Fortsätt/, `report-step-${step}-continue`);
          const back = await lastCard()
            .locator('textarea')
            .first()
            .inputValue()
            .catch(() => '');
          check(
            '"Fortsätt" after "Avbryt" returns to the step with the text kept',
            back === typed,
            back.slice(0, 60),
          );
        }
      }
    }
    const filled = await fillCard(lastCard());
    await screenshot(`report-step-${step}-filled`);
    r = await click(lastCard(), exactly('Nästa'), `report-step-${step + 1}`);
    const next = await text(lastCard());
    const rejected = /Något behöver/.test(next);
    check(
      `step ${step} (${heading}) accepted`,
      r.replied && !rejected,
      `filled ${filled.join(', ') || 'nothing'}`,
    );
    if (!r.replied || rejected) break;
  }
  check('the summary is reached', summary);
  if (!summary) return;
  r = await click(lastCard(), exactly('Skicka'), 'receipt');
  const receipt = await text(lastCard());
  const reference = /SG-\d{4}-\d{6}/.exec(receipt)?.[0];
  check('Skicka gives a receipt with a reference number', r.replied && Boolean(reference), reference);
  const cardsNow = (await state()).cards;
  check(
    'the report is one card that moved forward (no card left behind per step)',
    cardsNow === reportCardCount,
    `${reportCardCount} card(s) at the start, ${cardsNow} at the receipt`,
  );
  r = await say('mina rapporter', 'my-reports');
  const mine = await text(lastCard());
  check(
    '"mina rapporter" lists the report',
    r.replied && Boolean(reference) && mine.includes(reference),
    mine.slice(0, 80),
  );
}

const QUESTION = 'Får jag ta med min jobbdator på semester utomlands och jobba därifrån?';
const ANSWER = 'Nej, inte utan beslut från din chef och IT-avdelningen.';

/** What the bot has posted to the security team's channel stub (client-test.mjs). */
async function teamActivities() {
  const res = await fetch(new URL('_recorded', process.env.TEAM_STUB_URL), {
    signal: AbortSignal.timeout(5000),
  });
  return res.ok ? res.json() : [];
}

/** Polls the stub until a team card matches, or gives up after `timeoutMs`. */
async function teamCard(match, timeoutMs = 20000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const found = (await teamActivities()).filter((r) => match(JSON.stringify(r.activity))).at(-1);
    if (found) return found.activity;
    await page.waitForTimeout(250);
  }
  return undefined;
}

/** The data of the card action with `verb` (Action.Execute or Action.Submit), searched in the whole card. */
function actionData(node, verb) {
  if (Array.isArray(node)) {
    for (const n of node) {
      const d = actionData(n, verb);
      if (d) return d;
    }
  } else if (node && typeof node === 'object') {
    if (node.data && typeof node.data === 'object' && node.data.verb === verb) return node.data;
    if (node.verb === verb && typeof node.type === 'string' && /^Action\./.test(node.type))
      return { ...(node.data ?? {}), verb };
    for (const v of Object.values(node)) {
      const d = actionData(v, verb);
      if (d) return d;
    }
  }
  return undefined;
}

/** The team member presses "Svara" in the channel: an Action.Execute invoke, as Teams posts it. */
async function answerAsTeam(data, answer) {
  const member = JSON.parse(process.env.TEAM_MEMBER);
  const activity = {
    type: 'invoke',
    name: 'adaptiveCard/action',
    id: `team-invoke-${Date.now()}`,
    timestamp: new Date().toISOString(),
    serviceUrl: process.env.TEAM_STUB_URL,
    channelId: 'msteams',
    from: { id: member.id, name: 'Säkerhetsfunktionen', aadObjectId: member.aadObjectId },
    conversation: {
      id: `${process.env.TEAM_CHANNEL};messageid=1`,
      conversationType: 'channel',
      isGroup: true,
    },
    recipient: { id: 'bot', name: 'Säkerhetsguiden' },
    locale: 'sv-SE',
    value: { action: { type: 'Action.Execute', verb: 'question.answer', data: { ...data, answer } } },
  };
  const res = await fetch(new URL('/api/messages', process.env.BOT_URL), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity),
    signal: AbortSignal.timeout(15000),
  });
  return { status: res.status, body: await res.text() };
}

/** Waits (bounded) until a card in the chat contains `needle`: a proactive message arrives unasked. */
async function waitForCard(needle, timeoutMs = 30000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const all = await cards().allInnerTexts();
    if (all.some((t) => t.includes(needle))) {
      await page.waitForTimeout(800);
      await inspect();
      return cards().filter({ hasText: needle }).last();
    }
    await page.waitForTimeout(250);
  }
  return undefined;
}

/**
 * A person asks the security function in their chat; the team (over HTTP, see client-test.mjs) answers in
 * its channel card; the answer arrives in the person's chat with "Tack, det hjälpte" / "Jag har en
 * följdfråga"; "mina frågor" lists the question.
 */
async function asker() {
  if (!process.env.TEAM_STUB_URL || !process.env.BOT_URL || !process.env.TEAM_MEMBER) {
    check('asker path has a team channel stub (run through npm run test:client)', false);
    return;
  }
  let r = await say('fråga säkerhetsfunktionen', 'ask-card');
  const askCard = lastCard();
  const askText = await text(askCard);
  check(
    '"fråga säkerhetsfunktionen" opens the ask card, in Swedish, with what happens to the text',
    r.replied && (await askCard.locator('textarea').count()) > 0 && /Vad händer med texten/.test(askText),
    askText.slice(0, 100),
  );
  await askCard.locator('textarea').first().fill(QUESTION);
  await screenshot('ask-filled');
  r = await click(askCard, exactly('Skicka frågan'), 'ask-receipt');
  const receipt = await text(lastCard());
  const id = /FQ-\d{4}-\d{6}/.exec(receipt)?.[0];
  check(
    '"Skicka frågan" gives a receipt with an FQ- number',
    r.replied && Boolean(id),
    receipt.slice(0, 120),
  );
  if (!id) return;

  const card = await teamCard((t) => t.includes(id) && t.includes(QUESTION.slice(0, 40)));
  const answerData = card && actionData(card, 'question.answer');
  check(
    'the security team\'s channel gets the question card with "Svara"',
    Boolean(answerData) && JSON.stringify(card).includes('Svara'),
    card ? `card for ${id}` : 'nothing posted to the team channel',
  );
  if (!answerData) return;
  const answered = await answerAsTeam(answerData, ANSWER);
  check(
    'the team member\'s "Svara" is accepted and the team card shows Besvarad',
    answered.status === 200 && answered.body.includes('Besvarad'),
    `HTTP ${answered.status}`,
  );

  const answerCard = await waitForCard(ANSWER);
  await screenshot('answer-arrived');
  const answerText = answerCard ? await text(answerCard) : '';
  const buttons = answerCard ? (await answerCard.locator('button').allInnerTexts()).map((b) => b.trim()) : [];
  check(
    'the answer arrives in the person\'s chat with "Tack, det hjälpte" and "Jag har en följdfråga"',
    answerText.includes(`Svar på din fråga ${id}`) &&
      buttons.includes('Tack, det hjälpte') &&
      buttons.includes('Jag har en följdfråga'),
    answerText.slice(0, 120),
  );
  if (!answerCard) return;
  r = await click(answerCard, exactly('Tack, det hjälpte'), 'thanks');
  const thanked = `${String(botMessages().at(-1)?.body?.text ?? '')}\n${await text(lastCard())}`;
  check(
    '"Tack, det hjälpte" is acknowledged in Swedish',
    r.replied && /Tack för att du berättade/.test(thanked),
    thanked.slice(0, 80),
  );
  const helped = await teamCard((t) => t.includes(id) && t.includes('det hjälpte'), 10000);
  check('the team card is updated: the person says it helped', Boolean(helped));

  r = await say('mina frågor', 'my-questions');
  const mine = await text(lastCard());
  check('"mina frågor" lists the question', r.replied && mine.includes(id), mine.slice(0, 100));
}

const PATHS = { employee, manager, reporter, asker };

try {
  await page.goto(playgroundUrl, { waitUntil: 'load', timeout: 60000 });
  await welcome();
  const run = person === 'all' ? Object.values(PATHS) : [PATHS[person]];
  if (run.some((f) => !f)) throw new Error(`unknown PERSON ${person}`);
  for (const f of run) await f();
  await inspect();
} catch (e) {
  check('walkthrough ran to the end', false, String(e?.message ?? e).split('\n')[0]);
  await screenshot('error').catch(() => undefined);
} finally {
  for (const { kind, detail } of defects.values()) check(kind, false, detail);
  if (defects.size === 0) check('no English, cut titles or lower-case acronyms on any card', true);
  // A script error in the client usually means a button that does nothing (a card field named "key" did).
  check('the Playground page raised no script errors', pageErrors.length === 0, pageErrors[0]);
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
  `[${person}] ${results.length - failed}/${results.length} checks passed; ${blocked.length} off-machine request(s) refused; ` +
    `${pageErrors.length} page error(s); screenshots in ${outDir}\n`,
);
process.exit(failed > 0 ? 1 : 0);
