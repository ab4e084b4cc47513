/**
 * Card contracts: the data shape each template binds. A template listed here can only be rendered
 * with data of its shape, so a view that forgets or misspells a field fails to compile. Templates
 * not listed yet take any object; add each one's shape here when you touch it.
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
  buttons: Array<{ title: string; verb: Verb }>;
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

/** The contracts by template name. */
export interface CardContracts {
  answer: AnswerCardData;
  message: MessageCardData;
  'report-message': ReportMessageCardData;
  'report-detail': ReportDetailCardData;
}
