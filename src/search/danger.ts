import { fold } from './normalize';

/**
 * Does a message describe danger happening now (someone threatening, attacking, armed, a fire, a
 * person who cannot get away)? Then the reply starts with 112, whatever the search concluded.
 *
 * Independent of the ranking on purpose: a frightened person's words are often ones the knowledge
 * base has never seen, and a "vet inte" or "Menade du…?" must still say 112 first. Rules, not a
 * model, so every phrasing the table tests name is guaranteed and a reviewer can read why.
 *
 * Recall matters more than precision (a needless 112 line costs a glance; a missing one can cost
 * much more), but words shared with planning questions ("riskbedömning för hot", "brandövning i
 * går", "vad gör man om någon hotar") must not trigger it: those are about the past, the general
 * case or a hypothetical.
 */
export interface DangerVerdict {
  danger: boolean;
  /** Which rule fired (for tests and logs; never the text). */
  reason?: 'weapon' | 'attack' | 'emergency' | 'trapped' | 'threat-now';
}

const rx = (parts: string[]) => new RegExp(`\\b(?:${parts.join('|')})\\b`);

/** A weapon in someone's hands, in Swedish or English. */
const WEAPON_WORDS =
  '(?:kniv|kniven|pistol|pistolen|vapen|vapnet|yxa|yxan|machete|sax|saxen|jarnror|tillhygge|basebolltra|balltra|gevar|skjutvapen|knife|knives|gun|guns|weapon|weapons|axe|machete|bat|scissors|pistol)';
const WEAPON = rx([
  `(?:har|haller|viftar|vevar|star|kommer|springer|gar|drog|drar|tog fram|tar fram|plockade fram|hotar mig|hotar oss|hotar) (?:\\w+ ){0,3}(?:med )?(?:en |ett |ett par )?${WEAPON_WORDS}`,
  `med (?:en |ett )?${WEAPON_WORDS} (?:i|pa|och|utanfor|framfor|mot)`,
  `(?:man|kvinna|kille|tjej|person|nagon|nan|snubbe|elev|kund|brukare|patient|besokare|someone|somebody|guy) med (?:en |ett )?${WEAPON_WORDS}`,
  `${WEAPON_WORDS} (?:i|pa) (?:handen|fickan|hand)`,
  'knivhotar',
  'knivhota\\w*',
  'bevapnad',
  'skjuter',
  'skottlossning',
  'skott',
  `(?:has|holding|holds|pulled|pulls|waving|waves|with|drew|draws|got|carrying) (?:out )?(?:a |an |his |her |their )?${WEAPON_WORDS}`,
  'armed',
  'shooting',
  'shots fired',
  'gunman',
  'stabbed',
  'stabbing',
  'knivskuren',
  'knivhuggen',
  'huggen',
]);

/** A weapon named at all: danger when the writer also says it is happening now. */
const WEAPON_NAMED = rx([WEAPON_WORDS]);

/** Violence against the writer or people near them, in the present tense. */
const ATTACK = rx([
  `(?:hotar|slar|sparkar|attackerar|angriper|misshandlar|knuffar|nyper|biter|spottar pa|stryper|hugger|jagar|tar struptag pa|haller fast|trycker upp) (?:mig|mej|oss|min kollega|kollegan|kollegor|en kollega|personalen|personal|laraen|lararen|en larare|barnen|ett barn|eleverna|en elev|brukaren|patienten|en vardare|vakten|henne|honom|dem)`,
  'hotar att (?:doda|sla|skada|hugga|skjuta|spranga|morda|ta livet av|mucka|slakta|knivhugga)',
  'ska (?:doda|sla ihjal|hugga|skjuta|knivhugga|ta livet av) (?:mig|oss|dig|henne|honom|alla)',
  'slar sonder',
  // Present passive: "kollegan blir misshandlad", "I'm being attacked".
  'blir (?:misshandlad|slagen|attackerad|angripen|knivhuggen|overfallen|nedslagen|sparkad|strypt|knivhotad)',
  '(?:being|getting) (?:beaten|attacked|assaulted|stabbed|hit|beaten up|strangled)',
  // Things thrown at people.
  '(?:kastar|slanger|haller pa att kasta) (?:\\w+ ){0,2}(?:pa|mot) (?:mig|oss|personal|personalen|kollegan|barnen|eleverna)',
  '(?:throwing|throws|hurling) (?:\\w+ ){0,2}at (?:me|us|staff|people|my colleague)',
  // Fear for one's life, said now.
  '(?:radd|radda|livradd|skrackslagen) for (?:mitt|vart|hans|hennes) liv',
  '(?:afraid|scared|fear|fearing) for (?:my|our|his|her) li(?:fe|ves)',
  'slass',
  'gar till attack',
  'gick till attack',
  'gar till angrepp',
  'vill inte slappa (?:mig|oss|ut)',
  'slapper inte',
  'foljer efter mig',
  'forfoljer mig',
  'tar tag i mig',
  'har tagit tag i',
  `(?:is|are|s|re|keeps|keep|and) (?:threatening|attacking|hitting|beating|kicking|punching|chasing|following|choking|grabbing|holding|pushing|shoving|hurting|assaulting|stalking) (?:me|us|my|a|the|our|him|her|them|someone|staff|people)`,
  '(?:threatening|attacking|hitting|beating|kicking|punching|chasing|choking|grabbing|hurting) (?:me|us|my colleague|a colleague|staff) (?:right )?now',
  'threatens to (?:kill|hurt|stab|shoot|beat)',
  '(?:going to|gonna|will) (?:kill|stab|shoot|hurt|beat) (?:me|us|you|everyone|someone)',
  '(?:wont|will not|doesnt|does not|refuses to) let (?:me|us) (?:go|leave|out)',
  'holding (?:me|us|my colleague|a colleague|someone) (?:hostage|against|down|back|and)',
  'grabbed me',
  'is holding on to me',
  'holding on to me',
  'has grabbed',
  'wont let go',
]);

/** Fire, explosions and medical emergencies happening now. */
const EMERGENCY = rx([
  'det brinner',
  'luktar brant',
  'kommer rok',
  'rok (?:fran|ur|i|under|kommer|sprider|valler|stiger)',
  // "det ryker", "ryker ur elskåpet": smoke seen now.
  'ryker',
  'brand (?:i|pa|har|bryter)',
  '(?:har|ar) (?:en )?brand',
  '(?:theres|there is|we have) (?:a )?(?:fire|smoke)',
  'smoke (?:from|coming|in|is)',
  'flames?',
  'i lagor',
  'brandlarm\\w* (?:gar|tjuter|ljuder|har gatt)',
  // A bag or parcel nobody owns: the same procedure as a suspicious object.
  '(?:misstankt|misstankta|konstig|konstigt|overgiven|overgivet|overgivna|kvarglomd|kvarglomt|oidentifierad|oidentifierat|okand|okant) (?:\\w+ )?(?:paket|foremal|forsandelse|vaska|vaskan|ryggsack|kasse|bag|lada|kartong|bil)',
  'paket\\w* (?:\\w+ ){0,10}(?:sladd|sladdar|tickar|ticka)',
  'vitt pulver',
  'smell\\w* (?:of )?smoke',
  'smoke (?:from|coming|in)',
  'fire alarm (?:is )?(?:going off|ringing|sounding)',
  '(?:suspicious|unattended|abandoned|strange) (?:looking )?(?:package|parcel|device|object|bag|backpack|box|suitcase|vehicle)',
  'white powder',
  'wires? sticking out',
  'brinner (?:i|pa|nu|det)',
  'eld i',
  'ror overallt',
  'full av rok',
  'luktar rok',
  'bloder',
  'medvetslos',
  'andas inte',
  'hjartstopp',
  'ligger pa golvet och',
  'explosion',
  'exploderade',
  'bomb i',
  'bomb pa',
  'en bomb',
  'misstankt bomb',
  'on fire',
  'is burning',
  'fire in',
  'smoke everywhere',
  'bleeding',
  'unconscious',
  'not breathing',
  'a bomb',
  'someone is dying',
  'overdose',
  'overdos',
  'overdosed',
  'kollaps\\w*',
  'kollapsat',
  'svimma\\w*',
  'krampar',
  'kramper',
  'kan inte andas',
  'slutat andas',
  'gaslukt',
  'luktar gas',
  'gasläcka',
  'gaslacka',
  'gas leak',
  'smell of gas',
  'collapsed',
  'seizure',
  'cant breathe',
  'cannot breathe',
  'stopped breathing',
  'hjartattack',
  'heart attack',
  'stroke',
  '(?:hotar|tanker|vill|ska|forsoker) (?:att )?(?:ta livet av sig|ta sitt liv|hoppa)',
  'sjalvmord\\w*',
  'suicid\\w*',
  '(?:threatening|going|wants|trying) to (?:kill (?:himself|herself|themselves)|jump|end (?:his|her|their) life)',
  'suicidal',
  'gisslan',
  'hostage',
  'kidnapp\\w*',
  'kidnapped',
  'tagit ett barn',
  'tar ett barn',
  'barn (?:har )?forsvunnit',
  'forsvunnet barn',
  'missing child',
  'child is missing',
  'taket rasar',
  'rasar in',
  'collapsing',
]);

/** Someone cannot get away, or someone dangerous is at the door. */
const TRAPPED = rx([
  'kommer inte (?:ut|undan|dar ifran|darifran|harifran)',
  // "han låter mig inte gå", "släpper inte ut mig", "kan inte gå ut": someone holds the writer.
  '(?:later|slapper) (?:mig|oss|henne|honom) inte (?:ga|ut|komma|lamna|ga ut|fly)',
  '(?:later|slapper) inte (?:mig|oss) (?:ga|ut|komma|lamna)',
  'kan inte (?:ga ut|komma ut|ta mig ut|ta mig harifran|fly|lamna rummet|ta mig darifran)',
  'blockerar (?:dorren|utgangen|vagen)',
  'star i dorren och',
  '(?:bryter|bryta|bankar|sparkar|slar) (?:upp|in|sonder|pa) (?:dorren|fonstret|fonster|porten|rutan)',
  'forsoker (?:bryta|ta sig|komma|tranga sig) (?:sig )?(?:in|upp)',
  'forsoker bryta upp',
  'krossar (?:rutan|fonstret|fonster)',
  // Someone advancing on the writer.
  '(?:kommer|springer|rusar|gar) (?:emot|mot|fram mot|rakt mot) (?:mig|oss)',
  '(?:coming|running|walking|heading) (?:at|towards|toward) (?:me|us)',
  '(?:is|s) (?:following|chasing|stalking) me',
  '(?:wont|will not) let (?:me|us) (?:go|leave|out)',
  'inte kommer (?:ut|undan|darifran|harifran)',
  'instangd',
  'lasta in mig',
  'gomt mig',
  'gommer mig',
  'har lasat in mig',
  '(?:har )?last in (?:mig|oss)',
  'barrikader\\w*',
  // Alone with someone who will not leave.
  'ensam (?:\\w+ ){0,4}(?:vagrar|vill inte) (?:ga|lamna)',
  '(?:vagrar|vill inte) (?:ga|lamna) (?:\\w+ ){0,4}ensam',
  'alone (?:\\w+ ){0,4}(?:refuses|wont) (?:to )?leave',
  '(?:star|vantar|sitter|gar runt|smyger|lurar) (?:\\w+ ){0,4}utanfor (?:min|mitt|mina|dorren|huset|kontoret|entren|rummet|lagenheten|bostaden|jobbet|skolan|forskolan|porten|fonstret|hemmet|receptionen)',
  'utanfor dorren och (?:skriker|hotar|bankar|sparkar)',
  'bankar pa dorren',
  'sparkar pa dorren',
  'forsoker ta sig in',
  'bryter sig in',
  'breaking in',
  'inbrott pagar',
  'forsoker komma in',
  'cant (?:get out|escape|get away|leave)',
  'cannot (?:get out|escape|get away|leave)',
  'trapped',
  'stuck (?:in|inside) (?:with|and)',
  'locked (?:myself )?in',
  'hiding (?:from|in)',
  '(?:is|s|are|re|standing|waiting) (?:right )?outside (?:my|the|our) (?:door|house|office|home|room|flat|apartment)',
  'trying to (?:get|break) in',
  '(?:smashing|breaking|kicking in|kicking down) (?:the |my |our )?(?:windows?|door|doors|glass)',
  'banging on the door',
]);

/** Milder words that mean danger only when the writer says it is happening now. */
const THREAT_WORD = rx([
  'hot\\w*',
  'hota\\w*',
  'vald\\w*',
  'aggressiv\\w*',
  'brak\\w*',
  'slagsmal',
  'skriker',
  'galen',
  'flippat',
  'flippar',
  'rasar',
  'ilsk\\w*',
  'attack\\w*',
  'angrep\\w*',
  'angrip\\w*',
  'slog',
  'slagit',
  'sparka\\w*',
  'knuffa\\w*',
  'overfall\\w*',
  'farlig\\w*',
  'fara',
  'radd',
  'livradd',
  'panik',
  'threat\\w*',
  'violen\\w*',
  'aggressive',
  'attack\\w*',
  'assault\\w*',
  'fight\\w*',
  'danger\\w*',
  'scared',
  'afraid',
  'terrified',
  'screaming',
  'shouting',
  'pushing',
  'yelling',
  'angry',
  'hurt',
]);

/** The writer says it is happening now. */
const NOW_EXPLICIT = rx([
  'just nu',
  'precis nu',
  'i detta ogonblick',
  'medan jag skriver',
  'as i type',
  'while i(?:m| am) (?:writing|typing)',
  'pagar',
  'akut',
  'i detta nu',
  'i denna stund',
  'right now',
  'happening now',
  'at the moment',
  'as we speak',
  'currently',
  'ongoing',
  'in progress',
]);
const NOW = rx([
  'nu',
  'pagaende',
  'har inne',
  'har nu',
  'igen',
  'nyss',
  'precis',
  'ringa 112',
  'hjalp',
  'snabbt',
  'fort',
  'genast',
  'star har',
  'star kvar',
  'ar har',
  'ar kvar',
  'fortfarande kvar',
  'vagrar ga',
  'vill inte ga',
  'vagrar lamna',
  'now',
  'help',
  'asap',
  'urgent',
  'immediately',
  'still here',
  'still there',
  'wont leave',
  'refuses to leave',
  'is here',
  'emergency',
  '112',
]);

/** About something that already happened. */
const PAST = rx([
  'i gar',
  'igar',
  'i forrgar',
  'i fjol',
  'ifjol',
  'forra (?:veckan|manaden|aret|terminen|helgen|mandagen|tisdagen|onsdagen|torsdagen|fredagen)',
  'for (?:en|ett|tva|tre|fyra|nagra|ett par) (?:\\w+ )?(?:dag|dagar|vecka|veckor|manad|manader|ar|timmar|timme) sedan',
  'haromdagen',
  'haromveckan',
  'i somras',
  'i vintras',
  'i varas',
  'i hostas',
  'yesterday',
  'last (?:week|month|year|night|friday|monday|tuesday|wednesday|thursday|weekend)',
  '\\w+ (?:days|weeks|months|years) ago',
  'a (?:day|week|month|year) ago',
  'earlier this (?:week|month|year)',
  'efterat',
  'i efterhand',
  // "krisstöd efter en stor brand": the aftermath, not the fire.
  'efter (?:en|ett|den|det) (?:\\w+ ){0,2}(?:brand|handelse|olycka|incident|attack|hot|hotet|overfall|kris|skottlossning|explosion|inbrott)',
  'efter (?:branden|olyckan|handelsen|hotet|attacken|incidenten|overfallet|krisen|inbrottet|skottlossningen)',
  'afterwards',
  'after the (?:incident|attack|event)',
  'after (?:being|having been|i was|we were)',
]);

/** Planning, policy, statistics, training: about the general case, not a person in danger. */
const GENERAL = rx([
  'riskbedomning\\w*',
  'risk assessment',
  'ovning\\w*',
  '\\w*ovning',
  'utbildning\\w*',
  'kurs',
  'rutin\\w*',
  'policy\\w*',
  'statistik',
  // "plan 3" is a floor, not a plan.
  'plan(?! \\d)',
  'planen',
  'planering\\w*',
  'forebygg\\w*',
  'forbereda\\w*',
  'vad ar',
  'vad innebar',
  'vad betyder',
  'vad sager lagen',
  'vilka regler',
  'hur manga',
  'ansvarar for',
  'vem ansvarar',
  'vad galler',
  'drill',
  'exercise',
  'training',
  'routine\\w*',
  'statistics',
  'what is',
  'what does',
  'how many',
  'prepare\\w*',
  'prevent\\w*',
  'who is responsible',
  'how (?:should|do|can|would) (?:we|i|staff|one|you|the|reception|employees|managers) (?:\\w+ ){0,2}(?:handle|deal|respond|prepare|react)',
  'hur (?:ska|bor|kan) (?:man|vi|personal|personalen|receptionen) (?:\\w+ ){0,2}hantera',
  'in general',
  'generellt',
  'brandskydd\\w*',
  'larmrutin\\w*',
  'sakerhetsprovning',
]);

/** "What should one do if…": a hypothetical, unless the writer also says it is happening now. */
const HYPOTHETICAL = rx([
  '(?:vad|hur) (?:gor|ska|bor|skall|kan|gjorde) (?:jag|man|vi|ni|en chef|chefen) (?:\\w+ ){0,2}om',
  'om (?:nagon|nan|ngn|en|ett|man|jag|vi|det|de|han|hon|hen|mina|min|personal|personalen)',
  'ifall',
  'om (?:\\w+ ){0,2}(?:gar|gar igang|skulle|blir|borjar|hander|intraffar)',
  'tank om',
  'skulle',
  'what (?:if|should i do if|do i do if|to do if|should we do if|do we do if|happens if)',
  'if (?:someone|somebody|a|an|i|we|my|our|there|he|she|they)',
  'in case',
  'would',
]);

/** Threats in writing: serious, but not someone in the room (unless a weapon or the door is named). */
const DIGITAL = rx([
  'mejl\\w*',
  'mail\\w*',
  'e post',
  'epost',
  'sms\\w*',
  'facebook',
  'instagram',
  'twitter',
  'tiktok',
  'sociala medier',
  'natet',
  'online',
  'kommentar\\w*',
  'inlagg',
  'brev',
  'hotbrev',
  'telefon\\w*',
  'ringer och',
  'email\\w*',
  'message\\w*',
  'text message',
  'post',
  'posts',
  'comment\\w*',
  'letter',
  'chatt\\w*',
  'dm',
  'snapchat',
]);

/**
 * Idioms that share a danger word but never mean danger ("det brinner i knutarna" is a deadline,
 * "it's so hot in here" is the weather): removed before the rules read the text.
 */
const IDIOM = new RegExp(
  `\\b(?:${[
    'brinner i knutarna',
    'brinner for',
    '(?:so|very|too|really|is|its|it s|getting) hot',
    'hot (?:in here|today|outside|weather|day|summer|coffee|water|topic|desk)',
  ].join('|')})\\b`,
  'g',
);

function normalise(text: string): string {
  return fold(text)
    .replace(/['’`´]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(IDIOM, ' ');
}

/** Classifies one message. Pure and cheap (a handful of regular expressions). */
export function detectDanger(text: string): DangerVerdict {
  const t = normalise(text.slice(0, 1000));
  if (t.length === 0) return { danger: false };
  const explicitNow = NOW_EXPLICIT.test(t);
  const past = PAST.test(t) && !explicitNow;
  if (past) return { danger: false };
  const hypothetical = HYPOTHETICAL.test(t) && !explicitNow;
  const general = GENERAL.test(t) && !explicitNow;
  if (hypothetical || general) return { danger: false };

  const now = explicitNow || NOW.test(t);
  if (WEAPON.test(t) || (WEAPON_NAMED.test(t) && now)) return { danger: true, reason: 'weapon' };
  if (EMERGENCY.test(t)) return { danger: true, reason: 'emergency' };
  if (TRAPPED.test(t)) return { danger: true, reason: 'trapped' };
  const digital = DIGITAL.test(t);
  if (ATTACK.test(t) && !digital) return { danger: true, reason: 'attack' };
  if (THREAT_WORD.test(t) && (explicitNow || (now && !digital)))
    return { danger: true, reason: 'threat-now' };
  return { danger: false };
}

/**
 * True when the text says it is about the past, a plan, a rule or a hypothetical (and not "just
 * nu"): used when the search, not these rules, suggests danger (see SearchService.dangerNow).
 */
export function aboutPastOrPlan(text: string): boolean {
  const t = normalise(text.slice(0, 1000));
  if (NOW_EXPLICIT.test(t)) return false;
  return PAST.test(t) || HYPOTHETICAL.test(t) || GENERAL.test(t) || DIGITAL.test(t);
}

/** Convenience for callers that need only the yes/no. */
export function isDangerNow(text: string): boolean {
  return detectDanger(text).danger;
}
