import { fold } from '../search/normalize';

/**
 * What a typed message asks for, decided before the knowledge search: commands ("hjälp",
 * "rapportera", "mina rapporter"…) and the user's organisation. Pure, so it is table-tested.
 */
export type TextIntent =
  | { kind: 'help' }
  | { kind: 'greeting' }
  | { kind: 'report.start' }
  | { kind: 'reports.mine' }
  | { kind: 'reports.all' }
  | { kind: 'roles.browse' }
  | { kind: 'org.choose' }
  | { kind: 'org.set'; phrase: string }
  | { kind: 'security.register' }
  | { kind: 'reports.open'; reference: string }
  | { kind: 'question.ask' }
  | { kind: 'question.mine' }
  | { kind: 'question.open'; id: string }
  | { kind: 'question.register'; phrase: string }
  | { kind: 'question'; text: string };

const norm = (s: string) =>
  fold(s)
    .replace(/[^\p{L}\p{N}\s?-]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();

const EXACT: Record<string, TextIntent['kind']> = {
  hjalp: 'help',
  help: 'help',
  '?': 'help',
  meny: 'help',
  menu: 'help',
  'vad kan du': 'help',
  'vad kan du gora': 'help',
  'what can you do': 'help',
  hej: 'greeting',
  hallo: 'greeting',
  hello: 'greeting',
  hi: 'greeting',
  tja: 'greeting',
  rapportera: 'report.start',
  rapport: 'report.start',
  report: 'report.start',
  anmal: 'report.start',
  'ny rapport': 'report.start',
  'rapportera en handelse': 'report.start',
  'rapportera handelse': 'report.start',
  'rapportera ett hot': 'report.start',
  'anmal ett hot': 'report.start',
  'anmal hot': 'report.start',
  'anmal en handelse': 'report.start',
  'report an incident': 'report.start',
  'mina rapporter': 'reports.mine',
  'min rapport': 'reports.mine',
  'my reports': 'reports.mine',
  'alla rapporter': 'reports.all',
  'all reports': 'reports.all',
  roller: 'roles.browse',
  'vem gor vad': 'roles.browse',
  'who does what': 'roles.browse',
  roles: 'roles.browse',
  'byt forvaltning': 'org.choose',
  'valj forvaltning': 'org.choose',
  'byt organisation': 'org.choose',
  'change organisation': 'org.choose',
  'change organization': 'org.choose',
  forvaltning: 'org.choose',
  'registrera sakerhetskanal': 'security.register',
  'registrera sakerhetskanal har': 'security.register',
  'registrera den har kanalen': 'security.register',
  'gor detta till sakerhetskanal': 'security.register',
  'sakerhetskanal har': 'security.register',
  'register security channel': 'security.register',
  'fraga sakerhetsfunktionen': 'question.ask',
  'fraga en manniska': 'question.ask',
  'ask the security function': 'question.ask',
  'mina fragor': 'question.mine',
  'my questions': 'question.mine',
};

const ORG_PATTERNS = [
  /^(?:jag )?(?:jobbar|arbetar|ar anstalld|sitter|finns|ar) (?:pa|i|inom|vid|for) (.+)$/,
  /^(?:min forvaltning ar|mitt bolag ar|jag tillhor) (.+)$/,
  /^i work (?:at|in|for) (.+)$/,
];

/** Classifies a message (already stripped of @mentions). */
export function classifyText(text: string): TextIntent {
  if (text.trim() === '?') return { kind: 'help' };
  const n = norm(text)
    .replace(/[?!.]+$/, '')
    .trim();
  // "hej, vad kan du?" / "hello, what can you do": a greeting before a command is still the command.
  const withoutGreeting = n.replace(/^(hej|hallo|hello|hi|tja|god morgon|hey)\s+/, '');
  const exact = EXACT[n] ?? (withoutGreeting !== n ? EXACT[withoutGreeting] : undefined);
  if (exact) return { kind: exact } as TextIntent;
  // "öppna SG-2026-000123" (from the notification card's hint in a channel).
  const ref = /^(?:oppna|visa|open|show)\s+(sg-\d{4}-\d{1,})$/.exec(n);
  if (ref?.[1]) return { kind: 'reports.open', reference: ref[1].toUpperCase() };
  const question = /^(?:oppna|visa|open|show)\s+(fq-\d{4}-\d{1,})$/.exec(n);
  if (question?.[1]) return { kind: 'question.open', id: question[1].toUpperCase() };
  // "registrera frågekanal hot och våld": in any channel or chat, by a member of that team.
  const register = /^(?:registrera fragekanal|register question channel)(?:\s+(?:for\s+)?(.*))?$/.exec(n);
  if (register) return { kind: 'question.register', phrase: register[1] ?? '' };
  for (const p of ORG_PATTERNS) {
    const m = p.exec(n);
    // Only a short phrase can name an organisation; whether it does is checked against organisations.yaml.
    if (m?.[1] && m[1].split(' ').length <= 5) return { kind: 'org.set', phrase: m[1] };
  }
  return { kind: 'question', text };
}
