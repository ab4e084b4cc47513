import { createHmac, timingSafeEqual } from 'node:crypto';
import { isReportStatus } from '../access';
import { PermanentOutboxError, type OutboxSender } from './outbox';
import type { OutboxMessage } from '../store/repository';
import { REPORT_TYPE_IDS, type ReportStatus, type ReportTypeId } from '../types';

/**
 * Optional case-system webhook: a signed JSON POST per outbox message on the 'webhook' channel.
 * The body carries facts only (no answers, no names), so a leaked request reveals that a report exists,
 * not what it says. Receivers verify the signature with verifyWebhookSignature and de-duplicate on the
 * delivery header, since the outbox delivers at least once.
 */

export const WEBHOOK_TIMESTAMP_HEADER = 'X-Sakerhetsguiden-Timestamp';
export const WEBHOOK_SIGNATURE_HEADER = 'X-Sakerhetsguiden-Signature';
/** The outbox message id: the same value on every retry of one message. */
export const WEBHOOK_DELIVERY_HEADER = 'X-Sakerhetsguiden-Delivery';

/** What the case system receives. */
export interface WebhookBody {
  reference: string;
  type: ReportTypeId;
  status: ReportStatus;
  createdAt: string;
  /** null when the reporter chose no organisation. */
  organisationId: string | null;
}

export interface WebhookSenderOptions {
  url: string;
  secret: string;
  timeoutMs: number;
  fetchImpl?: typeof fetch;
  /** Source of the signature timestamp (tests). */
  clock?: () => Date;
}

/** A failed delivery; `code` is what the outbox records (http-503, timeout, ECONNREFUSED). */
export class WebhookError extends Error {
  constructor(readonly code: string) {
    super(`webhook delivery failed: ${code}`);
    this.name = 'WebhookError';
  }
}

/** `sha256=<hex HMAC-SHA256 of "<timestamp>.<body>">`. */
export function signWebhook(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex')}`;
}

/** What a receiver checks: the raw body exactly as received, and the two headers. */
export interface WebhookVerification {
  secret: string;
  /** The raw request body (verify before parsing: re-serialised JSON would not match). */
  body: string;
  timestamp: string | undefined;
  signature: string | undefined;
  /** Oldest accepted age (and furthest future skew) of the timestamp; default 300 s, against replays. */
  toleranceSeconds?: number;
  now?: Date;
}

/** True when the signature matches and the timestamp is fresh. Constant-time comparison. */
export function verifyWebhookSignature(input: WebhookVerification): boolean {
  const { secret, body, timestamp, signature } = input;
  if (!timestamp || !signature || !/^\d{1,12}$/.test(timestamp) || !/^sha256=[0-9a-f]{64}$/.test(signature)) {
    return false;
  }
  const now = Math.floor((input.now ?? new Date()).getTime() / 1000);
  if (Math.abs(now - Number(timestamp)) > (input.toleranceSeconds ?? 300)) return false;
  const expected = Buffer.from(signWebhook(secret, timestamp, body), 'utf8');
  const given = Buffer.from(signature, 'utf8');
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/**
 * Builds the body from the payload facts the repository put on the message. A payload without them
 * cannot improve by retrying, so it fails permanently.
 */
export function webhookBody(message: OutboxMessage): WebhookBody {
  const p = message.payload;
  const type = p.type;
  const status = p.status;
  if (
    typeof p.reference !== 'string' ||
    typeof type !== 'string' ||
    !(REPORT_TYPE_IDS as readonly string[]).includes(type) ||
    !isReportStatus(status) ||
    typeof p.createdAt !== 'string' ||
    (p.organisationId !== undefined && typeof p.organisationId !== 'string')
  ) {
    throw new PermanentOutboxError('invalid-payload');
  }
  return {
    reference: p.reference,
    type: type as ReportTypeId,
    status,
    createdAt: p.createdAt,
    organisationId: typeof p.organisationId === 'string' ? p.organisationId : null,
  };
}

/** Duck-typed on purpose: fetch's errors come from another realm under jest, so instanceof fails. */
function networkCode(error: unknown): string {
  const { name, cause } = (typeof error === 'object' && error !== null ? error : {}) as {
    name?: unknown;
    cause?: unknown;
  };
  if (name === 'TimeoutError' || name === 'AbortError') return 'timeout';
  const code = typeof cause === 'object' && cause !== null ? (cause as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : 'network';
}

/**
 * An outbox sender for the 'webhook' channel. Any non-2xx answer (redirects included: signed data
 * is not forwarded elsewhere), a network error or the timeout throws, so the outbox retries.
 */
export function createWebhookSender(options: WebhookSenderOptions): OutboxSender {
  const fetchImpl = options.fetchImpl ?? fetch;
  const clock = options.clock ?? (() => new Date());
  return async (message) => {
    const body = JSON.stringify(webhookBody(message));
    const timestamp = String(Math.floor(clock().getTime() / 1000));
    let response: Response;
    try {
      response = await fetchImpl(options.url, {
        method: 'POST',
        redirect: 'manual',
        signal: AbortSignal.timeout(options.timeoutMs),
        headers: {
          'Content-Type': 'application/json',
          [WEBHOOK_TIMESTAMP_HEADER]: timestamp,
          [WEBHOOK_SIGNATURE_HEADER]: signWebhook(options.secret, timestamp, body),
          [WEBHOOK_DELIVERY_HEADER]: String(message.id),
        },
        body,
      });
    } catch (error) {
      throw new WebhookError(networkCode(error));
    }
    // The answer's body is not used; reading it frees the connection for reuse.
    await response.arrayBuffer().catch(() => undefined);
    if (response.status < 200 || response.status > 299) throw new WebhookError(`http-${response.status}`);
  };
}
