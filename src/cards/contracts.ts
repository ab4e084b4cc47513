/**
 * Card contracts: the data shape each template binds. A template listed here can only be rendered
 * with data of its shape, so a view that forgets or misspells a field fails to compile. Every
 * template in TEMPLATE_NAMES has one (CardView has no loose fallback): a new template needs its
 * shape here before any view can render it.
 */
import type { ReportStatus } from '../report/lifecycle';
import type { Verb } from './verbs';

/** A label and its value, as the FactSet-like blocks show them. */
export interface FactData {
  label: string;
  value: string;
}

/** A button that posts back a declared verb with its data. */
export interface ButtonData {
  title: string;
  data: { verb: Verb } & Record<string, unknown>;
}

/** `answer`: one knowledge topic. */
export interface AnswerCardData {
  topicId: string;
  urgent: boolean;
  dangerText: string;
  policeText: string;
  title: string;
  summaryEn: string;
  stepsTitle: string;
  /** Said when an English reader gets Swedish steps; empty otherwise. */
  stepsNote: string;
  steps: Array<{ n: number; text: string }>;
  /** Said when an English reader gets the Swedish answer; empty otherwise. */
  answerNote: string;
  /** "Hela svaret på svenska" on an English card ('' on a Swedish one). */
  inSwedishLabel: string;
  paragraphs: Array<{ text: string }>;
  sourceLabel: string;
  sources: string;
  reviewedLabel: string;
  reviewed: string;
  hasReport: boolean;
  reportType: string;
  reportLabel: string;
  relatedTitle: string;
  related: Array<{ id: string; title: string }>;
  feedbackQuestion: string;
  feedbackYes: string;
  feedbackNo: string;
}

/** `answer`, `did-you-mean`, `fallback`: the "Fråga säkerhetsfunktionen" link; empty label = no button. */
export interface AskLinkData {
  askLabel: string;
  askText: string;
  askArea: string;
}

/** `message`: a titled card with paragraphs and buttons. */
export interface MessageCardData {
  title: string;
  paragraphs: Array<{ text: string }>;
  actions: ButtonData[];
}

/** `report-message`: a report flow notice; buttons carry the draft id. */
export interface ReportMessageCardData {
  draftId: string;
  progress: string;
  title: string;
  text: string;
  buttons: Array<{
    title: string;
    verb: Verb;
    /** "yes" on a confirming button, '' otherwise. */ confirm: string;
  }>;
}

/** `report-detail`: one report in full, with status buttons for the security team. */
export interface ReportDetailCardData {
  title: string;
  reference: string;
  facts: FactData[];
  purged: boolean;
  purgedText: string;
  groups: Array<{ title: string; items: FactData[] }>;
  canSetStatus: boolean;
  setStatusHeading: string;
  statusActions: Array<{ status: ReportStatus; title: string }>;
}

/** A topic offered as a button (opens that topic's answer card). */
export interface TopicButtonData {
  id: string;
  title: string;
}

/** A choice in an Input.ChoiceSet. */
export interface ChoiceData {
  title: string;
  value: string;
}

/** `danger-now`: the 112 card, sent before anything else. */
export interface DangerNowCardData {
  emergencyNumber: string;
  title: string;
  safetyText: string;
  policeText: string;
}

/** `did-you-mean`: up to three topics as buttons. */
export interface DidYouMeanCardData {
  title: string;
  text: string;
  options: TopicButtonData[];
}

/** `fallback`: the honest "I don't know" with the security function's contact and 112. */
export interface FallbackCardData {
  title: string;
  text: string;
  scopeText: string;
  contactLabel: string;
  contactText: string;
  dangerText: string;
  helpLabel: string;
}

/** `welcome`: shown when the bot is installed or someone joins. */
export interface WelcomeCardData {
  title: string;
  text: string;
  dangerText: string;
  policeText: string;
  examplesTitle: string;
  examples: Array<{ text: string }>;
  reportLabel: string;
  rolesLabel: string;
  helpLabel: string;
}

/** `help`: what the bot can do, with buttons. */
export interface HelpCardData {
  title: string;
  items: Array<{ text: string }>;
  dangerText: string;
  reportLabel: string;
  rolesLabel: string;
  myReportsLabel: string;
  organisationLabel: string;
}

/** `org-choose`: the searchable organisation list. */
export interface OrgChooseCardData {
  title: string;
  text: string;
  placeholder: string;
  choices: ChoiceData[];
  /** The chosen organisation's id, '' when none. */
  current: string;
  saveLabel: string;
  error: string;
  hasError: boolean;
}

/** `roles-responsibility`: the chain of responsible roles, city level down to the user's own. */
export interface RolesResponsibilityCardData {
  title: string;
  area: string;
  orgLine: string;
  links: Array<{
    n: number;
    name: string;
    level: string;
    duty: string;
    basis: string;
    hasBasis: boolean;
    contact: string;
    hasContact: boolean;
    roleId: string;
  }>;
  dutyLabel: string;
  basisLabel: string;
  contactLabel: string;
  topics: TopicButtonData[];
  readMore: string;
}

/** `roles-role`: one role, its duties per area and its contact. */
export interface RolesRoleCardData {
  title: string;
  level: string;
  summary: string;
  dutiesTitle: string;
  duties: Array<{ area: string; text: string; basis: string; hasBasis: boolean }>;
  hasContact: boolean;
  contactLabel: string;
  contact: string;
  hasNote: boolean;
  noteLabel: string;
  note: string;
  orgLine: string;
}

/** `roles-checklist`: a manager's checklist, details behind "Visa mer". */
export interface RolesChecklistCardData {
  title: string;
  dutiesLabel: string;
  orgLine: string;
  items: Array<{ n: number; text: string }>;
  informLabel: string;
  inform: Array<{ text: string }>;
  hasInform: boolean;
  detailsLabel: string;
  details: Array<{ n: number; meta: string }>;
  topics: TopicButtonData[];
  readMore: string;
  showMore: string;
}

/** `roles-browse`: choose an area. */
export interface RolesBrowseCardData {
  title: string;
  areas: Array<{ code: string; title: string }>;
}

/** `roles-area`: one area's responsibility questions and roles. */
export interface RolesAreaCardData {
  title: string;
  respTitle: string;
  responsibilities: TopicButtonData[];
  rolesTitle: string;
  roles: Array<{ id: string; name: string; duty: string }>;
}

/** What every report flow card carries: the draft its buttons act on and where the reporter is. */
export interface ReportFlowCardData {
  /** '' when the card belongs to no draft (cancelled, nothing to resume). */
  draftId: string;
  /** "Steg 2 av 4", '' outside the steps. */
  progress: string;
}

/** The draft position a button was pressed at, so a stale card is recognised. */
export interface ReportPositionData {
  at: string;
}

/** `report-safety`: "Är du i säkerhet nu?". */
export interface ReportSafetyCardData extends ReportFlowCardData, ReportPositionData {
  title: string;
  text: string;
  error: string;
  yes: string;
  no: string;
  cancel: string;
}

/** `report-danger`: the report paused for 112. */
export interface ReportDangerCardData extends ReportFlowCardData, ReportPositionData {
  emergencyNumber: string;
  emergencyText: string;
  safetyFirst: string;
  policeText: string;
  laterText: string;
  resume: string;
  cancel: string;
}

/** `report-type`: choose what to report. */
export interface ReportTypeCardData extends ReportFlowCardData, ReportPositionData {
  title: string;
  text: string;
  error: string;
  types: Array<{ id: string; title: string; description: string; choose: string }>;
  cancel: string;
}

/** One input on a report step; the `is…` flags pick the input element the template shows. */
export interface ReportStepFieldData {
  id: string;
  kind: string;
  label: string;
  help: string;
  note: string;
  hint: string;
  error: string;
  value: string;
  isText: boolean;
  isMultiline: boolean;
  isChoice: boolean;
  isMultiSelect: boolean;
  choiceStyle: string;
  choices: ChoiceData[];
  isDate: boolean;
  isTime: boolean;
  isToggle: boolean;
  toggleTitle: string;
  valueOn: string;
  valueOff: string;
}

/** `report-step`: one step of a report type's questions. */
export interface ReportStepCardData extends ReportFlowCardData, ReportPositionData {
  typeTitle: string;
  title: string;
  intro: string;
  hasErrors: boolean;
  errorSummary: string;
  notice: { show: boolean; title: string; text: string };
  contactKey: string;
  contactText: string;
  fields: ReportStepFieldData[];
  back: string;
  cancel: string;
  next: string;
}

/** `report-summary`: everything answered, each step with "Ändra", then "Skicka". */
export interface ReportSummaryCardData extends ReportFlowCardData, ReportPositionData {
  typeTitle: string;
  title: string;
  text: string;
  groups: Array<{ title: string; step: string; edit: string; items: FactData[] }>;
  back: string;
  cancel: string;
  submit: string;
}

/** `report-stale`: a button on an old card; offers the current draft or a new start. */
export interface ReportStaleCardData extends ReportFlowCardData {
  title: string;
  text: string;
  canResume: boolean;
  resume: string;
  startOver: string;
}

/** `report-cancelled`: the report was cancelled or discarded. */
export interface ReportCancelledCardData extends ReportFlowCardData {
  title: string;
  text: string;
  help: string;
  startOver: string;
}

/** `report-resume`: "Du har ett påbörjat utkast": continue or discard. */
export interface ReportResumeCardData extends ReportFlowCardData {
  title: string;
  text: string;
  resume: string;
  discard: string;
}

/** A titled line with an optional contact, as the receipt lists duties and support. */
export interface ReceiptItemData {
  title: string;
  text: string;
  contact: string;
}

/** `report-receipt`: the reporter's receipt, with the duties the bot does not take over. */
export interface ReportReceiptCardData {
  title: string;
  referenceLabel: string;
  reference: string;
  typeTitle: string;
  nextHeading: string;
  nextText: string;
  hasDuties: boolean;
  dutiesHeading: string;
  duties: ReceiptItemData[];
  hasSupport: boolean;
  supportHeading: string;
  support: ReceiptItemData[];
  guideNote: string;
}

/** A status button on the security team's cards. */
export interface StatusActionData {
  status: ReportStatus;
  title: string;
}

/** `report-notification`: the security team's notice of a new report. */
export interface ReportNotificationCardData {
  title: string;
  reference: string;
  facts: FactData[];
  organisationLabel: string;
  organisation: string;
  purged: boolean;
  purgedText: string;
  showText: boolean;
  textItems: FactData[];
  showTextHidden: boolean;
  textHidden: string;
  open: string;
  canSetStatus: boolean;
  setStatusHeading: string;
  statusActions: StatusActionData[];
}

/** `report-list`: the reporter's own reports or the security team's queue. */
export interface ReportListCardData {
  title: string;
  empty: boolean;
  emptyText: string;
  items: Array<{
    reference: string;
    type: string;
    date: string;
    status: string;
    meta: string;
    showReporter: boolean;
    reporter: string;
    open: string;
  }>;
}

/** `report-status-changed`: told to the reporter when their report's status changes. */
export interface ReportStatusChangedCardData {
  title: string;
  referenceLabel: string;
  reference: string;
  typeTitle: string;
  statusHeading: string;
  status: string;
  text: string;
  open: string;
}

/** `question-ask`: the question prefilled and editable, an optional area, the privacy note. */
export interface QuestionAskCardData {
  title: string;
  intro: string;
  error: string;
  questionLabel: string;
  text: string;
  areaLabel: string;
  area: string;
  areas: ChoiceData[];
  privacy: string;
  send: string;
  /** Idempotency key: a double press sends the question once. */
  key: string;
}

/** One entry of a question's thread (question, answer, follow-up). */
export interface ThreadEntryData {
  heading: string;
  text: string;
}

/** `question-team`: the team's card, with the buttons the question's status allows. */
export interface QuestionTeamCardData {
  title: string;
  facts: Array<{ title: string; value: string }>;
  thread: ThreadEntryData[];
  note: string;
  canAnswer: boolean;
  answerLabel: string;
  canForward: boolean;
  forwardLabel: string;
  forwardAreas: ChoiceData[];
  actions: Array<{ title: string; verb: Verb; data: ButtonData['data'] }>;
}

/** `question-answer`: the answer in the person's chat, or their view of one question. */
export interface QuestionAnswerCardData {
  title: string;
  thread: ThreadEntryData[];
  note: string;
  actions: ButtonData[];
}

/** `question-followup`: the follow-up question form. */
export interface QuestionFollowupCardData {
  title: string;
  error: string;
  label: string;
  send: string;
  id: string;
  version: number;
}

/** `question-list`: `mina frågor`. */
export interface QuestionListCardData {
  title: string;
  emptyText: string;
  openLabel: string;
  items: Array<{ id: string; status: string; area: string; snippet: string }>;
}

/** The contracts by template name. */
export interface CardContracts {
  answer: AnswerCardData & AskLinkData;
  'danger-now': DangerNowCardData;
  'did-you-mean': DidYouMeanCardData & AskLinkData;
  fallback: FallbackCardData & AskLinkData;
  help: HelpCardData;
  message: MessageCardData;
  'org-choose': OrgChooseCardData;
  'question-answer': QuestionAnswerCardData;
  'question-ask': QuestionAskCardData;
  'question-followup': QuestionFollowupCardData;
  'question-list': QuestionListCardData;
  'question-team': QuestionTeamCardData;
  'report-cancelled': ReportCancelledCardData;
  'report-danger': ReportDangerCardData;
  'report-detail': ReportDetailCardData;
  'report-list': ReportListCardData;
  'report-message': ReportMessageCardData;
  'report-notification': ReportNotificationCardData;
  'report-receipt': ReportReceiptCardData;
  'report-resume': ReportResumeCardData;
  'report-safety': ReportSafetyCardData;
  'report-stale': ReportStaleCardData;
  'report-status-changed': ReportStatusChangedCardData;
  'report-step': ReportStepCardData;
  'report-summary': ReportSummaryCardData;
  'report-type': ReportTypeCardData;
  'roles-area': RolesAreaCardData;
  'roles-browse': RolesBrowseCardData;
  'roles-checklist': RolesChecklistCardData;
  'roles-responsibility': RolesResponsibilityCardData;
  'roles-role': RolesRoleCardData;
  welcome: WelcomeCardData;
}
