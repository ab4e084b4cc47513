/**
 * With credentials configured the channel's tokens are checked against signing keys fetched from
 * the OpenID metadata. Here the metadata and keys are served on 127.0.0.1 by the test, which signs
 * its own tokens: a correctly signed token is accepted; unsigned, expired, wrong-audience,
 * wrong-issuer and wrongly signed ones get 401; metadata that cannot be fetched gives 503; and no
 * answer ever carries the error's text (before: 500 with the metadata URL and the DNS error).
 */
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
// botbuilder's own dependency (botframework-connector verifies with it).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const jwt = require('jsonwebtoken') as {
  sign(payload: object, key: KeyObject | string, options: Record<string, unknown>): string;
};
import { teamsMessage } from '../helpers/channel';
import { Harness } from '../helpers/app';

const APP_ID = '11111111-2222-3333-4444-555555555555';
const ISSUER = 'https://api.botframework.test';
const KID = 'test-key-1';
const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
const otherKeys = generateKeyPairSync('rsa', { modulusLength: 2048 });

/** Serves /openid (the metadata) and /keys (the JWKS with our public key, endorsed for msteams). */
async function startKeyServer(): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    res.setHeader('Content-Type', 'application/json');
    if (req.url === '/openid') res.end(JSON.stringify({ issuer: ISSUER, jwks_uri: `${base}/keys` }));
    else if (req.url === '/keys') {
      const jwk = keys.publicKey.export({ format: 'jwk' });
      res.end(
        JSON.stringify({ keys: [{ ...jwk, kid: KID, use: 'sig', alg: 'RS256', endorsements: ['msteams'] }] }),
      );
    } else {
      res.statusCode = 404;
      res.end('{}');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/openid` };
}

const credentials = (metadataUrl: string) => ({
  MicrosoftAppId: APP_ID,
  MicrosoftAppPassword: 'not-a-real-secret',
  MicrosoftAppType: 'MultiTenant',
  ToBotFromChannelOpenIdMetadataUrl: metadataUrl,
  ToBotFromChannelTokenIssuer: ISSUER,
  // Required with credentials; the test channel's activities come from this tenant.
  ALLOWED_TENANT_IDS: 'tenant-1',
});

let keyServer: { server: Server; url: string };
let h: Harness;

beforeAll(async () => {
  // The SDK prints refused tokens and its key to console.error; that is its noise, not a result.
  jest.spyOn(console, 'error').mockImplementation(() => undefined);
  keyServer = await startKeyServer();
  h = new Harness(credentials(keyServer.url));
  await h.start();
});
afterAll(async () => {
  await h.stop();
  await new Promise((r) => keyServer.server.close(r));
});

/** A token as the channel would sign it, with `claims` and `options` overriding the good values. */
function token(claims: Record<string, unknown> = {}, options: Record<string, unknown> = {}): string {
  const merged: Record<string, unknown> = {
    algorithm: 'RS256',
    keyid: KID,
    audience: APP_ID,
    issuer: ISSUER,
    expiresIn: '10m',
    ...options,
  };
  for (const k of Object.keys(merged)) if (merged[k] === undefined) delete merged[k];
  return jwt.sign({ serviceurl: h.channel.serviceUrl, ...claims }, keys.privateKey, merged);
}

/** A typing activity (the bot does not reply to it, so no outgoing token is needed). */
async function post(authorization: string | undefined, port = h.app!.port) {
  const activity = teamsMessage(h.channel.serviceUrl, {});
  activity.type = 'typing';
  const res = await fetch(`http://127.0.0.1:${port}/api/messages`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      ...(authorization === undefined ? {} : { Authorization: authorization }),
    },
    body: JSON.stringify(activity),
  });
  return { status: res.status, body: await res.text() };
}

const unsigned = () => {
  const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  return `${b64({ alg: 'none', typ: 'JWT', kid: KID })}.${b64({ aud: APP_ID, iss: ISSUER, exp: now + 600, serviceurl: h.channel.serviceUrl })}.`;
};

test('a correctly signed token is accepted', async () => {
  expect((await post(`Bearer ${token()}`)).status).toBe(200);
});

test.each([
  ['no Authorization header', () => undefined],
  ['a token that is not a JWT', () => 'Bearer not.a.token'],
  ['an unsigned token (alg none)', () => `Bearer ${unsigned()}`],
  [
    'an expired token',
    () => `Bearer ${token({ exp: Math.floor(Date.now() / 1000) - 3600 }, { expiresIn: undefined })}`,
  ],
  ['a token for another bot (audience)', () => `Bearer ${token({}, { audience: 'someone-else' })}`],
  ['a token from another issuer', () => `Bearer ${token({}, { issuer: 'https://evil.example' })}`],
  [
    'a token signed with another key under the same key id',
    () =>
      `Bearer ${jwt.sign({ serviceurl: h.channel.serviceUrl }, otherKeys.privateKey, { algorithm: 'RS256', keyid: KID, audience: APP_ID, issuer: ISSUER, expiresIn: '10m' })}`,
  ],
  ['a token with an unknown key id', () => `Bearer ${token({}, { keyid: 'unknown-key' })}`],
  ['a token for another serviceUrl', () => `Bearer ${token({ serviceurl: 'http://127.0.0.1:1/' })}`],
])('%s is refused with 401 and no internals', async (_name, auth) => {
  const { status, body } = await post(auth());
  expect(status).toBe(401);
  expect(JSON.parse(body)).toEqual({ error: 'unauthorized' });
});

test('when the signing keys cannot be fetched, the answer is 503 without the URL or the error', async () => {
  const down = new Harness(credentials('http://127.0.0.1:9/openid'));
  await down.start();
  try {
    const { status, body } = await post(`Bearer ${token()}`, down.app!.port);
    expect(status).toBe(503);
    expect(JSON.parse(body)).toEqual({ error: 'unavailable' });
    expect(body).not.toMatch(/127\.0\.0\.1|openid|ECONNREFUSED/i);
  } finally {
    await down.stop();
  }
});
