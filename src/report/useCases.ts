/**
 * What the bot does with reports, free of any SDK: start and step the guided report, submit it
 * durably, list and open reports, set a status, register the security conversation, and deliver
 * notifications through the outbox. The transport (src/bot/) builds a Turn from an activity, calls
 * these, and sends the replies the Turn collected.
 */
import { randomUUID } from 'node:crypto';
import type { AppConfig } from '../config';
import type { VerbData } from '../cards/verbs';
import type { Logger } from '../logger';
import { isDatabaseError, type Metrics } from '../metrics';
import type { Storage } from '../storage/types';
import type { Refresh, Turn } from '../turn';
import { messageView } from '../views/common';
import { canReadReport, canSetStatus, canTransition, isSecurityTeam } from './access';
import { normaliseDraft, reduceReport, resumeOfferView, toNewReport, type FlowContext } from './flow/flow';
import { OutboxWorker, PermanentOutboxError, type OutboxSender } from './delivery/outbox';
import { normalizeReference } from './store/reference';
import type { OutboxMessageInput, ReportRepository } from './store/repository';
import type { Actor, ConversationRef, Report } from './types';
import type { ReportFlowVerb } from '../cards/verbs';
import { notificationView, receiptView, reportDetailView, reportListView, statusChangedView } from './views';
import { createWebhookSender } from './delivery/webhook';
import { MAX_REFRESH_USERS, toUniversalActions, withRefresh } from '../cards/actions';
import { renderCard, type AdaptiveCardJson } from '../cards/renderCard';
import { REPORT_SERVICE_TEXT as TEXT } from '../i18n/reportStrings';

/** Unfinished drafts hold personal data: after this many days untouched they are discarded. */
const DRAFT_MAX_AGE_DAYS = 30;

/** Where a captured security conversation reference is kept in bot storage. */
/** The security team's Teams user ids (for refresh.userIds), learnt as they use the bot. */
const TEAM_USERS_KEY = 'settings/security-team-user-ids';

const SECURITY_CONVERSATION_KEY = 'settings/security-conversation';

/** Sends a card to a conversation outside any turn (the transport's proactive message). */
export type ProactiveSend = (target: ConversationRef, card: AdaptiveCardJson) => Promise<void>;

export interface ReportUseCasesDeps {
  config: Pick<AppConfig, 'reports'>;
  repository: ReportRepository;
  /** Key-value settings (the bot's state storage): holds the captured security conversation. */
  storage: Storage;
  logger: Logger;
  metrics: Metrics;
  /** Resolves a contact key for notifications sent outside a turn (no user organisation). */
  contactText: (key: string) => string;
}

/**
 * The report use cases: runs the pure flow, writes reports durably before the receipt, queues the
 * security team's notification in the same transaction, delivers it through the outbox, and
 * enforces who may read what.
 */
export class ReportUseCases {
  private readonly team: ReadonlySet<string>;
  private worker: OutboxWorker | undefined;
  private send: ProactiveSend | undefined;

  constructor(private readonly deps: ReportUseCasesDeps) {
    this.team = new Set(deps.config.reports.securityTeamAadObjectIds);
  }

  /** Starts delivering notifications through the transport's proactive send. */
  startDelivery(send: ProactiveSend): void {
    this.send = send;
    const senders: Partial<Record<'teams' | 'webhook' | 'reporter', OutboxSender>> = {
      teams: (m) => this.sendToSecurityTeam(m.reference),
      reporter: (m) => this.sendToReporter(m.reference),
    };
    const { webhookUrl, webhookSecret } = this.deps.config.reports;
    if (webhookUrl && webhookSecret)
      senders.webhook = createWebhookSender({ url: webhookUrl, secret: webhookSecret, timeoutMs: 10_000 });
    this.worker = new OutboxWorker({
      repository: this.deps.repository,
      senders,
      logger: this.deps.logger,
      pollIntervalMs: this.deps.config.reports.outboxPollMs,
      batchSize: 20,
      maxAttempts: 12,
      events: {
        failed: (channel) => this.deps.metrics.deliveryFailed(channel),
        dead: (channel) => this.deps.metrics.deadLetter(channel),
        pollFailed: () => this.deps.metrics.databaseError('outbox.poll'),
      },
    });
    this.worker.start();
  }

  /** Stops delivery after the sends in flight. */
  async stop(): Promise<void> {
    await this.worker?.stop();
  }

  /** The conversation's draft, unless it is unreadable or too old to keep. */
  private currentDraft(turn: Turn) {
    const draft = normaliseDraft(turn.conversation.reportDraft);
    if (draft && Date.now() - Date.parse(draft.updatedAt) > DRAFT_MAX_AGE_DAYS * 86_400_000) {
      turn.conversation.reportDraft = undefined;
      this.deps.logger.info({ event: 'report.draft.expired' }, 'old draft discarded');
      return undefined;
    }
    return draft;
  }

  private flowContext(turn: Turn): FlowContext {
    return {
      now: new Date(),
      locale: turn.locale,
      newDraftId: () => randomUUID(),
      contacts: (k) => turn.contacts.resolve(k).text,
    };
  }

  private viewContext(turn: Turn) {
    return { locale: turn.locale, contacts: (k: string) => turn.contacts.resolve(k).text };
  }

  /**
   * Reports are personal data: a group chat or channel is no place to write or read one.
   * Returns true (and says so) when the turn is not in a personal chat.
   */
  private refuseOutsidePersonalChat(turn: Turn, verb: string): boolean {
    if (turn.place.kind === 'personal') return false;
    this.deps.logger.info(
      { event: 'report.shared-conversation', verb },
      'report verb outside a personal chat',
    );
    const t = TEXT[turn.locale];
    turn.card(messageView(t.privateOnlyTitle, [t.privateOnly]));
    return true;
  }

  /** Start, step and submit: every report.* verb. The reducer decides, this persists and replies. */
  async flow(turn: Turn, verb: ReportFlowVerb, data: VerbData<ReportFlowVerb>): Promise<void> {
    if (this.refuseOutsidePersonalChat(turn, verb)) return;
    const draft = this.currentDraft(turn);
    const result = reduceReport(draft, { verb, data }, this.flowContext(turn));
    this.deps.logger.info(
      { event: 'report.flow', verb, phase: result.draft?.phase, step: result.draft?.stepIndex },
      'report step',
    );
    turn.conversation.reportDraft = result.draft;
    if (!result.submit) {
      turn.card(result.view);
      return;
    }
    // Durable write first; only then the receipt. A crash in between leaves the draft in
    // 'submitting', and the next "Skicka" finds the same report by its idempotency key.
    const newReport = toNewReport(result.submit, turn.actor, {
      organisationId: turn.user.organisationId,
      reporterConversation: turn.place.reference,
    });
    const outbox: OutboxMessageInput[] = [{ channel: 'teams', payload: {} }];
    if (this.deps.config.reports.webhookUrl) outbox.push({ channel: 'webhook', payload: {} });
    try {
      const { report, created } = await this.deps.repository.create(newReport, outbox);
      turn.conversation.reportDraft = undefined;
      this.deps.logger.info(
        { event: 'report.stored', reference: report.reference, created, type: report.type },
        'report stored',
      );
      if (created) this.deps.metrics.reportCreated(report.type);
      turn.card(receiptView(report, this.viewContext(turn)));
      this.worker?.trigger();
    } catch (err) {
      this.deps.logger.error(
        { event: 'report.store.failed', code: (err as { code?: string }).code },
        'report not stored',
      );
      if (isDatabaseError(err)) this.deps.metrics.databaseError('report.create');
      const t = TEXT[turn.locale];
      turn.card(
        messageView(
          t.saveFailedTitle,
          [t.saveFailed],
          [{ title: t.retry, data: { verb: 'report.submit', draftId: result.submit.draftId } }],
        ),
      );
    }
  }

  /**
   * After a restart (or on another instance) a draft may be waiting: offer "fortsätt eller släng"
   * once per change of the draft, next to whatever the person asked.
   */
  offerResumeIfDraft(turn: Turn): void {
    const draft = this.currentDraft(turn);
    if (turn.place.kind === 'channel') return;
    if (!draft || draft.phase === 'safety') return;
    if (turn.conversation.resumeOfferedAt && turn.conversation.resumeOfferedAt >= draft.updatedAt) return;
    turn.conversation.resumeOfferedAt = new Date().toISOString();
    turn.card(resumeOfferView(draft, this.flowContext(turn)));
  }

  /** `mina rapporter`: the person's own reports only. */
  async listMine(turn: Turn): Promise<void> {
    if (this.refuseOutsidePersonalChat(turn, 'reports.mine')) return;
    const reports = await this.deps.repository.listByReporter(turn.actor.userId, 20);
    turn.card(
      reportListView(
        reports,
        { title: TEXT[turn.locale].myReports, showReporter: false },
        this.viewContext(turn),
      ),
    );
  }

  private isTeam(actor: Actor): boolean {
    return isSecurityTeam(actor, this.team);
  }

  /** `alla rapporter`: security team only. */
  async listAll(turn: Turn): Promise<void> {
    if (this.refuseOutsidePersonalChat(turn, 'reports.all')) return;
    if (!this.isTeam(turn.actor)) return this.refuse(turn, 'reports.all');
    await this.rememberTeamMember(turn.actor);
    const reports = await this.deps.repository.listAll({ limit: 50 });
    turn.card(
      reportListView(
        reports,
        { title: TEXT[turn.locale].allReports, showReporter: true },
        this.viewContext(turn),
      ),
    );
  }

  /** reports.open: the reporter or the security team; anyone else learns nothing, not even existence. */
  async open(turn: Turn, data: VerbData<'reports.open'>): Promise<void> {
    if (this.refuseOutsidePersonalChat(turn, 'reports.open')) return;
    const reference = normalizeReference(data.reference);
    const report = reference ? await this.deps.repository.getByReference(reference) : undefined;
    if (!report || !canReadReport(turn.actor, report, this.team)) return this.notFound(turn, 'reports.open');
    turn.card(
      reportDetailView(report, { canSetStatus: canSetStatus(turn.actor, this.team) }, this.viewContext(turn)),
    );
  }

  /** reports.setStatus: security team only; the reporter is told through the outbox. */
  async setStatus(turn: Turn, data: VerbData<'reports.setStatus'>): Promise<void> {
    // From the security team's card in its channel (no free text on it): the team only.
    const shared = turn.place.kind !== 'personal';
    if (shared && !canSetStatus(turn.actor, this.team)) return this.refuse(turn, 'reports.setStatus');
    if (!shared && this.refuseOutsidePersonalChat(turn, 'reports.setStatus')) return;
    if (!canSetStatus(turn.actor, this.team)) return this.refuse(turn, 'reports.setStatus');
    await this.rememberTeamMember(turn.actor);
    const reference = normalizeReference(data.reference);
    const { status } = data;
    const current = reference ? await this.deps.repository.getByReference(reference) : undefined;
    if (!current || !reference) return this.notFound(turn, 'reports.setStatus');
    if (status !== current.status && !canTransition(current.status, status)) {
      turn.card(messageView(TEXT[turn.locale].notAllowedTitle, [TEXT[turn.locale].badStatus]));
      return;
    }
    try {
      const updated = await this.deps.repository.setStatus(reference, status, turn.actor, [
        { channel: 'reporter', payload: {} },
      ]);
      if (!updated) return this.notFound(turn, 'reports.setStatus');
      this.deps.logger.info({ event: 'report.status', reference, status }, 'status set');
      if (shared) {
        // The card in the channel changes for everyone; the clicker sees the team's view in place.
        const refresh = await this.teamRefresh(reference);
        turn.cardForEveryone(this.channelCard(updated, false), refresh);
        turn.card(this.channelCard(updated, true), refresh);
      } else {
        turn.card(reportDetailView(updated, { canSetStatus: true }, this.viewContext(turn)));
      }
      this.worker?.trigger();
    } catch (err) {
      this.deps.logger.warn(
        { event: 'report.status.failed', code: (err as { code?: string }).code },
        'status not set',
      );
      turn.card(messageView(TEXT[turn.locale].notAllowedTitle, [TEXT[turn.locale].badStatus]));
    }
  }

  /**
   * reports.card: the security team's card as this viewer may use it (Teams asks when a listed
   * team member looks at it): the status buttons for the team. Nobody else is listed, and anyone
   * else asking learns nothing.
   */
  async card(turn: Turn, data: VerbData<'reports.card'>): Promise<void> {
    if (!canSetStatus(turn.actor, this.team)) return this.notFound(turn, 'reports.card');
    await this.rememberTeamMember(turn.actor);
    const reference = normalizeReference(data.reference);
    const report = reference ? await this.deps.repository.getByReference(reference) : undefined;
    if (!report || !reference) return this.notFound(turn, 'reports.card');
    turn.card(this.channelCard(report, true), await this.teamRefresh(reference));
  }

  /** The card in the security channel: never the free text; with status buttons for the team's view. */
  private channelCard(report: Report, forTeam: boolean) {
    return notificationView(
      report,
      { includeText: false, canSetStatus: forTeam },
      { locale: 'sv', contacts: this.deps.contactText },
    );
  }

  /** Who gets the team's view of a channel card: team members the bot has seen (Teams user ids). */
  private async teamRefresh(reference: string): Promise<Refresh> {
    const items = await this.deps.storage.read([TEAM_USERS_KEY]);
    const stored = items[TEAM_USERS_KEY] as { ids?: string[] } | undefined;
    return { verb: 'reports.card', data: { reference }, userIds: stored?.ids ?? [] };
  }

  /**
   * Refresh lists Teams user ids ("29:…"), while the team is configured by Entra object id: each
   * member's Teams id is learnt when they use a team function, most recent first, at most 60.
   */
  private async rememberTeamMember(actor: Actor): Promise<void> {
    if (!actor.userId || !this.isTeam(actor)) return;
    const items = await this.deps.storage.read([TEAM_USERS_KEY]);
    const ids = (items[TEAM_USERS_KEY] as { ids?: string[] } | undefined)?.ids ?? [];
    if (ids[0] === actor.userId) return;
    const next = [actor.userId, ...ids.filter((id) => id !== actor.userId)].slice(0, MAX_REFRESH_USERS);
    await this.deps.storage.write({ [TEAM_USERS_KEY]: { ids: next, eTag: '*' } });
  }

  /** `registrera säkerhetskanal`: a security team member makes this conversation the notification target. */
  async registerSecurityConversation(turn: Turn): Promise<void> {
    if (!this.isTeam(turn.actor)) return this.refuse(turn, 'security.register');
    await this.rememberTeamMember(turn.actor);
    await this.saveSecurityConversation(turn.place.reference);
    turn.text(TEXT[turn.locale].registered);
  }

  /**
   * When a security team member adds the bot to a channel or group chat, and no target is known
   * yet, that conversation becomes the notification target. Installing the bot in one's own
   * personal chat never does; an explicit "registrera säkerhetskanal" always wins.
   */
  async captureConversation(actor: Actor, place: Turn['place']): Promise<void> {
    if (place.kind === 'personal') return;
    if (this.deps.config.reports.securityConversationReference || !this.isTeam(actor)) return;
    if (await this.securityConversation()) return;
    await this.saveSecurityConversation(place.reference);
  }

  private async saveSecurityConversation(reference: ConversationRef): Promise<void> {
    await this.deps.storage.write({ [SECURITY_CONVERSATION_KEY]: { reference, eTag: '*' } });
    // Notifications that waited for a target (or gave up waiting) go out now: nothing is lost.
    const waiting = await this.deps.repository.retryOutboxNow('teams', new Date());
    this.worker?.trigger();
    this.deps.logger.info(
      { event: 'security.conversation.captured', waiting },
      'security conversation captured',
    );
  }

  private async securityConversation(): Promise<ConversationRef | undefined> {
    const configured = this.deps.config.reports.securityConversationReference;
    if (configured) return configured;
    const items = await this.deps.storage.read([SECURITY_CONVERSATION_KEY]);
    const stored = items[SECURITY_CONVERSATION_KEY] as { reference?: ConversationRef } | undefined;
    return stored?.reference;
  }

  private async proactive(target: ConversationRef, card: AdaptiveCardJson): Promise<void> {
    if (!this.send) throw Object.assign(new Error('delivery not started'), { code: 'not-ready' });
    await this.send(target, card);
  }

  /** Outbox 'teams': the notification card, without the free text (the channel may hold others). */
  private async sendToSecurityTeam(reference: string): Promise<void> {
    const target = await this.securityConversation();
    if (!target)
      throw Object.assign(new Error('no security conversation configured'), {
        code: 'no-security-conversation',
      });
    const report = await this.deps.repository.getByReference(reference);
    if (!report) throw new PermanentOutboxError('report-missing');
    // Everyone in the channel sees the card; each team member gets their own view (status buttons).
    const refresh = await this.teamRefresh(report.reference);
    const view = this.channelCard(report, false);
    const card = withRefresh(
      toUniversalActions(renderCard(view.template, view.data)),
      refresh.verb,
      refresh.data,
      refresh.userIds,
    );
    await this.proactive(target, card);
  }

  /** Outbox 'reporter': the status change, to the conversation the report came from. */
  private async sendToReporter(reference: string): Promise<void> {
    const report = await this.deps.repository.getByReference(reference);
    if (!report) throw new PermanentOutboxError('report-missing');
    const target = report.reporterConversation;
    if (!target) return; // purged or never known: nothing to tell, nothing to retry
    const view = statusChangedView(report, { locale: 'sv', contacts: this.deps.contactText });
    await this.proactive(target, renderCard(view.template, view.data));
  }

  private refuse(turn: Turn, verb: string): void {
    this.deps.logger.warn({ event: 'access.denied', verb }, 'not allowed');
    const t = TEXT[turn.locale];
    turn.card(messageView(t.notAllowedTitle, [t.notAllowed]));
  }

  private notFound(turn: Turn, verb: string): void {
    this.deps.logger.warn({ event: 'access.notfound', verb }, 'report not found or not allowed');
    const t = TEXT[turn.locale];
    turn.card(messageView(t.notAllowedTitle, [t.notFound]));
  }
}
