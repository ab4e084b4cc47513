import { fold } from '../search/normalize';
import type { Topic } from './schema';

/**
 * Who a card speaks to, as far as contacts are concerned: employees have a manager to ask;
 * elected officials (förtroendevalda) have none, so their fallbacks name the nämndsekreterare,
 * the party's security contact or the city's security contact for elected officials.
 */
export type ContactAudience = 'anstalld' | 'fortroendevald';

/** A topic written for elected officials: the FV area, or förtroendevalda as its only audience. */
export function topicForElected(topic: Pick<Topic, 'area' | 'audience'>): boolean {
  return topic.area === 'FV' || (topic.audience.length === 1 && topic.audience[0] === 'fortroendevald');
}

/** The person says they are an elected official ("jag är politiker", "som nämndledamot"…), folded text. */
const ELECTED_ASKER =
  /\b(jag ar|som|vi ar|i am|as an?)\s+(en\s+|an?\s+)?(fortroendevald\w*|politiker\w*|kommunpolitiker\w*|fritidspolitiker\w*|ledamot\w*|nam(nd|ns)ledamot\w*|ersattare|nam(nd|ns)ordforande|kommunalrad\w*|borgarrad\w*|elected official\w*|politician\w*|councillor\w*)\b/;

/** The audience for a topic's card: the topic's own, or elected officials when the asker says they are one. */
export function contactAudience(topic: Pick<Topic, 'area' | 'audience'>, question = ''): ContactAudience {
  return topicForElected(topic) || ELECTED_ASKER.test(fold(question)) ? 'fortroendevald' : 'anstalld';
}
