import type { SearchResult } from './index';

/** Confidence thresholds; configuration (SEARCH_* variables) so they can be tuned without code. */
export interface Thresholds {
  /** At or above: answer with the top topic. */
  answerThreshold: number;
  /** At or above (but below answer): offer "Menade du…?". Below: honest fallback. */
  suggestThreshold: number;
  /** When the runner-up scores within this margin of the top, ask "Menade du…?" instead of guessing. */
  ambiguityMargin: number;
}

export type Decision =
  | { kind: 'answer'; topicId: string; confidence: number; alternatives: string[] }
  | { kind: 'clarify'; options: string[]; confidence: number }
  | { kind: 'fallback'; confidence: number; outOfScope?: string };

/**
 * Turns a ranked result into what the bot does. A wrong confident answer is worse than an honest
 * "I don't know", so close calls become a question back to the user.
 */
export function decide(result: SearchResult, t: Thresholds): Decision {
  const [top, second, third] = result.candidates;
  if (result.outOfScope) return { kind: 'fallback', confidence: 0, outOfScope: result.outOfScope };
  if (!top || result.confidence < t.suggestThreshold)
    return { kind: 'fallback', confidence: result.confidence };
  const close = second !== undefined && top.score - second.score < t.ambiguityMargin;
  if (result.confidence >= t.answerThreshold && !close) {
    const alternatives = [second, third]
      .filter((c) => c && top.score - c.score < t.ambiguityMargin * 2)
      .map((c) => c!.id);
    return { kind: 'answer', topicId: top.id, confidence: result.confidence, alternatives };
  }
  const options = result.candidates
    .slice(0, 3)
    .filter((c) => c.score >= top.score * 0.6)
    .map((c) => c.id);
  return { kind: 'clarify', options, confidence: result.confidence };
}
