/**
 * The guided report as a pure reducer: (draft, card submit) -> (draft, view, maybe a submit).
 * The bot layer persists the draft in conversation state, renders the view with renderCard and,
 * when `submit` is set, writes the report durably before telling the person it was received.
 * Nothing here throws on odd input: every oddity becomes a friendly view.
 */
import { inSentence } from '../../i18n/text';
import type { Actor, ConversationRef, NewReport, ReportAnswers, ReportTypeId } from '../types';
import type { CardView } from '../../cards/templates';
import { REPORT_FLOW_VERBS, type ReportFlowVerb, type Verb } from '../../cards/verbs';
import type { FieldDef, Locale, LocalizedText, ReportTypeDef, StepDef } from '../reportTypes/steps';
import {
  describeAnswers,
  fieldOptions,
  getReportType,
  isReportTypeId,
  noticeApplies,
  REPORT_TYPES,
  totalSteps,
  tr,
} from '../reportTypes/steps';
import {
  checkAnswers,
  checkStep,
  DEFAULT_TIME_ZONE,
  formatCount,
  localDateTime,
  textLength,
} from './validation';

/** Where a draft is in the flow. 'paused' = the person said someone is in danger and was sent to 112. */
export type DraftPhase = 'safety' | 'paused' | 'type' | 'step' | 'summary' | 'submitting';

/** A report in progress. Plain JSON: it lives in bot conversation state and survives restarts. */
export interface ReportDraft {
  draftId: string;
  type?: ReportTypeId;
  phase: DraftPhase;
  /** Index into the type's steps; meaningful in phase 'step'. */
  stepIndex: number;
  answers: ReportAnswers;
  /** Set while a step is open from the summary's "Ändra": Nästa then returns to the summary. */
  editingFromSummary?: boolean;
  startedAt: string;
  updatedAt: string;
}

/** A raw card submit: the verb and the whole Action.Submit data object (inputs merged in). */
export interface ReportInput {
  verb: string;
  data: Record<string, unknown>;
}

/** What the reducer needs from outside: the clock, the language and an id source. */
export interface FlowContext {
  now: Date;
  locale: Locale;
  newDraftId: () => string;
  /** IANA zone dates and times are entered in; default Europe/Stockholm. */
  timeZone?: string;
  /**
   * Optional contact resolver (knowledge/contacts.yaml). When given, views that name a contact
   * (`contactKey`) get `contactText` filled in; otherwise the bot layer may fill it.
   */
  contacts?: (key: string) => string;
}

/** What the person pressed "Skicka" on: hand this to the repository (dedupe by draftId). */
export interface ReportSubmission {
  draftId: string;
  type: ReportTypeId;
  answers: ReportAnswers;
}

/** The reducer's answer. `draft: undefined` means the draft is cleared. */
export interface FlowResult {
  draft: ReportDraft | undefined;
  view: CardView;
  submit?: ReportSubmission;
}

/** One of the report flow's verbs (declared in cards/verbs.ts). */
export type ReportVerb = ReportFlowVerb;

/** True when the bot router should hand this verb to reduceReport. */
export function isReportVerb(verb: unknown): verb is ReportVerb {
  return typeof verb === 'string' && (REPORT_FLOW_VERBS as readonly string[]).includes(verb);
}

const L = (sv: string, en: string): LocalizedText => ({ sv, en });

const TEXT = {
  next: L('Nästa', 'Next'),
  back: L('Tillbaka', 'Back'),
  cancel: L('Avbryt', 'Cancel'),
  submit: L('Skicka', 'Send'),
  edit: L('Ändra', 'Change'),
  choose: L('Välj', 'Choose'),
  startOver: L('Börja om', 'Start over'),
  resumeReport: L('Fortsätt rapporten', 'Continue the report'),
  optional: L('kan hoppas över', 'can be skipped'),
  safetyTitle: L('Är någon i fara just nu?', 'Is anyone in danger right now?'),
  safetyText: L(
    'Innan vi börjar: om någon är i fara går säkerheten först. Rapporten kan vänta.',
    'Before we start: if anyone is in danger, safety comes first. The report can wait.',
  ),
  safetyYes: L('Ja, någon är i fara', 'Yes, someone is in danger'),
  safetyNo: L('Nej, ingen är i fara just nu', 'No, no one is in danger right now'),
  safetyInvalid: L('Svara ja eller nej med knapparna.', 'Please answer yes or no with the buttons.'),
  dangerEmergency: L(
    'Ring 112 om någon är i fara eller om det är akut.',
    'Call 112 if anyone is in danger or if it is urgent.',
  ),
  dangerSafetyFirst: L('Ta dig i säkerhet först.', 'Get to safety first.'),
  dangerPolice: L('Är det inte akut? Ring polisen på 114 14.', 'Not urgent? Call the police on 114 14.'),
  dangerLater: L(
    'Rapporten är sparad som utkast. Fortsätt här när du är i säkerhet.',
    'Your report is saved as a draft. Continue here once you are safe.',
  ),
  typeTitle: L('Vad vill du rapportera?', 'What would you like to report?'),
  typeText: L('Välj det som passar bäst.', 'Choose the one that fits best.'),
  typeInvalid: L('Välj en av typerna nedan.', 'Please choose one of the types below.'),
  stepErrors: L(
    'Något behöver rättas – se markeringarna nedan.',
    'Something needs fixing – see the notes below.',
  ),
  summaryTitle: L('Kontrollera och skicka', 'Check and send'),
  summaryText: L(
    'Så här ser din rapport ut. Ändra det som behövs och tryck sedan på Skicka.',
    'This is your report. Change anything that needs changing, then press Send.',
  ),
  summaryEmpty: L('Inga svar ännu.', 'No answers yet.'),
  resumeTitle: L('Du har ett påbörjat utkast', 'You have a draft in progress'),
  resumeContinue: L('Fortsätt', 'Continue'),
  resumeDiscard: L('Släng utkastet', 'Discard the draft'),
  confirmDiscardTitle: L('Vill du slänga rapporten?', 'Do you want to discard the report?'),
  confirmDiscardText: L(
    'Det du har skrivit raderas och kan inte tas tillbaka.',
    'What you have written is deleted and cannot be undone.',
  ),
  confirmDiscardYes: L('Ja, släng rapporten', 'Yes, discard it'),
  cancelledTitle: L('Rapporten är avbruten', 'The report is cancelled'),
  cancelledText: L(
    'Rapporten är avbruten och utkastet raderat.',
    'The report is cancelled and the draft deleted.',
  ),
  discardedTitle: L('Utkastet är raderat', 'The draft is deleted'),
  discardedText: L(
    'Utkastet är raderat. Du kan börja en ny rapport när du vill.',
    'The draft is deleted. You can start a new report whenever you like.',
  ),
  cancelledHelp: L('Om någon är i fara: ring 112.', 'If anyone is in danger: call 112.'),
  staleTitle: L('Det här formuläret är inte längre aktivt', 'This form is no longer active'),
  staleText: L(
    'Det här formuläret är inte längre aktivt. Om du redan har skickat rapporten har du fått ett referensnummer. Du kan börja om när du vill.',
    'This form is no longer active. If you already sent the report, you got a reference number. You can start over whenever you like.',
  ),
  outOfStepText: L(
    'Det här kortet hör till ett tidigare steg och är inte längre aktivt. Fortsätt där du var.',
    'This card belongs to an earlier step and is no longer active. Continue where you were.',
  ),
  unknownTitle: L('Det där förstod jag inte', "I didn't understand that"),
  unknownText: L(
    'Knappen kunde inte kopplas till något i rapporten. Försök igen.',
    'That button could not be matched to anything in the report. Please try again.',
  ),
  submittingTitle: L('Rapporten skickas', 'Sending the report'),
  submittingText: L('Ett ögonblick, din rapport sparas.', 'One moment, your report is being saved.'),
  unreadableDraftTitle: L('Utkastet kunde inte läsas', 'The draft could not be read'),
  unreadableDraftText: L(
    'Ett tidigare utkast kunde inte läsas. Börja gärna en ny rapport.',
    'An earlier draft could not be read. Please start a new report.',
  ),
};

/** Keeps the card inside Teams' size limit when someone pastes far more than a field allows. */
const ECHO_FACTOR = 2;

function loc(ctx: { locale: Locale }): Locale {
  return ctx.locale === 'en' ? 'en' : 'sv';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const PHASES: readonly DraftPhase[] = ['safety', 'paused', 'type', 'step', 'summary', 'submitting'];

/**
 * Reads a persisted draft defensively: state written by an older version (or damaged) must not
 * crash the turn. Returns undefined when it is beyond repair; clamps what can be clamped.
 */
export function normaliseDraft(state: unknown): ReportDraft | undefined {
  if (!isRecord(state)) return undefined;
  const { draftId, phase } = state;
  if (typeof draftId !== 'string' || draftId === '') return undefined;
  if (typeof phase !== 'string' || !(PHASES as readonly string[]).includes(phase)) return undefined;
  const answers: ReportAnswers = {};
  if (isRecord(state.answers)) {
    for (const [key, value] of Object.entries(state.answers))
      if (typeof value === 'string') answers[key] = value;
  }
  const now = new Date(0).toISOString();
  const draft: ReportDraft = {
    draftId,
    phase: phase as DraftPhase,
    stepIndex: typeof state.stepIndex === 'number' && Number.isInteger(state.stepIndex) ? state.stepIndex : 0,
    answers,
    startedAt: typeof state.startedAt === 'string' ? state.startedAt : now,
    updatedAt: typeof state.updatedAt === 'string' ? state.updatedAt : now,
  };
  if (isReportTypeId(state.type)) draft.type = state.type;
  if (state.editingFromSummary === true) draft.editingFromSummary = true;
  const type = getReportType(draft.type);
  if (!type && (draft.phase === 'step' || draft.phase === 'summary' || draft.phase === 'submitting')) {
    // The type vanished from the table: keep the draft but ask for a type again.
    draft.phase = 'type';
    draft.answers = {};
  }
  if (type) draft.stepIndex = Math.min(Math.max(draft.stepIndex, 0), type.steps.length - 1);
  else draft.stepIndex = 0;
  return draft;
}

function touch(draft: ReportDraft, ctx: FlowContext, patch: Partial<ReportDraft>): ReportDraft {
  const next: ReportDraft = { ...draft, ...patch, updatedAt: ctx.now.toISOString() };
  if (!next.editingFromSummary) delete next.editingFromSummary;
  if (next.type === undefined) delete next.type;
  return next;
}

/** "Steg 2 av 7" for a 0-based step index. */
export function progressText(stepIndex: number, total: number, locale: Locale): string {
  return locale === 'en' ? `Step ${stepIndex + 1} of ${total}` : `Steg ${stepIndex + 1} av ${total}`;
}

/** The `at` marker a card carries, so a press on an old card of the same draft is recognised. */
function positionOf(draft: ReportDraft): string {
  switch (draft.phase) {
    case 'step':
      return `step:${draft.stepIndex}`;
    case 'submitting':
      return 'summary';
    default:
      return draft.phase;
  }
}

// ---------------------------------------------------------------- views

interface Button {
  title: string;
  verb: Verb;
  /** "yes" on the button that confirms a question (report.cancel after "Vill du slänga rapporten?"). */
  confirm?: string;
}

function messageView(title: string, text: string, draftId: string, buttons: Button[]): CardView {
  return {
    template: 'report-message',
    data: { draftId, progress: '', title, text, buttons: buttons.map((b) => ({ confirm: '', ...b })) },
  };
}

function safetyView(draft: ReportDraft, ctx: FlowContext, error = ''): CardView {
  const l = loc(ctx);
  return {
    template: 'report-safety',
    data: {
      draftId: draft.draftId,
      progress: '',
      at: positionOf(draft),
      title: tr(TEXT.safetyTitle, l),
      text: tr(TEXT.safetyText, l),
      error,
      yes: tr(TEXT.safetyYes, l),
      no: tr(TEXT.safetyNo, l),
      cancel: tr(TEXT.cancel, l),
    },
  };
}

function dangerView(draft: ReportDraft, ctx: FlowContext): CardView {
  const l = loc(ctx);
  return {
    template: 'report-danger',
    data: {
      draftId: draft.draftId,
      progress: '',
      at: positionOf(draft),
      emergencyNumber: '112',
      emergencyText: tr(TEXT.dangerEmergency, l),
      safetyFirst: tr(TEXT.dangerSafetyFirst, l),
      policeText: tr(TEXT.dangerPolice, l),
      laterText: tr(TEXT.dangerLater, l),
      resume: tr(TEXT.resumeReport, l),
      cancel: tr(TEXT.cancel, l),
    },
  };
}

function typeView(draft: ReportDraft, ctx: FlowContext, error = ''): CardView {
  const l = loc(ctx);
  return {
    template: 'report-type',
    data: {
      draftId: draft.draftId,
      progress: '',
      at: positionOf(draft),
      title: tr(TEXT.typeTitle, l),
      text: tr(TEXT.typeText, l),
      error,
      types: REPORT_TYPES.map((t) => ({
        id: t.id,
        title: tr(t.title, l),
        description: tr(t.description, l),
        choose: tr(TEXT.choose, l),
      })),
      cancel: tr(TEXT.cancel, l),
    },
  };
}

function capForEcho(field: FieldDef, value: string): string {
  if (field.maxLength === undefined) return value;
  const cap = field.maxLength * ECHO_FACTOR;
  return textLength(value) > cap ? Array.from(value).slice(0, cap).join('') : value;
}

function fieldView(field: FieldDef, value: string, error: string, ctx: FlowContext): Record<string, unknown> {
  const l = loc(ctx);
  const choices = fieldOptions(field).map((o) => ({ title: tr(o.label, l), value: o.value }));
  const isChoice = field.kind === 'choice' || field.kind === 'multichoice' || field.kind === 'yesno';
  const hint =
    field.kind === 'text' && field.maxLength !== undefined
      ? l === 'en'
        ? `At most ${formatCount(field.maxLength, l)} characters.`
        : `Högst ${formatCount(field.maxLength, l)} tecken.`
      : '';
  const toggleOn = fieldOptions(field)[0]?.value ?? 'ja';
  const toggleOff = fieldOptions(field)[1]?.value ?? 'nej';
  return {
    id: field.id,
    kind: field.kind,
    // A toggle always has an answer (ticked or not), so "can be skipped" would only confuse.
    label:
      field.required || field.kind === 'toggle'
        ? tr(field.label, l)
        : `${tr(field.label, l)} (${tr(TEXT.optional, l)})`,
    help: field.help && field.kind !== 'toggle' ? tr(field.help, l) : '',
    note: field.note ? tr(field.note, l) : '',
    hint,
    error,
    value: field.kind === 'toggle' && value === '' ? toggleOff : capForEcho(field, value),
    isText: field.kind === 'text',
    isMultiline: field.multiline === true,
    isChoice,
    isMultiSelect: field.kind === 'multichoice',
    choiceStyle: field.style ?? (field.kind === 'yesno' ? 'expanded' : 'compact'),
    choices,
    isDate: field.kind === 'date',
    isTime: field.kind === 'time',
    isToggle: field.kind === 'toggle',
    toggleTitle: field.kind === 'toggle' ? tr(field.help ?? field.label, l) : '',
    valueOn: toggleOn,
    valueOff: toggleOff,
  };
}

function stepView(
  draft: ReportDraft,
  type: ReportTypeDef,
  ctx: FlowContext,
  shown?: { values: Record<string, string>; errors: Record<string, string> },
): CardView {
  const l = loc(ctx);
  const step: StepDef | undefined = type.steps[draft.stepIndex];
  if (!step) return summaryView(draft, type, ctx);
  const values = shown?.values ?? draft.answers;
  const errors = shown?.errors ?? {};
  const notice = step.notice && noticeApplies(step.notice, draft.answers) ? step.notice : undefined;
  const contactKey = notice?.contactKey ?? '';
  return {
    template: 'report-step',
    data: {
      draftId: draft.draftId,
      progress: progressText(draft.stepIndex, totalSteps(type), l),
      at: positionOf(draft),
      typeTitle: tr(type.title, l),
      title: tr(step.title, l),
      intro: step.intro ? tr(step.intro, l) : '',
      hasErrors: Object.keys(errors).length > 0,
      errorSummary: tr(TEXT.stepErrors, l),
      notice: {
        show: notice !== undefined,
        title: notice ? tr(notice.title, l) : '',
        text: notice ? tr(notice.text, l) : '',
      },
      contactKey,
      contactText: contactKey !== '' && ctx.contacts ? ctx.contacts(contactKey) : '',
      fields: step.fields.map((f) => fieldView(f, values[f.id] ?? '', errors[f.id] ?? '', ctx)),
      back: tr(TEXT.back, l),
      cancel: tr(TEXT.cancel, l),
      next: tr(TEXT.next, l),
    },
  };
}

function summaryView(draft: ReportDraft, type: ReportTypeDef, ctx: FlowContext): CardView {
  const l = loc(ctx);
  const total = totalSteps(type);
  const groups = describeAnswers(type, draft.answers, l)
    .filter((g) => g.stepIndex >= 0)
    .map((g) => ({
      title: g.title,
      step: String(g.stepIndex),
      edit: tr(TEXT.edit, l),
      items: g.items.map((i) => ({ label: i.label, value: i.value })),
    }));
  return {
    template: 'report-summary',
    data: {
      draftId: draft.draftId,
      progress: progressText(total - 1, total, l),
      at: 'summary',
      typeTitle: tr(type.title, l),
      title: tr(TEXT.summaryTitle, l),
      text: groups.length > 0 ? tr(TEXT.summaryText, l) : tr(TEXT.summaryEmpty, l),
      groups,
      back: tr(TEXT.back, l),
      cancel: tr(TEXT.cancel, l),
      submit: tr(TEXT.submit, l),
    },
  };
}

function staleView(ctx: FlowContext, current: ReportDraft | undefined, outOfStep: boolean): CardView {
  const l = loc(ctx);
  return {
    template: 'report-stale',
    data: {
      draftId: current?.draftId ?? '',
      progress: '',
      title: tr(TEXT.staleTitle, l),
      text: tr(outOfStep ? TEXT.outOfStepText : TEXT.staleText, l),
      canResume: current !== undefined,
      resume: tr(TEXT.resumeReport, l),
      startOver: tr(TEXT.startOver, l),
    },
  };
}

function cancelledView(ctx: FlowContext, discarded: boolean): CardView {
  const l = loc(ctx);
  return {
    template: 'report-cancelled',
    data: {
      draftId: '',
      progress: '',
      title: tr(discarded ? TEXT.discardedTitle : TEXT.cancelledTitle, l),
      text: tr(discarded ? TEXT.discardedText : TEXT.cancelledText, l),
      help: tr(TEXT.cancelledHelp, l),
      startOver: tr(TEXT.startOver, l),
    },
  };
}

/** "Vill du slänga rapporten?": asked once when "Avbryt" would throw away what was written. */
function confirmDiscardView(draft: ReportDraft, ctx: FlowContext): CardView {
  const l = loc(ctx);
  return messageView(tr(TEXT.confirmDiscardTitle, l), tr(TEXT.confirmDiscardText, l), draft.draftId, [
    { title: tr(TEXT.confirmDiscardYes, l), verb: 'report.cancel', confirm: 'yes' },
    { title: tr(TEXT.resumeReport, l), verb: 'report.resume' },
  ]);
}

function formatStamp(iso: string, ctx: FlowContext): string {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return '';
  const local = localDateTime(instant, ctx.timeZone ?? DEFAULT_TIME_ZONE);
  return `${local.date} ${local.time}`;
}

/**
 * The "Du har ett påbörjat utkast" card: continue or discard. Shown on report.start while a draft
 * exists, and by the bot layer after a restart when it finds a draft in conversation state.
 */
export function resumeOfferView(draft: ReportDraft, ctx: FlowContext): CardView {
  const l = loc(ctx);
  const current = normaliseDraft(draft);
  if (!current) {
    return messageView(tr(TEXT.unreadableDraftTitle, l), tr(TEXT.unreadableDraftText, l), '', [
      { title: tr(TEXT.startOver, l), verb: 'report.start' },
    ]);
  }
  const type = getReportType(current.type);
  const stamp = formatStamp(current.updatedAt, ctx);
  const about = type ? inSentence(tr(type.title, l)) : '';
  let text: string;
  if (l === 'en') {
    text = `You started a report${about ? ` about ${about}` : ''}${stamp ? ` (last changed ${stamp})` : ''}. Would you like to continue where you left off?`;
  } else {
    text = `Du har påbörjat en rapport${about ? ` om ${about}` : ''}${stamp ? ` (senast ändrad ${stamp})` : ''}. Vill du fortsätta där du slutade?`;
  }
  const total = type ? totalSteps(type) : 0;
  let progress = '';
  if (type && current.phase === 'step') progress = progressText(current.stepIndex, total, l);
  if (type && (current.phase === 'summary' || current.phase === 'submitting')) {
    progress = progressText(total - 1, total, l);
  }
  return {
    template: 'report-resume',
    data: {
      draftId: current.draftId,
      progress,
      title: tr(TEXT.resumeTitle, l),
      text,
      resume: tr(TEXT.resumeContinue, l),
      discard: tr(TEXT.resumeDiscard, l),
    },
  };
}

/** The card for wherever the draft is now (used by report.resume and after odd input). */
function currentView(draft: ReportDraft, ctx: FlowContext): CardView {
  const type = getReportType(draft.type);
  switch (draft.phase) {
    case 'safety':
      return safetyView(draft, ctx);
    case 'paused':
      return dangerView(draft, ctx);
    case 'type':
      return typeView(draft, ctx);
    case 'step':
      return type ? stepView(draft, type, ctx) : typeView(draft, ctx);
    case 'summary':
    case 'submitting':
      return type ? summaryView(draft, type, ctx) : typeView(draft, ctx);
  }
}

// ---------------------------------------------------------------- reducer

function hasProgress(draft: ReportDraft): boolean {
  return (
    Object.keys(draft.answers).length > 0 ||
    draft.phase === 'step' ||
    draft.phase === 'summary' ||
    draft.phase === 'submitting'
  );
}

function start(draft: ReportDraft | undefined, data: Record<string, unknown>, ctx: FlowContext): FlowResult {
  if (draft && hasProgress(draft)) return { draft, view: resumeOfferView(draft, ctx) };
  // A draft with nothing in it yet is simply replaced: offering to resume it would only be noise.
  const now = ctx.now.toISOString();
  const fresh: ReportDraft = {
    draftId: ctx.newDraftId(),
    phase: 'safety',
    stepIndex: 0,
    answers: {},
    startedAt: now,
    updatedAt: now,
  };
  if (isReportTypeId(data.reportType)) fresh.type = data.reportType;
  return { draft: fresh, view: safetyView(fresh, ctx) };
}

/** After the safety question (or a resume from 'paused'): the type choice, or step 1 if the type is known. */
function afterSafety(draft: ReportDraft, ctx: FlowContext): FlowResult {
  const type = getReportType(draft.type);
  if (type) {
    const next = touch(draft, ctx, { phase: 'step', stepIndex: 0 });
    return { draft: next, view: stepView(next, type, ctx) };
  }
  const next = touch(draft, ctx, { phase: 'type', stepIndex: 0 });
  return { draft: next, view: typeView(next, ctx) };
}

function toSummary(
  draft: ReportDraft,
  type: ReportTypeDef,
  ctx: FlowContext,
  answers: ReportAnswers,
): FlowResult {
  const next = touch(draft, ctx, {
    phase: 'summary',
    stepIndex: type.steps.length - 1,
    answers,
    editingFromSummary: false,
  });
  return { draft: next, view: summaryView(next, type, ctx) };
}

function submission(draft: ReportDraft, type: ReportTypeDef): ReportSubmission {
  const answers: ReportAnswers = {};
  for (const step of type.steps) {
    for (const field of step.fields) {
      const value = draft.answers[field.id];
      if (value !== undefined && value !== '') answers[field.id] = value;
    }
  }
  return { draftId: draft.draftId, type: type.id, answers };
}

function parseStepIndex(raw: unknown): number | undefined {
  if (typeof raw === 'number' && Number.isInteger(raw)) return raw;
  if (typeof raw === 'string' && /^\d{1,3}$/.test(raw.trim())) return Number(raw.trim());
  return undefined;
}

/**
 * The report flow. Pure: same (state, input, ctx) gives the same result; it never throws and never
 * changes the current draft in response to a press on a card that is not current.
 */
export function reduceReport(
  state: ReportDraft | undefined,
  input: ReportInput,
  ctx: FlowContext,
): FlowResult {
  const l = loc(ctx);
  const verb = typeof input?.verb === 'string' ? input.verb : '';
  const data: Record<string, unknown> = isRecord(input?.data) ? input.data : {};
  const draft = normaliseDraft(state);

  if (!isReportVerb(verb)) {
    const buttons: Button[] = draft
      ? [{ title: tr(TEXT.resumeReport, l), verb: 'report.resume' }]
      : [{ title: tr(TEXT.startOver, l), verb: 'report.start' }];
    return {
      draft,
      view: messageView(tr(TEXT.unknownTitle, l), tr(TEXT.unknownText, l), draft?.draftId ?? '', buttons),
    };
  }
  if (verb === 'report.start') return start(draft, data, ctx);

  const draftId = typeof data.draftId === 'string' ? data.draftId : '';
  if (!draft) {
    // A press on a card whose draft is gone is stale; a bare verb without any draft starts one.
    return draftId !== ''
      ? { draft: undefined, view: staleView(ctx, undefined, false) }
      : start(undefined, data, ctx);
  }
  if (draftId !== draft.draftId) return { draft, view: staleView(ctx, draft, false) };

  const anywhere = ANYWHERE[verb as keyof typeof ANYWHERE] as StepHandler | undefined;
  if (anywhere) return anywhere(draft, data, stepEnv(draft, ctx));

  // Buttons on flow cards carry where they were shown; a press on an older card of the same
  // draft (still clickable further up in the chat) must not act on the current step.
  if (typeof data.at === 'string' && data.at !== positionOf(draft)) {
    return { draft, view: staleView(ctx, draft, true) };
  }
  const handler = AT_POSITION[verb as keyof typeof AT_POSITION] as StepHandler | undefined;
  return handler ? handler(draft, data, stepEnv(draft, ctx)) : stepEnv(draft, ctx).outOfStep();
}

/**
 * The draft's answers with what the current step's card carried merged in, unchecked (a field the
 * card did not send keeps its saved answer; one sent empty is cleared). Long texts are capped as
 * when they are echoed back, so state stays bounded.
 */
function keepTyped(
  draft: ReportDraft,
  type: ReportTypeDef,
  data: Record<string, unknown>,
  vctx: { now: Date; locale: Locale; timeZone: string },
): ReportAnswers {
  const step = type.steps[draft.stepIndex];
  if (!step) return draft.answers;
  const sent = step.fields.filter((f) => typeof data[f.id] === 'string');
  if (sent.length === 0) return draft.answers;
  const { values } = checkStep(step, data, vctx);
  const answers: ReportAnswers = { ...draft.answers };
  for (const field of sent) {
    const value = capForEcho(field, values[field.id] ?? '');
    if (value === '') delete answers[field.id];
    else answers[field.id] = value;
  }
  return answers;
}

/** What a verb's handler gets besides the draft and the card data. */
interface StepEnv {
  ctx: FlowContext;
  l: Locale;
  /** The draft's report type, if chosen. */
  type: ReportTypeDef | undefined;
  /** Validation context: the clock, language and time zone. */
  vctx: { now: Date; locale: Locale; timeZone: string };
  /** The answer to a press that does not fit where the draft is. */
  outOfStep: () => FlowResult;
}

type StepHandler = (draft: ReportDraft, data: Record<string, unknown>, env: StepEnv) => FlowResult;

function stepEnv(draft: ReportDraft, ctx: FlowContext): StepEnv {
  const l = loc(ctx);
  return {
    ctx,
    l,
    type: getReportType(draft.type),
    vctx: { now: ctx.now, locale: l, timeZone: ctx.timeZone ?? DEFAULT_TIME_ZONE },
    outOfStep: () => ({ draft, view: staleView(ctx, draft, true) }),
  };
}

/** Verbs that act on the draft from any of its cards. */
const ANYWHERE = {
  'report.cancel': (draft, data, { ctx, type, vctx }) => {
    if (data.confirm === 'yes') return { draft: undefined, view: cancelledView(ctx, false) };
    // What was typed on the open step is kept, so "Fortsätt rapporten" brings it back.
    const kept =
      type && draft.phase === 'step' && !draft.editingFromSummary
        ? touch(draft, ctx, { answers: keepTyped(draft, type, data, vctx) })
        : draft;
    // Nothing written yet: nothing to lose, so no question.
    if (Object.keys(kept.answers).length === 0) return { draft: undefined, view: cancelledView(ctx, false) };
    return { draft: kept, view: confirmDiscardView(kept, ctx) };
  },
  'report.discard': (_draft, _data, { ctx }) => ({ draft: undefined, view: cancelledView(ctx, true) }),
  'report.resume': (draft, _data, { ctx }) =>
    draft.phase === 'paused' ? afterSafety(draft, ctx) : { draft, view: currentView(draft, ctx) },
} satisfies Partial<Record<ReportVerb, StepHandler>>;

/** Verbs that act only from the draft's current card: one small handler each. */
const AT_POSITION = {
  'report.safety': (draft, data, { ctx, l, outOfStep }) => {
    if (draft.phase !== 'safety') return outOfStep();
    if (data.danger === 'yes') {
      const next = touch(draft, ctx, { phase: 'paused' });
      return { draft: next, view: dangerView(next, ctx) };
    }
    if (data.danger === 'no') return afterSafety(draft, ctx);
    return { draft, view: safetyView(draft, ctx, tr(TEXT.safetyInvalid, l)) };
  },

  'report.chooseType': (draft, data, { ctx, l, outOfStep }) => {
    if (draft.phase !== 'type') return outOfStep();
    const chosen = getReportType(data.reportType);
    if (!chosen) return { draft, view: typeView(draft, ctx, tr(TEXT.typeInvalid, l)) };
    // Answers belong to a type's fields; switching type starts the answers afresh.
    const answers = chosen.id === draft.type ? draft.answers : {};
    const next = touch(draft, ctx, { type: chosen.id, phase: 'step', stepIndex: 0, answers });
    return { draft: next, view: stepView(next, chosen, ctx) };
  },

  'report.next': (draft, data, { ctx, type, vctx, outOfStep }) => {
    if (draft.phase !== 'step' || !type) return outOfStep();
    const step = type.steps[draft.stepIndex];
    if (!step) return outOfStep();
    const check = checkStep(step, data, vctx);
    if (!check.ok) return { draft, view: stepView(draft, type, ctx, check) };
    const answers: ReportAnswers = { ...draft.answers };
    for (const field of step.fields) {
      const value = check.values[field.id] ?? '';
      if (value === '') delete answers[field.id];
      else answers[field.id] = value;
    }
    if (draft.editingFromSummary || draft.stepIndex >= type.steps.length - 1) {
      return toSummary(draft, type, ctx, answers);
    }
    const next = touch(draft, ctx, { answers, stepIndex: draft.stepIndex + 1 });
    return { draft: next, view: stepView(next, type, ctx) };
  },

  'report.back': (draft, data, { ctx, type, vctx, outOfStep }) => {
    if (!type) return outOfStep();
    if (draft.phase === 'summary' || draft.phase === 'submitting') {
      const next = touch(draft, ctx, {
        phase: 'step',
        stepIndex: type.steps.length - 1,
        editingFromSummary: false,
      });
      return { draft: next, view: stepView(next, type, ctx) };
    }
    if (draft.phase !== 'step') return outOfStep();
    // Back from a step opened with "Ändra" returns to the summary without saving that step.
    if (draft.editingFromSummary) return toSummary(draft, type, ctx, draft.answers);
    // What was typed on this step is kept (unchecked; "Nästa" checks it), so going back to fix an
    // earlier answer never costs the person a long description.
    const answers = keepTyped(draft, type, data, vctx);
    if (draft.stepIndex === 0) {
      const next = touch(draft, ctx, { phase: 'type', stepIndex: 0, answers });
      return { draft: next, view: typeView(next, ctx) };
    }
    const next = touch(draft, ctx, { stepIndex: draft.stepIndex - 1, answers });
    return { draft: next, view: stepView(next, type, ctx) };
  },

  'report.edit': (draft, data, { ctx, type, outOfStep }) => {
    if ((draft.phase !== 'summary' && draft.phase !== 'submitting') || !type) return outOfStep();
    const index = parseStepIndex(data.step);
    if (index === undefined || index < 0 || index >= type.steps.length) {
      return { draft, view: summaryView(draft, type, ctx) };
    }
    const next = touch(draft, ctx, { phase: 'step', stepIndex: index, editingFromSummary: true });
    return { draft: next, view: stepView(next, type, ctx) };
  },

  'report.submit': (draft, _data, { ctx, l, type, vctx, outOfStep }) => {
    if ((draft.phase !== 'summary' && draft.phase !== 'submitting') || !type) return outOfStep();
    const submittingView = messageView(
      tr(TEXT.submittingTitle, l),
      tr(TEXT.submittingText, l),
      draft.draftId,
      [],
    );
    if (draft.phase === 'submitting') {
      // A double click or a channel retry: the same submission again; the repository dedupes by draftId.
      return { draft, view: submittingView, submit: submission(draft, type) };
    }
    const problem = checkAnswers(type, draft.answers, vctx);
    if (problem) {
      const next = touch(draft, ctx, {
        phase: 'step',
        stepIndex: problem.stepIndex,
        editingFromSummary: true,
      });
      return { draft: next, view: stepView(next, type, ctx, problem.check) };
    }
    const next = touch(draft, ctx, { phase: 'submitting' });
    return { draft: next, view: submittingView, submit: submission(next, type) };
  },
} satisfies Partial<Record<ReportVerb, StepHandler>>;

/**
 * Builds what the repository stores from a submission. The idempotency key is the draft id, so
 * a repeated "Skicka" for the same draft yields the same report.
 */
export function toNewReport(
  submit: ReportSubmission,
  reporter: Actor,
  extra: { organisationId?: string; reporterConversation?: ConversationRef } = {},
): NewReport {
  const report: NewReport = {
    type: submit.type,
    reporter,
    answers: { ...submit.answers },
    idempotencyKey: submit.draftId,
  };
  if (extra.organisationId !== undefined) report.organisationId = extra.organisationId;
  if (extra.reporterConversation !== undefined) report.reporterConversation = extra.reporterConversation;
  return report;
}

/** Every report verb has a handler: start, or one of the two tables (a new verb fails to compile here). */
type HandledVerb = 'report.start' | keyof typeof ANYWHERE | keyof typeof AT_POSITION;
const everyVerbHandled: Record<Exclude<ReportVerb, HandledVerb>, never> = {};
void everyVerbHandled;
