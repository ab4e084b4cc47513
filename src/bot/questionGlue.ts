import { CardFactory, type CloudAdapter, type TurnContext } from 'botbuilder';
import type { AdaptiveCardJson } from '../cards/renderCard';
import type { AppConfig } from '../config';
import type { Logger } from '../logger';
import { questionSenders, type ContentInsights, type Messenger } from '../questions/delivery';
import { OutboxWorker } from '../report/delivery/outbox';
import type { QuestionRepository } from '../questions/repository';
import { QuestionScheduler } from '../questions/scheduler';
import type { Caller, QuestionService, Reply } from '../questions/service';
import { strings } from '../i18n/strings';
import { messageView } from '../views/common';
import type { Turn } from '../turn';

export interface QuestionGlueDeps {
  config: AppConfig;
  service: QuestionService;
  repository: QuestionRepository;
  insights: ContentInsights;
  logger: Logger;
  clock: () => Date;
}

type TeamVerb = 'take' | 'forward' | 'answer' | 'close' | 'suggest';

/**
 * The question glue: turns a Turn into a Caller for the SDK-free use cases and their replies into
 * cards; sends proactively for the outbox (through the same OutboxWorker as reports) and ticks the
 * reminder scheduler. With ASK_THE_TEAM_ENABLED=false every entry point answers as for an unknown verb.
 */
export class QuestionGlue {
  private worker: OutboxWorker | undefined;
  private timer: NodeJS.Timeout | undefined;
  private readonly scheduler: QuestionScheduler;

  constructor(private readonly deps: QuestionGlueDeps) {
    this.scheduler = new QuestionScheduler({
      repository: deps.repository,
      settings: deps.config.questions,
      logger: deps.logger,
      onQueued: () => this.worker?.trigger(),
    });
  }

  get enabled(): boolean {
    return this.deps.config.questions.enabled;
  }

  /** The ids the channel vouches for and where the turn happens; never anything from card data. */
  private caller(turn: Turn): Caller {
    const conversation = turn.place.reference.conversation as { id?: unknown } | undefined;
    return {
      actor: turn.actor,
      conversationId: typeof conversation?.id === 'string' ? conversation.id : '',
      conversationType: turn.place.kind === 'group' ? 'groupChat' : turn.place.kind,
      conversation: turn.place.reference,
      lang: turn.locale,
    };
  }

  private show(turn: Turn, replies: Reply[]): void {
    for (const r of replies) {
      if ('text' in r) turn.text(r.text);
      else turn.card(r);
    }
  }

  private async run(turn: Turn, work: (caller: Caller) => Reply[] | Promise<Reply[]>): Promise<void> {
    if (!this.enabled) {
      const s = strings(turn.locale);
      turn.card(
        messageView(
          s.badInputTitle,
          [s.badInputText],
          [{ title: s.buttonHelp, data: { verb: 'help.show' } }],
        ),
      );
      return;
    }
    this.show(turn, await work(this.caller(turn)));
  }

  /** `fråga säkerhetsfunktionen` or the card button: the ask card, prefilled. */
  askCard(turn: Turn, data: Record<string, unknown>): Promise<void> {
    const text = typeof data.text === 'string' ? data.text : (turn.conversation.lastUnanswered ?? '');
    return this.run(turn, (c) => this.deps.service.askCard(c, { ...data, text }));
  }

  submit(turn: Turn, data: Record<string, unknown>): Promise<void> {
    return this.run(turn, (c) => this.deps.service.submit(c, data));
  }

  listMine(turn: Turn): Promise<void> {
    return this.run(turn, (c) => this.deps.service.listMine(c));
  }

  open(turn: Turn, data: Record<string, unknown>): Promise<void> {
    return this.run(turn, (c) => this.deps.service.open(c, data));
  }

  team(turn: Turn, action: TeamVerb, data: Record<string, unknown>): Promise<void> {
    return this.run(turn, (c) => this.deps.service.team(c, action, data));
  }

  thanks(turn: Turn, data: Record<string, unknown>): Promise<void> {
    return this.run(turn, (c) => this.deps.service.thanks(c, data));
  }

  followUpForm(turn: Turn, data: Record<string, unknown>): Promise<void> {
    return this.run(turn, (c) => this.deps.service.followUpForm(c, data));
  }

  followUp(turn: Turn, data: Record<string, unknown>): Promise<void> {
    return this.run(turn, (c) => this.deps.service.followUp(c, data));
  }

  register(turn: Turn, phrase: string): Promise<void> {
    return this.run(turn, (c) => this.deps.service.register(c, phrase));
  }

  /** Starts the outbox worker for questions and the reminder/digest ticks. */
  start(adapter: CloudAdapter): void {
    const appId = this.deps.config.auth.appId ?? '';
    const messenger = createMessenger(adapter, appId);
    this.worker = new OutboxWorker({
      repository: this.deps.repository,
      senders: questionSenders({
        repository: this.deps.repository,
        service: this.deps.service,
        settings: { ...this.deps.config.questions, adminAadObjectIds: [] },
        messenger,
        insights: this.deps.insights,
        clock: this.deps.clock,
      }),
      logger: this.deps.logger,
      clock: this.deps.clock,
      pollIntervalMs: this.deps.config.reports.outboxPollMs,
      batchSize: 20,
      maxAttempts: 12,
    });
    this.worker.start();
    if (!this.enabled) return;
    this.timer = setInterval(() => {
      this.tick().catch((error: unknown) =>
        this.deps.logger.warn(
          { event: 'questions.tick.failed', code: (error as { code?: string }).code },
          'tick failed',
        ),
      );
    }, this.deps.config.questions.schedulerMs);
    this.timer.unref();
  }

  /** One scheduler pass at the clock's now (tests call it too). */
  tick(): Promise<unknown> {
    return this.scheduler.tick(this.deps.clock());
  }

  /** Polls the outbox now (after something was queued). */
  trigger(): void {
    this.worker?.trigger();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.worker?.stop();
  }
}

/**
 * Proactive sends with the failure kept: botbuilder hands errors of a continueConversation turn to
 * onTurnError, which must not make a failed send look delivered, so the error is captured here and
 * rethrown to the outbox worker (which retries).
 */
export function createMessenger(adapter: CloudAdapter, appId: string): Messenger {
  async function within(
    target: Record<string, unknown>,
    work: (ctx: TurnContext) => Promise<string | undefined>,
  ): Promise<string | undefined> {
    let failure: unknown;
    let result: string | undefined;
    await adapter.continueConversationAsync(appId, target, async (ctx) => {
      try {
        result = await work(ctx);
      } catch (error) {
        failure = error ?? new Error('send failed');
      }
    });
    if (failure !== undefined) throw failure instanceof Error ? failure : new Error('send failed');
    return result;
  }
  return {
    post: (target, card: AdaptiveCardJson) =>
      within(target, async (ctx) => {
        const response = await ctx.sendActivity({ attachments: [CardFactory.adaptiveCard(card)] });
        return response?.id;
      }),
    update: async (target, activityId, card: AdaptiveCardJson) => {
      await within(target, async (ctx) => {
        await ctx.updateActivity({
          id: activityId,
          type: 'message',
          conversation: ctx.activity.conversation,
          attachments: [CardFactory.adaptiveCard(card)],
        });
        return undefined;
      });
    },
  };
}
