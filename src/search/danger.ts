import { fold } from './normalize';

/**
 * Does a message describe danger happening now (someone threatening, attacking, armed, a fire, a
 * person who cannot get away)? Then the reply starts with 112, whatever the search concluded.
 *
 * Independent of the ranking on purpose: a frightened person's words are often ones the knowledge
 * base has never seen, and a "vet inte" or "Menade du…?" must still say 112 first. Rules, so every
 * phrasing the table tests name is guaranteed and a reviewer can read why; the learned classifier
 * of dangerClassifier.ts reads beside them for the phrasings no table names (SearchService.dangerNow).
 *
 * Recall matters more than precision (a needless 112 line costs a glance; a missing one can cost
 * much more), but words shared with planning questions ("riskbedömning för hot", "brandövning i
 * går", "vad gör man om någon hotar") must not trigger it: those are about the past, the general
 * case or a hypothetical.
 *
 * How a message is read (after folding å/ä/ö and cutting out idioms such as "brinner i knutarna"):
 * 1. fiction, news and hearsay (NOT_REAL), the past (PAST), plans and rules (GENERAL) and
 *    hypotheticals (HYPOTHETICAL) set it aside, unless it says "just nu"; a set-aside message can
 *    still have a sentence of its own that says now ("I går hotade han mig. Nu står han här med
 *    en kniv."), see presentSentence();
 * 2. one table per word family names what danger looks like: weapons, violence with a person as
 *    target (Swedish present -r forms and perfect, English -ing forms), spoken threats, being held,
 *    intrusion, fire and gas, suspicious objects and bombs, someone hurt, someone taken;
 * 3. milder words (THREAT_WORD: "hotfull", "aggressive") count only with a now word (NOW).
 * Tables are written for the folded, punctuation-free text: "he's" is "hes", "hjälp" is "hjalp".
 */
export interface DangerVerdict {
  danger: boolean;
  /** Which rule fired (for tests and logs; never the text). */
  reason?: 'weapon' | 'attack' | 'emergency' | 'trapped' | 'threat-now';
}

const rx = (parts: string[]) => new RegExp(`\\b(?:${parts.join('|')})\\b`);

/**
 * People as the target of a violent verb, so that "sparkar boll", "jagar fakturor", "hotar
 * tryggheten" and "attacking my proposal" are not read as violence. Nouns as stems (any ending).
 */
const SV_PERSON_NOUN =
  '(?:kolleg\\w*|personal\\w*|elev\\w*|barn\\w*|tjej\\w*|kill\\w*|pojk\\w*|flick\\w*|larar\\w*|rektor\\w*|vakt\\w*|brukar\\w*|patient\\w*|besokar\\w*|kund\\w*|chauff\\w*|forar\\w*|ledamot\\w*|politiker\\w*|handlaggar\\w*|pappa\\w*|mamma\\w*|foralder\\w*|foraldr\\w*|grann\\w*|man|mannen|kvinna\\w*|person\\w*|vardar\\w*|sjukskotersk\\w*|underskotersk\\w*|assistent\\w*|bibliotekari\\w*|receptionist\\w*|passagerar\\w*|anstalld\\w*|medarbetar\\w*|chef\\w*|son|sonen|dotter|dottern|fru|frun|sambo\\w*|bebis\\w*|ungdom\\w*|ungar\\w*|ungen|klient\\w*|boende|gast\\w*|vuxen|vuxna|gubb\\w*|tant\\w*|snubb\\w*|grabb\\w*|morsa\\w*|farsa\\w*|publik\\w*|folk|annan|ordforand\\w*)';
const SV_PERSON = `(?:mig|mej|oss|dig|henne|honom|dem|dom|hen|varandra|sig sjalv|nagon|nan|andra|alla(?! rekord)|(?:en|ett|min|mitt|mina|var|vart|vara|sin|sitt|sina|den|det|de|tva|tre|flera|nagra|hans|hennes) (?:\\w+ )?${SV_PERSON_NOUN}|${SV_PERSON_NOUN})`;
const EN_PERSON_NOUN =
  '(?:colleagues?|coworkers?|co workers?|teachers?|nurses?|staff|students?|pupils?|child|children|kids?|boys?|girls?|man|men|woman|women|guys?|clients?|residents?|patients?|drivers?|guards?|principal|councill?ors?|officials?|politicians?|parents?|mother|father|dad|mum|mom|baby|son|daughter|wife|husband|partner|friends?|neighbou?rs?|customers?|visitors?|officers?|receptionists?|lifeguards?|librarians?|caretakers?|janitors?|people|persons?|carers?|workers?|employees?|manager|teens?|teenagers?|youths?|passengers?|lady)';
const EN_PERSON = `(?:me|us|him|her|them|someone|somebody|everyone|everybody|people|staff|each other|(?:a|an|the|my|our|his|her|their|one of (?:the|our|my|his|her)|two|three|some|another|other|several) (?:\\w+ )?${EN_PERSON_NOUN}|${EN_PERSON_NOUN})`;

/** A weapon in someone's hands, in Swedish or English. */
const WEAPON_WORDS =
  '(?:\\w*kniv|\\w*kniven|knivar|pistol|pistolen|vapen|vapnet|yxa|yxan|machete|sax|saxen|jarnror|tillhygge|basebolltra|balltra|gevar|skjutvapen|puffra|puffran|skjutjarn|blad|hammare|glasbit|trasig flaska|knife|blade|knives|gun|guns|rifle|weapon|weapons|axe|machete|bat|scissors|pistol|hammer|crowbar|kofot|screwdriver|skruvmejsel|shard of glass|broken bottle)';
const WEAPON = rx([
  `(?:har|haller|viftar|vevar|star|kommer|springer|gar|drog|drar|tog fram|tar fram|plockade fram|visar|visade|tagit med|hotar mig|hotar oss|hotar|slar|bankar|hugger|sparkar|jagar) (?:\\w+ ){0,4}(?:med )?(?:en |ett |ett par )?${WEAPON_WORDS}`,
  `med (?:en |ett )?${WEAPON_WORDS} (?:i|pa|och|utanfor|framfor|mot)`,
  `(?:man|kvinna|kille|tjej|person|nagon|nan|snubbe|elev|kund|brukare|patient|besokare|someone|somebody|guy) med (?:en |ett )?${WEAPON_WORDS}`,
  `${WEAPON_WORDS} (?:i|pa) (?:handen|fickan|hand)`,
  `${WEAPON_WORDS} (?:ar )?framme`,
  `(?:brought|has brought|showed|shows|showing|flashed|flashing) (?:me |us )?(?:a |an |his |her )?${WEAPON_WORDS}`,
  // A fragment naming a weapon and a place: "kniv i klassrummet" (not the kitchen's knives).
  `${WEAPON_WORDS} (?:i|pa|vid|utanfor|in|at|outside) (?!\\w*kok\\w*|kitchen)\\w+`,
  `(?:slagsmal|brak|brakar|slass|fight|fighting) med (?:\\w+ )?${WEAPON_WORDS}`,
  'knivhotar',
  // Looks like a weapon is enough: "något som ser ut som ett vapen".
  `(?:ser ut som|liknar|looks like|looking like) (?:en |ett |a |an )?${WEAPON_WORDS}`,
  `hotad\\w* med (?:en |ett )?${WEAPON_WORDS}`,
  'knivhota\\w*',
  'bevapnad',
  // Not "skjuter upp mötet" (postpones).
  'skjuter(?! (?:upp|fram|till|pa (?:motet|det|beslutet|saken)))',
  'shooters?',
  'molotov\\w*',
  'brandbomb\\w*',
  'firebomb\\w*',
  // Something swung or aimed at people: "viftar med en bräda mot personalen".
  'viftar (?:med )?(?:\\w+ ){1,3}(?:mot|at)',
  'skottlossning',
  'skott',
  'gunshots?',
  'gunfire',
  'hor (?:\\w+ ){0,2}(?:skott|smallar)',
  `(?:has|holding|holds|pulled|pulls|waving|waves|with|drew|draws|got|carrying) (?:out )?(?:a |an |his |her |their )?(?:pair of |kitchen |big |large )?${WEAPON_WORDS}`,
  // Aiming something at people: "riktar glasbiten mot kollegan", "pointing them at me".
  '(?:riktar|siktar) (?:\\w+ ){0,3}mot',
  '(?:pointing|aiming) (?:\\w+ ){0,3}at (?:me|us|my|a|the|her|him|them|people|staff)',
  // A weapon taken up: "har tagit en kökskniv", "tagit fram en kniv".
  `(?:tagit|tar|tog) (?:fram )?(?:en |ett )?${WEAPON_WORDS}`,
  'skar i luften',
  'armed',
  'shooting',
  // A fight with weapons: "knife fight", "knivslagsmål".
  '(?:knife|gun) ?fights?',
  'knivslagsmal\\w*',
  'knivbrak\\w*',
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
  // A threatened harm (not "hotar att anmäla", "hotar att flytta").
  'hotar att (?:doda|sla|skada|hugga|skjuta|spranga|morda|ta livet av|mucka|slakta|knivhugga|skara|strypa|branna|tanda|elda|sticka|misshandla|valdta|kidnappa|ta med sig|ta barnet|krossa|forstora|spoa|ge (?:mig|dig|oss) stryk)',
  'ska (?:doda|sla ihjal|hugga|skjuta|knivhugga|ta livet av) (?:mig|oss|dig|henne|honom|alla)',
  'slar sonder',
  // Present passive: "kollegan blir misshandlad", "I'm being attacked".
  'blir (?:misshandlad|slagen|attackerad|angripen|knivhuggen|overfallen|nedslagen|sparkad|strypt|knivhotad|hotad|forfoljd|foljd|jagad|ofredad|omringad|instangd)',
  // The s-passive: "någon har knivhuggits", "jag hotas".
  '(?<!som )(?:har )?(?:knivhuggits|skjutits|misshandlats|overfallits|ranats|attackerats|knivhotats|hotas|misshandlas|attackeras|forfoljs)',
  '(?:being|getting) (?:beaten|attacked|assaulted|stabbed|beaten up|strangled)',
  // Things thrown at people.
  '(?:kastar|slanger|haller pa att kasta) (?!en blick|blickar)(?:\\w+ ){0,2}(?:pa|mot) (?:mig|oss|personal|personalen|kollegan|barnen|eleverna)',
  '(?:throwing|throws|hurling) (?:\\w+ ){0,2}at (?:me|us|staff|people|my colleague)',
  // Fear for one's life, said now.
  '(?:radd|radda|livradd|skrackslagen) for (?:mitt|vart|hans|hennes) liv',
  '(?:afraid|scared|fear|fearing) for (?:my|our|his|her) li(?:fe|ves)',
  'slass',
  'fajt(?:as|ar)',
  'gar till attack',
  'gick till attack',
  'gar till angrepp',
  'vill inte slappa (?:mig|oss|ut)',
  'slapper inte',
  // Word order varies: "nu följer en bil efter mig".
  'foljer (?:\\w+ ){0,3}efter (?:mig|oss)',
  'har foljt (?:efter )?(?:mig|oss)',
  'forfoljer mig',
  'tar tag i mig',
  'har tagit tag i',
  `(?:is|are|s|re|keeps|keep|and) (?:threatening|attacking|hitting|beating|kicking|punching|chasing|following|choking|grabbing|holding|pushing|shoving|hurting|assaulting|stalking) ${EN_PERSON}`,
  '(?:threatening|attacking|hitting|beating|kicking|punching|chasing|choking|grabbing|hurting) (?:me|us|my colleague|a colleague|staff) (?:right )?now',
  // A threatened harm (not "threatening to report me", "threatening to move out").
  '(?:threatening|threatens|threatened) to (?:kill|hurt|stab|shoot|beat|burn|blow|set|bomb|attack|harm|cut|strangle|take|kidnap|break|smash|hit|punch|rape|knife|torch|get)',
  '(?:going to|gonna|will) (?:kill|stab|shoot|hurt|beat) (?:me|us|you|everyone|someone)',
  '(?:wont|will not|doesnt|does not|refuses to) let (?:me|us|anyone|anybody|people|them|her|him) (?:go|leave|out)',
  'holding (?:me|us|my colleague|a colleague|someone) (?:hostage|against|down|back|and)',
  'grabbed me',
  'is holding on to me',
  'holding on to me',
  'has grabbed',
  'wont let go',
]);

/** Someone taken or missing, a building coming down. */
const EMERGENCY = rx([
  // Hiding from someone: "sitter under skrivbordet", "har gömt mig på toaletten".
  '(?:sitter|ligger|gommer mig|har gomt mig|gomt oss|gommer oss) (?:gomd |gomda )?under (?:skrivbordet|bordet|disken|bankarna)',
  '(?:hiding|hid) under (?:my |the |a )?(?:desk|table|counter)',
  // Shots: "det small flera gånger", "folk springer och skriker".
  'det (?:small|smaller|smallde) (?:flera ganger|igen|hela tiden)',
  'folk springer (?:\\w+ ){0,3}(?:och|o) skriker',
  // A vehicle driven at people: "en bil kör rakt mot oss", "a car driving at the crowd".
  '(?:bil|bilen|bilar|lastbil|lastbilen|skapbil|moped|car|truck|van) (?:\\w+ ){0,5}(?:kor|gasar|styr|driving|drives|speeding|heading) (?:\\w+ ){0,2}(?:mot|rakt mot|in i|in pa|upp pa|at|into|towards|toward|onto) (?:\\w+ ){0,2}(?:oss|folk|manniskor|gruppen|foraldrar|foraldrarna|barnen|barn|mig|dem|eleverna|torget|skolgarden|trottoaren|us|people|the crowd|the square|the yard|the group|kids|children)',
  'kor (?:rakt )?mot (?:oss|mig|folk|manniskor|barnen|gruppen|eleverna)',
  '(?:han|hon|den|nagon|bilen) (?:\\w+ ){0,3}kor (?:rakt )?mot (?:dem|dom)',
  'not slowing down',
  // Shots now: "någon sköt nyss", "jag hör skott utanför".
  '(?:skot|skjuter|skjutit) (?:nyss|precis|just nu|alldeles nyss)',
  '(?:hor|horde|hors) (?:\\w+ )?skott',
  '(?:hear|hearing|heard) (?:\\w+ )?(?:shots|gunshots|gunfire)',
  // Someone on a railing, a roof or a ledge: "står på balkongräcket och vill inte komma ner".
  '(?:star|sitter|klattrar|klattrat|balanserar) (?:\\w+ ){0,2}(?:pa|over|upp pa) (?:\\w+ )?(?:balkongracket|racket|taket|kanten|bron|fonsterbradan)',
  'vill inte komma ner',
  '(?:standing|sitting|climbing) (?:\\w+ ){0,2}(?:on|over) the (?:railing|ledge|roof|edge)',
  // Locked in and not answering after saying they would take their life.
  '(?:last|stangt|barrikaderat) in sig (?:\\w+ ){0,4}(?:och|o) (?:svarar|oppnar) inte',
  '(?:locked|barricaded) (?:himself|herself|themselves) in (?:\\w+ ){0,4}(?:not answering|wont answer|doesnt answer)',
  // A fight breaking out: "a fight just broke out", "slagsmål har brutit ut".
  '(?:fight|brawl) (?:just )?(?:broke out|breaking out|has broken out)',
  '(?:slagsmal|brak) (?:har )?(?:brutit ut|startat|borjat)',
  'blood in the water',
  'gisslan',
  'hostage',
  'kidnapp\\w*',
  'kidnapped',
  'tagit ett barn',
  'tar ett barn',
  '(?:barn|barnet|ett barn|eleven|en elev|ett av barnen|min son|min dotter) (?:har )?(?:forsvunnit|ar borta)',
  // Someone in our care gone: "one of the residents has wandered out", "vi hittar inte honom".
  `(?:${SV_PERSON}|${EN_PERSON}|one of (?:the|our) \\w+) (?:\\w+ ){0,3}(?:forsvunnit|rymt|gatt vilse|wandered (?:off|out|away)|is missing|gone missing)`,
  '(?:cant|cannot|can not) find (?:him|her|them|the child|the kid|a child|a resident|a pupil)',
  'hittar inte (?:honom|henne|hen|barnet|ett barn|eleven|brukaren|den boende)',
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
  // "säger att jag inte får gå", "har ställt sig mellan mig och dörren".
  'inte (?:far|kan) (?:ga|lamna|komma ut|ta mig ut)',
  'stallt sig (?:\\w+ ){0,3}(?:mellan mig|mellan oss|i dorren|framfor dorren|framfor utgangen)',
  // "han låter mig inte gå", "släpper inte ut mig", "kan inte gå ut": someone holds the writer.
  '(?:later|slapper) (?:mig|oss|henne|honom) inte (?:ga|ut|komma|lamna|ga ut|fly)',
  '(?:later|slapper) inte (?:mig|oss) (?:ga|ut|komma|lamna)',
  'kan inte (?:ga ut|komma ut|ta mig ut|ta mig harifran|fly|lamna rummet|ta mig darifran)',
  'blockerar (?:dorren|utgangen|vagen)',
  'blocking (?:my|our|the) (?:way|exit|door)',
  'vagrar (?:oppna|slappa ut)',
  'star i dorren och',
  '(?:bryter|bryta|bankar|sparkar|slar) (?:upp|in|sonder|pa) (?:dorren|fonstret|fonster|porten|rutan)',
  'forsoker (?:bryta|ta sig|komma|tranga sig) (?:sig )?(?:in|upp)',
  'forsoker bryta upp',
  '(?:krossar|krossat|slar sonder|slagit sonder|smashed|broke|broken) (?:\\w+ ){0,3}(?:ruta|rutan|rutor|rutorna|fonster|fonstret|fonstren|glas|glaset|glasdorren|dorren|window|windows|door|glass)',
  // Locked in by someone else: "stänger in mig i rummet".
  '(?:stanger|laser|spärrar|sparrar) in (?:mig|oss)',
  '(?:climbing|climbed|getting|coming|came|crawling) in (?:through|via|the)',
  '(?:is|s|are) coming in',
  // Someone advancing on the writer.
  '(?:kommer|springer|rusar|gar) (?:emot|mot|fram mot|rakt mot) (?:mig|oss)',
  '(?:coming|running|walking|heading) (?:at|towards|toward) (?:me|us)',
  '(?:is|s) (?:following|chasing|stalking) me',
  '(?:wont|will not) let (?:me|us) (?:go|leave|out)',
  'inte kommer (?:ut|undan|darifran|harifran)',
  'instangd',
  'inlast\\w*',
  'lasta in mig',
  'gomt mig',
  'gommer mig',
  '(?:har )?(?:gomt|gommer) sig (?:i|pa|bakom|under)',
  'har lasat in mig',
  '(?:har )?last in (?:mig|oss)',
  'barrikader\\w*',
  // Alone with someone who will not leave.
  'ensam (?:\\w+ ){0,4}(?:vagrar|vill inte) (?:ga|lamna)',
  '(?:vagrar|vill inte) (?:ga|lamna) (?:\\w+ ){0,4}ensam',
  'alone (?:\\w+ ){0,4}(?:refuses|wont) (?:to )?leave',
  '(?:star|vantar|sitter|gar runt|smyger|lurar) (?:\\w+ ){0,6}utanfor (?:min|mitt|mina|dorren|huset|kontoret|entren|rummet|lagenheten|bostaden|jobbet|skolan|forskolan|porten|fonstret|hemmet|receptionen)',
  'utanfor dorren och (?:skriker|hotar|bankar|sparkar)',
  '(?:bankar|slar|sparkar|hamrar|dunkar) pa (?:\\w+ ){0,2}(?:dorren|dorrarna|fonstret|fonstren|rutan|rutorna|porten)',
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
  '(?:is|s|are|re|standing|waiting|sitting|parked|lurking|hanging around) (?:\\w+ ){0,4}outside (?:my|the|our) (?:\\w+ )?(?:door|house|office|home|room|flat|apartment|building|window)',
  'staring (?:at|into) (?:me|us|my|our|the house|the window)',
  'trying to (?:get|break) in',
  '(?:smashing|breaking|kicking in|kicking down) (?:the |my |our )?(?:windows?|door|doors|glass)',
  '(?:banging|pounding|hammering|kicking|knocking hard) (?:on )?(?:\\w+ ){0,2}(?:door|doors|window|windows|glass)',
  '(?:is|s|are|re|ar|e) (?:efter|after) (?:mig|oss|me|us)',
  '(?:drag|dragging|pull|pulling|force|forcing) (?:\\w+ ){0,3}into',
]);

/**
 * Swedish present tense of hitting, kicking, choking, shooting…: the -r form says it is happening
 * ("slår på en ledamot", "sparkar på en kille", "hotar tjejerna"), whoever the target is. Senses
 * that are not violence are cut by look-aheads ("slår vad", "skjuter upp mötet").
 */
const SV_VIOLENCE_NOW = rx([
  `(?:slar|knuffar|puttar|stryper|misshandlar|attackerar|angriper|knivhugger|knivhotar|biter|spottar|jagar|ranar|overfaller|trakasserar|ofredar|nyper|luggar|hotar|hugger|skakar|trycker|drar|river|sliter) (?:pa |i |efter |runt |at |mot |omkring |ner |fast |upp |till )?${SV_PERSON}`,
  // "sparkar" is also to fire someone: kicking is "sparkar på" or a pronoun.
  `sparkar (?:pa |till )${SV_PERSON}`,
  // Slang for hitting: "spöar en kille", "drämmer till vakten", "gav honom på käften".
  `(?:spoar|spoade|klar upp|klappar till|klappade till|drammer till|drammde till|smaller till|smallde till|lappar till|lappade till|danger|pucklar pa|bankar|bankade) ${SV_PERSON}`,
  `(?:ger|gav|gett) ${SV_PERSON} (?:pa kaften|pa kaften|pa truten|stryk|en small)`,
  'sparkar (?:mig|mej|oss|henne|honom|hen|dem|dom)',
  `muckar (?:med|mot) ${SV_PERSON}`,
  // Has started hitting: "har börjat slå på en kvinna".
  `(?:borjat|borjar) (?:att )?(?:sla|sparka|slass|knuffa|hugga|misshandla) (?:pa )?${SV_PERSON}`,
  // Grips on the throat, spelled in a hurry: "strupgrep", "strypgrepp".
  'str[uy]pgre?pp?',
  'far inte loss (?:honom|henne|hen|dem|dom)',
  // "ger sig på mig", "går på personalen": attacks someone.
  `(?:ger sig pa|vill ge sig pa|gar pa|gar los pa|flyger pa|hoppar pa|gar barsark pa|gar barsark pa) ${SV_PERSON}`,
  '(?:gar|gick) bar[sz]a?e?rk',
  // Turning violent: "blir våldsam mot mig", "är aggressiv mot personalen".
  `(?:blir|ar|borjar bli) (?:\\w+ )?(?:valdsam|valdsamma|aggressiv|aggressiva|hotfull|hotfulla) (?:mot|pa) ${SV_PERSON}`,
  // Perfect tense, a person the target, unless it was before: "har knuffat brukaren ur rullstolen".
  `(?:knuffat|slagit|sparkat|misshandlat|attackerat|strypt|bitit|huggit|knivhuggit|skadat|puttat|tryckt ner|dragit|rivit|nypt|skjutit) (?:\\w+ )?${SV_PERSON}(?!.*\\b(?:tidigare|forut|innan|flera ganger)\\b)`,
  // Shouted at: "skriker åt barnen", "yelling at kids".
  `(?:skriker|vralar|gapar) (?:at|pa|mot) ${SV_PERSON}`,
  // Thrown through a window: "kastat en sten genom mitt köksfönster".
  '(?:kastat|kastade|kastar|threw|thrown|throwing) (?:\\w+ ){0,3}(?:genom|through|in genom) (?:\\w+ ){0,2}\\w*(?:fonster|fonstret|rutan|window)',
  // Things broken with people near: "slår på bilar", "slår sönder allt".
  '(?:slar|sparkar|bankar) (?:pa|sonder) (?:\\w+ ){0,2}(?:bilar|bilen|bil|rutor|fonster|dorr\\w*|saker|allt|mobler|inredningen|grejer)',
  'hotar med att (?:sla|doda|skjuta|hugga|knivhugga|spranga|tanda|skada)',
  'hugger (?:mot|pa|efter|mig|oss|henne|honom|dem|en|ett|folk)',
  '(?:river|sliter) (?:ner|sonder) ',
  '(?:trycker|haller) (?:ner|fast|upp) (?:\\w+ ){0,2}(?:mot|pa|i)',
  `(?:kastar|slanger|vralar|kastat|kastade|slangt|slangde) (?!en blick|blickar)(?:\\w+ ){0,3}(?:pa|mot|at) ${SV_PERSON}`,
  '(?:sprayar|sprejar|sprutar) (?:\\w+ ){0,3}(?:pa|mot|i) \\w+',
  // Fireworks fired at people: "kastar smällare rakt på oss".
  '(?:kastar|kasta|borjat kasta|skjuter|siktar) (?:\\w+ ){0,2}(?:smallare|raketer|fyrverkerier|fireworks|firecrackers) (?:\\w+ ){0,2}(?:pa|mot|at) (?:oss|mig|folk|personalen|us|me|people)',
  '(?:alla|folk|barnen) hostar',
  '(?:threw|thrown|throwing) (?:\\w+ ){0,3}at',
  // Passive perfect, the assault specific: "har blivit nedslagen".
  'blivit (?:nedslagen|nerslagen|knivhuggen|knivskuren|skjuten|overfallen|ranad|pahoppad)',
  // Sexual assault: "tafsar på mig", "exposed himself".
  '(?:tafsar|tafsade|antastar|valdtar|blottar sig|groping|raping|exposed himself|exposing himself|onanerar)',
  // Perfect tense with a person hurt or held: "har tagit strypgrepp på", "har tryckt ner henne".
  'har (?:\\w+ ){0,2}(?:tagit (?:ett )?(?:strypgrepp|strupgrepp|struptag)|tryckt ner|slagit ner|knuffat ner|sparkat ner|slagit sonder|knivhuggit|skjutit|huggit|fatt tag i|tagit tag i)',
  '(?:strypgrepp|strupgrepp|struptag) pa',
  // Trying to: "försöker knivhugga henne", "försöker strypa honom".
  'forsoker (?:\\w+ )?(?:knivhugga|hugga|skjuta|sla|strypa|doda|skada|sparka|rana|kidnappa|sticka ner)',
  // Just now, to the writer: "slog mig när jag försökte stoppa" (a time word would make it past).
  '(?:slog|sparkade|knuffade|puttade|hogg|bet|spottade pa|strypte|misshandlade|attackerade|knivhogg) (?:mig|oss)',
  // A child taken: "pappan har tagit barnet och springer mot bilen".
  '(?:tagit|tar|ta|rycker|sliter|drar) (?:med sig )?(?:barnet|ett barn|sitt barn|ungen|ett av barnen)',
]);

/**
 * English present progressive (and "keeps…") of violence: "he's strangling her", "a parent is
 * hitting one of our teachers", "im being choked". Contractions lose their apostrophe in
 * normalise(): "he's" is "hes", "I'm" is "im".
 */
const EN_VIOLENT_ING =
  '(?:hitting|punching|beating|kicking|strangling|choking|stabbing|attacking|assaulting|threatening|grabbing|dragging|pinning|shoving|pushing|slapping|biting|chasing|hurting|throwing|cutting|spitting|robbing|mugging|pulling|hunting|cornering|harassing|groping|shaking)';
const EN_VIOLENCE_NOW = rx([
  `(?:is|are|am|im|hes|shes|theyre|youre|whos|keeps|keep|started|s|re) (?:\\w+ ){0,3}${EN_VIOLENT_ING} (?:on |at |up |into )?${EN_PERSON}`,
  // Acts whose object need not be a person: "is smashing the glass doors", "someone is shooting".
  '(?:is|are|im|hes|shes|theyre|whos|s|re) (?:\\w+ ){0,3}(?:shooting|firing|smashing|waving|pointing)',
  '(?:throwing|kastar|slanger) (?:chairs|things|stuff|furniture|rocks|stones|bottles|stolar|saker|grejer|mobler|stenar|flaskor)',
  // Robbery: "kräver pengar ur kassan", "demanding money".
  '(?:kraver|krava|vill ha|demanding|demands) (?:\\w+ ){0,2}(?:pengar|kassan|money|the till|cash)',
  '(?:ranar|robbing|robbery|held up|holding up)',
  '(?:being|getting) (?:choked|strangled|beaten|punched|kicked|stabbed|attacked|assaulted|threatened|followed|chased|robbed|mugged|dragged|grabbed|held|stalked)',
  '(?:being|getting) hit(?! by (?:a |the )?(?:wave|flu|cuts|storm|virus))',
  `(?:shouting|yelling|screaming|swearing) (?:\\w+ ){0,3}at ${EN_PERSON}`,
  '(?:just )?got (?:punched|stabbed|shot|beaten up|beaten|attacked|assaulted|knocked out|knocked down|jumped|glassed|bottled|shanked|mugged)',
  // Slang: "they jumped a kid", "it's kicking off", "throwing punches", "a brawl".
  `(?:jumped|jumping|shanked|glassed|bottled) ${EN_PERSON}`,
  '(?:its|it is|s) kicking off',
  'throwing punches',
  'brawl\\w*',
  '(?:strapped|packing heat)',
  `(?:swinging|waving|throwing|pointing) (?:\\w+ ){0,3}at ${EN_PERSON}`,
  '(?:lure|talk|get|drag|pull|force)\\w* (?:\\w+ ){0,2}into (?:the|his|her|a|their) (?:car|van)',
  '(?:hear|hearing|can hear) (?:\\w+ ){0,2}screams?',
  '(?:hor|horde) (?:\\w+ ){0,2}(?:skrik|nodrop|rop pa hjalp)',
  // Fighting now (not "fighting over the swing").
  '(?:is|are|s|re) fighting(?! (?:over|for|about))',
  `(?:trying|tried|tries) to (?:grab|take|snatch|drag|pull|stab|hit|kill|strangle|choke|hurt|kidnap|abduct) ${EN_PERSON}`,
  // Just done, to someone here: "a parent just punched the principal", "shoved me against the wall".
  'just (?:punched|stabbed|shot|hit|attacked|assaulted|hurt|kicked|slapped|grabbed|pulled)',
  '(?:punched|shoved|pushed|hit|grabbed|stabbed|slapped|kicked|attacked|assaulted|choked|strangled) (?:me|us|my colleague|a colleague|the (?:principal|teacher|nurse|guard|driver))',
  '(?:blow|blowing) (?:\\w+ ){0,3}up',
]);

/**
 * Someone says now that they will hurt or kill: "säger att han ska döda mig", "he'll kill me"
 * ("hell" after normalise()), "hämta sitt barn med våld".
 */
const SPOKEN_THREAT = rx([
  'ska (?:\\w+ ){0,5}med vald',
  '(?:ska|tanker|kommer att) (?:doda|morda|skjuta|hugga|knivhugga|spranga|slakta|skara|strypa|skada|sla ihjal|ta livet av|tanda eld|branna|sticka ner|lagga ner|skjuta ner|ha ihjal|spoa|sla ner|ge (?:dig|mig|honom|henne) stryk|visa (?:mig|dig|er) vad som hander)',
  '(?:ll|ill|hell|shell|theyll|youll|will|going to|gonna) (?:kill|stab|shoot|hurt|beat|blow|burn|get) (?:me|us|you|everyone|everybody|someone|somebody|her|him|them|the place|this place|it)',
  'knows? (?:that )?(?:im|i am) (?:in )?here',
  'vet (?:var jag bor|att jag ar har)',
  // "de ska ta en av våra besökare", something hidden under a jacket.
  'ska ta (?:mig|oss|henne|honom|dig|dem|en av)',
  // Shouted now: "skriker att han ska hämta folk".
  '(?:skriker|vralar|hotar) att (?:han|hon|hen|de|dom|vi) ska',
  'har (?:\\w+ ){0,2}under (?:jackan|trojan|rocken|trojan)',
  '(?:something|a weapon|an object) under (?:his|her|their) (?:jacket|coat|shirt|hoodie)',
  'vill ha (?:min|mitt|mina|var|vart) (?:mobil|telefon|pengar|plånbok|planbok|vaska|nycklar|bil)',
]);

/**
 * Held, grabbed, dragged, cornered: "håller fast min arm", "har fått tag i min jacka och drar i
 * mig", "won't let go", "låst in sig med en kollega", "ringat in mig".
 */
const HELD = rx([
  // A grip that is not let go: "har tagit ett hårt grepp om min arm och vägrar släppa".
  '(?:tagit|tar|haller|har) (?:\\w+ ){0,2}grepp om (?:min|mitt|mina|hennes|hans|var|vart|vara|armen|handen|halsen)',
  'vagrar slappa',
  // Kept in a room or a flat: "ställt sig med ryggen mot dörren", "sitter mellan mig och ytterdörren".
  'ryggen mot dorren',
  'sitter fast (?:har )?inne',
  '(?:vi|jag) (?:inte )?(?:gar|far ga|kommer|slipper) (?:inte )?(?:ut|harifran) (?:forran|innan)',
  'inte gar (?:harifran |harifran )?forran',
  'mellan mig och (?:ytterdorren|dorren|utgangen)',
  '(?:last|lasta) (?:ytterdorren|dorren) och (?:tagit|tog|tar)',
  'tagit mina nycklar',
  '(?:wont|will not|doesnt) let (?:us|me) (?:leave|out|go)',
  'between me and the (?:door|exit)',
  // A child carried off: "bär honom nu mot parkeringen".
  '(?:bar|springer med|springer ivag med|drar) (?:honom|henne|barnet|sonen|dottern|pojken|flickan|ungen) (?:\\w+ ){0,2}(?:mot|till|ut)',
  '(?:grabbed|grabbing|holding) (?:my|her|his) (?:arm|wrist|hand|neck) and (?:wont|will not|refuses to) let go',
  'haller fast',
  'kommer inte loss',
  'vagrar slappa',
  'fatt tag i (?:min|mitt|mig|henne|honom|hennes|hans|kollegan)',
  'tagit tag i (?:min|mitt|mig|henne|honom|hennes|hans|kollegan)',
  '(?:last|stangt|barrikaderat) in sig med',
  '(?:ringat|ringar|ringa) in (?:mig|oss)',
  'omring\\w*',
  '(?:grabbing|holding) (?:me|my|her|him|a child|the child|a kid|on to)',
  'trying to (?:grab|take|snatch) (?:a|the|my|our) (?:child|kid|baby)',
  // Locked in by someone who took the keys.
  '(?:taken|took|tagit|tog) (?:the |my |our |mina |vara )?(?:keys|nycklarna)',
  'locked (?:us|me|the (?:front |back )?door)',
  '(?:wont|will not) let (?:go|me go|her go|him go)',
  'cornered',
]);

/** Someone who should not be there, inside now: "inkräktare i skolan", "det är nån i huset". */
const INTRUDER = rx([
  'inkraktare\\w*',
  '(?:doesnt|does not|dont|do not) work here',
  'jobbar inte (?:har|hos oss)',
  'som inte (?:ska|borde|far) (?:vara|va) (?:dar|har)',
  '(?:shouldnt|should not|doesnt|does not) (?:be|belong) (?:here|there)',
  '(?:man|guy|person|someone|somebody|stranger|kille|snubbe|nagon|nan) (?:\\w+ ){0,12}(?:refus\\w* to leave|wont leave|vagrar (?:ga|lamna)|vill inte (?:ga|lamna))',
  'intruders?',
  '(?:okand|okant|frammande|random) (?:man|kvinna|person|kille|vuxen|snubbe|typ|gubbe|tjej|grabb|guy|dude)',
  'framling\\w*',
  '(?:stranger|unknown (?:man|person|woman|adult)) (?:is |in |at |inside |wandering |walking )',
  'det ar (?:nagon|nan|ngn) (?:i|inne i|pa) (?:huset|lagenheten|lokalen|forradet|kallaren|vinden|rummet)',
  '(?:someone|somebody) (?:is )?(?:in|inside) (?:my|the|our) (?:house|flat|home|apartment|building)',
]);

/**
 * Someone coming in, after, or at the writer: "har tagit sig in i trapphuset", "går uppför
 * trapporna mot vår våning", "kommer mot min bil", "trying the door handle", "behind me".
 */
const INTRUSION = rx([
  '(?:tagit|tar|tog|trangt|trangde|trangt) sig in',
  'har (?:\\w+ ){0,1}(?:kommit|klampat|stormat|rusat|trangt sig|brutit sig|klivit|smugit sig|hoppat|klattrat|krupit) (?:in|fram|pa)',
  '(?:klattrar|kryper|smyger) in',
  'forsoker (?:oppna|ta sig in|komma in|bryta|dyrka|ta|forsoker) (?:\\w+ ){0,2}(?:dorren|altandorren|fonstret|porten|bildorren|in)',
  '(?:gar|kommer|springer|rusar|gick) (?:\\w+ ){0,3}(?:mot|emot) (?:mig|oss|min|mitt|mina|var|vart|vara|podiet|scenen|receptionen|dorren|porten|entren|huset)',
  '(?:kommer|gar) narmare',
  'narmar sig',
  '(?:coming|getting|moving) closer',
  '(?:ligger|ar|star|kor) (?:kvar )?bakom mig',
  '(?:ar|star|gar|ligger) fortfarande (?:kvar )?bakom (?:mig|oss)',
  'haller pa att (?:bli )?(?:uppbrut\\w*|bryta|ta sig)',
  'bli(?:r)? uppbrut\\w*',
  'klattrat? (?:\\w+ ){0,2}over staketet',
  // Through the fence of a site: "har klippt upp staketet", "innanför stängslet vid ställverket".
  '(?:klippt|klippte|klipper) (?:upp|sonder|av) (?:\\w+ ){0,2}(?:staketet|stangslet|grinden|lasen|laset)',
  'innanfor (?:stangslet|staketet|inhagnaden|grinden)',
  'cut (?:through|open) (?:the|a) (?:fence|gate|lock)',
  'inside the (?:fence|fenced)',
  'maskerad\\w*',
  'ranarluv\\w*',
  'letar efter (?:nagon|mig|honom|henne|en)',
  'gar runt (?:i|pa) (?:huset|lokalen|skolan|byggnaden|korridoren)',
  '(?:trying|tries|tried|keeps trying|testing) (?:to open )?(?:\\w+ ){0,2}(?:doors?|handles?|windows?)',
  '(?:testar|provar|kanner pa|rycker i|drar i|sliter i) (?:\\w+ ){0,2}(?:dorren|dorrarna|handtaget|handtagen|dorrhandtaget|fonstret|fonstren|altandorren|ytterdorren)',
  '(?:break|breaking|broke) into',
  '(?:inside|in) (?:my|our) (?:house|flat|home|apartment) right now',
  'heard (?:the|a) (?:window|door|glass) (?:break|smash)',
  '(?:behind|after) (?:me|us)(?: since| and| right)',
  'still behind (?:me|us)',
  '(?:been|is|s|are) following (?:me|us)',
  '(?:since|from) i left',
  'climbed (?:\\w+ ){0,2}(?:fence|wall|gate)',
  'masked',
  '(?:coming|came|walking|running|rushing|rushed) (?:at|towards|toward|for) (?:me|us|the stage|the podium)',
  'rushed the stage',
  '(?:river|rycker|sliter|drar|bankar) i dorren',
  '(?:trying|tries) to get into (?:my|our|the) (?:flat|house|home|apartment|office|room)',
  'working on the lock',
  '(?:walking|coming|running) up to (?:the podium|the stage|me|us)',
  '(?:with|holding) something in (?:his|her|their) hand',
  '(?:gar|kommer|springer) (?:\\w+ ){0,3}med (?:nagot|ngt|nat) i handen',
  // At the door demanding to be let in: "han bankar och säger att jag ska öppna".
  '(?:bankar|hamrar|sparkar|rycker) (?:\\w+ ){0,3}(?:och|o) (?:skriker|sager|vralar|kraver|hotar)',
  '(?:sager|skriker|kraver|vill) att (?:jag|vi) ska oppna',
  '(?:banging|pounding|kicking) (?:\\w+ ){0,3}and (?:shouting|yelling|demanding|telling)',
]);

/**
 * Fire, smoke, gas, chemicals and explosions: "det brinner", "röken väller ut", "det osar bränt",
 * "luktar starkt av gas", "pouring petrol", "burning things in the stairwell", "nån har sprängt nåt".
 * Hearths, candles and fireworks are cut out first (IDIOM_PARTS).
 */
const FIRE_GAS = rx([
  'det brinner',
  'luktar brant',
  'kommer (?:\\w+ )?rok',
  '(?:svart|tjock|gra|black|thick|grey|gray) (?:rok|smoke)',
  'rok (?:fran|ur|i|under|kommer|sprider|valler|stiger)',
  // "röken väller ut", "elden sprider sig": the definite forms too.
  '(?:roken|elden|branden|lagorna|rok|eld) (?:\\w+ )?(?:valler|sprider|sprids|kommer|stiger|tranger|slar|tar sig)',
  // "det ryker", "ryker ur elskåpet": smoke seen now.
  'ryker',
  'brand (?:i|pa|har|bryter)',
  '(?:har|ar) (?:en )?brand',
  '(?:theres|there is|we have) (?:a )?(?:fire|smoke)',
  'smoke (?:from|coming|in|is)',
  'flames?',
  'i lagor',
  'brandlarm\\w* (?:gar|tjuter|ljuder|har gatt)',
  'smell\\w* (?:of )?smoke',
  'smoke (?:from|coming|in)',
  '(?:fire|smoke) alarm (?:is )?(?:going off|ringing|sounding)',
  'full of smoke',
  // Something burning thrown or left: "en brinnande grej" (not "en brinnande fråga").
  'brinnande (?!intresse|fraga|fragor|fragan|engagemang|lust|karlek)\\w+',
  'burning (?!question|issue|desire|passion|topic)(?:\\w+ )?(?:object|thing|rag|bottle|bag|car|paper|bin|box)',
  'brinner (?:i|pa|nu|det|vid)',
  '(?:och|som) brinner',
  // A fire starting now: "det har börjat brinna", "elskåpet har fattat eld", "caught fire".
  '(?:borjat|borjar) (?:brinna|ryka)',
  'har fattat eld',
  'caught fire',
  'catching fire',
  // Explosions: "nån har sprängt nåt", "det small".
  'sprang(?:t|er|de)',
  'sprang(?:medel|amne|laddning)\\w*',
  'explosives',
  // A bomb call: "det ska smälla i stadshuset".
  'ska (?:smalla|explodera|sprangas) (?:i|pa|vid|under)',
  'det small',
  'explo\\w*',
  'eld i',
  'ror overallt',
  'full av rok',
  'luktar rok',
  'explosion',
  'exploderade',
  'on fire',
  'is burning',
  'fire in',
  'smoke everywhere',
  'gaslukt',
  'luktar gas',
  'gasläcka',
  'gaslacka',
  'gas leak',
  'smell of gas',
  'stroke',
  'osar',
  'pyser',
  'gnistrar',
  'tandt eld',
  // "nån har tänt på soptunnan" (set alight; not a person: "tänd på" is also to fancy).
  'har (?:\\w+ )?(?:tant|tandt) pa (?!mig|dig|honom|henne|hen|dem)\\w+',
  '(?:tander|tande) pa (?:en |ett |den |det )?\\w*(?:tunna|tunnan|korg|korgen|bil|bilen|taltet|gardin\\w*|soffan|madrassen|papper\\w*)',
  'luktar (?:\\w+ ){0,2}(?:av )?(?:gas|bensin|rok|brant|kemikalier|brandrok)',
  'smells? (?:\\w+ ){0,2}(?:of |like )?(?:gas|petrol|gasoline|chemicals|burning|smoke)',
  '(?:satta|satter|tander|tanda|tande|tant|satt) eld',
  '(?:set|setting|sets) fires?',
  '(?:ringt|ringde|ringer) (?:in )?(?:ett )?bombhot',
  'bombhot (?:mot|i|pa) \\w+',
  'gnistor',
  'sparks',
  '(?:set|setting|sets) (?:\\w+ ){1,2}on fire',
  'burning (?:things|something|stuff|papers|rubbish|trash)',
  'pouring (?:petrol|gasoline|fuel|liquid)',
  'petrol',
  'bensin',
  'leaking (?:liquid|gas|fluid|powder)',
  'lacker (?:ut|gas)',
  'filling with smoke',
  'smoke (?:pouring|billowing|coming)',
]);

/**
 * A bomb, a thing nobody owns that hums, ticks or leaks, or powder in the post: the
 * suspicious-object and bomb-threat procedures ("skum låda som surrar", "brev med pulver i posten",
 * "bomb threat just called in").
 */
const SUSPICIOUS_OBJECT = rx([
  // A bag or parcel nobody owns: the same procedure as a suspicious object.
  '(?:misstankt|misstankta|konstig|konstigt|overgiven|overgivet|overgivna|kvarglomd|kvarglomt|oidentifierad|oidentifierat|okand|okant) (?:\\w+ )?(?:paket|foremal|forsandelse|vaska|vaskan|ryggsack|kasse|bag|lada|kartong|bil)',
  '(?:paket|kartong|lada|vaska|kasse|ryggsack|box|resvaska)\\w* (?:\\w+ ){0,10}(?:sladd|sladdar|tickar|ticka)',
  // Post with no sender or far too many stamps: "package with no sender and too many stamps".
  '(?:paket|brev|kuvert|forsandelse|package|parcel|letter|envelope)\\w* (?:\\w+ ){0,3}(?:utan avsandare|with no sender|without (?:a )?sender|no return address)',
  '(?:paket|brev|kuvert|forsandelse|package|parcel|letter|envelope)\\w* (?:\\w+ ){0,6}(?:for manga|massor av|too many|lots of) (?:frimarken|stamps)',
  // A bomb threat by message: "skolan ska sprängas idag", "han ska spränga stadshuset".
  '(?:ska|kommer att|tanker) (?:spranga|sprangas) (?:\\w+ ){0,2}(?:skolan|stadshuset|huset|byggnaden|kontoret|simhallen|biblioteket|forskolan|oss|er|allt)',
  '(?:skolan|stadshuset|huset|byggnaden|kontoret|simhallen|biblioteket|forskolan|stationen) (?:ska|kommer att) (?:sprangas|smalla|explodera)',
  '(?:granat|handgranat) (?:vid|i|pa|under|bredvid|utanfor)',
  'grenade (?:by|in|on|under|near|outside)',
  'vitt pulver',
  '(?:suspicious|unattended|abandoned|strange) (?:looking )?(?:package|parcel|device|object|bag|backpack|box|suitcase|vehicle)',
  'white powder',
  'wires? sticking out',
  'bomb i',
  'bomb pa',
  'en bomb',
  'misstankt bomb',
  'a bomb',
  'bomb threat (?:just|now|called|phoned|right)',
  '(?:skum|skumt|skumma|konstig|konstigt|konstiga|misstankt|okand|okant) (?:\\w+ )?(?:lada|laada|vaska|paket|kartong|kasse|ryggsack|foremal|sak|grej)',
  '(?:som|och) (?:surrar|tickar|piper|lacker|ryker|brummar)',
  '(?:pipande|tickande|surrande) ljud',
  // Nobody's: "en resväska som ingen vet vems den är".
  '(?:ingen|nobody|no one) (?:vet|knows) (?:vems|whose)',
  '(?:hors|hor) (?:ett )?(?:tickande|pipande|surrande)',
  '(?:brev|kuvert|post|paket) (?:\\w+ ){0,8}pulver',
  'pulver (?:i|pa) (?:brevet|kuvertet|posten|paketet|bordet)',
  '(?:box|bag|package|parcel|device|suitcase|backpack|envelope) (?:\\w+ ){0,4}(?:humming|ticking|beeping|buzzing|leaking)',
]);

/**
 * Someone hurt, not breathing, unconscious, drowning, about to jump or hurting themselves: "ett barn
 * som inte andas", "rör sig inte", "a lot of blood", "klättrar över räcket", "hon har tagit massa piller".
 */
const HURT = rx([
  // Bleeding from the head, typed in a hurry: "hon blör från huvet".
  '(?:bloder|blor|bloeder|bleeding) (?:\\w+ ){0,2}(?:fran|ur|from) (?:huvudet|huvet|ansiktet|naken|the head|her head|his head)',
  'knuffad (?:nerfor|ner for|ner i|ut genom)',
  'bloder',
  'medvetslos',
  'andas inte',
  // Hurting oneself, or silent behind a door: "slår huvudet i väggen", "svarar inte när jag knackar".
  '(?:slar|bankar|dunkar) (?:\\w+ )?huvudet (?:i|mot)',
  'svarar inte (?:nar (?:jag|vi) knackar|pa tilltal)',
  'oppnar inte',
  'hjartstopp',
  'ligger pa golvet och',
  'bleeding',
  'unconscious',
  'not breathing',
  'someone is dying',
  'overdose',
  'overdos',
  'overdosed',
  'kollaps\\w*',
  '(?:fallit|faller|foll|segnat|segnar) (?:ihop|ner|omkull)',
  // Pills taken, someone hanged: "har svalt en massa tabletter", "har hängt sig".
  '(?:svalt|svaljt|svalde|tagit|tar) (?:\\w+ ){0,3}(?:tabletter|piller|medicin)',
  '(?:hangt|hanger|hangde) sig',
  'swallowed (?:\\w+ ){0,3}(?:pills|tablets)',
  'kollapsat',
  // Knocked out: "han e knockad", "one guy is down", "de gav honom på käften o han ligger".
  '(?:knockad|utslagen|dackad|nerslagen)',
  '(?:guy|man|kid|person|someone|one|he|she) (?:is |s )?(?:down|out cold)',
  '(?:o|och) (?:han|hon|hen) ligger(?! och sover)',
  'svimma\\w*',
  'krampar',
  'kramper',
  'kan inte andas',
  'slutat andas',
  'collapsed',
  'seizure',
  'cant breathe',
  'cannot breathe',
  'stopped breathing',
  'hjartattack',
  // Breathing and consciousness in other words: "andas konstigt", "blå i ansiktet", "fainting".
  'andas (?:inte|konstigt|knappt|tungt|daligt|med svarighet|rosslande)',
  'bla i (?:ansiktet|lapparna)',
  'krampanfall',
  // Drowning, anaphylaxis: "legat under vattnet", "his throat is closing".
  'drunkn\\w*',
  'drown\\w*',
  'under vattnet',
  '(?:han|hon|hen|barnet|pojken|flickan|han ar|hon ar) (?:ar )?bla',
  'allergi(?:sk|c) (?:reaktion|reaction|chock|shock)',
  'anafylax\\w*',
  'anaphyla\\w*',
  'throat is (?:closing|swelling)',
  'svullnar i halsen',
  'blod overallt',
  '(?:a lot of|lots of|so much) blood',
  '(?:mycket|massa|massor av|sa mycket) blod',
  '(?:hit|banged|slagit|slog) (?:i )?(?:his|her|their|huvudet)(?: head)?',
  'blood everywhere',
  '(?:ar|blivit) (?:svart |allvarligt |jatte )?skadad\\w*',
  '(?:is|are|got|been|re|s) (?:badly |seriously |really )?(?:hurt|injured|wounded)',
  '(?:fainting|passing out|passed out|turning blue|struggling to breathe)',
  // Hurt and down: "kollega slagen, ligger ner".
  '(?:slagen|skadad|knivhuggen|skjuten|nedslagen|misshandlad) (?:\\w+ ){0,2}ligger',
  // About to fall or jump: "klättrar över räcket", "standing on the window ledge".
  'klattrar (?:\\w+ ){0,2}(?:over|ut pa|upp pa) (?:racket|raket|kanten|fonstret|taket|balkongen|bron|staketet)',
  '(?:star|sitter) (?:\\w+ ){0,2}pa (?:racket|taket|kanten|fonsterkarmen|brons racke|broracket)',
  '(?:standing|sitting|climbing) (?:\\w+ ){0,2}(?:on|over) (?:the |a )?(?:window )?(?:ledge|edge|railing|roof|balcony)',
  'kasta sig(?: framfor| ut| ner)?',
  '(?:skakar|slar) (?:bebisen|spadbarnet|barnet|ett barn|sin son|sin dotter)',
  'shaking (?:the|a|her|his) baby',
  'heart attack',
  '(?:hotar|tanker|vill|ska|forsoker) (?:att )?(?:ta livet av sig|ta sitt liv|hoppa)',
  'sjalvmord\\w*',
  'suicid\\w*',
  '(?:threatening|going|wants|trying) to (?:kill (?:himself|herself|themselves)|jump|end (?:his|her|their) life)',
  'suicidal',
  'inte andas',
  'ror sig inte',
  'inte kontaktbar',
  'reagerar inte',
  'ligger (?:\\w+ ){0,2}(?:pa golvet|pa marken|pa trottoaren|i blod)',
  'skar sig',
  'skurit sig',
  'gora slut pa sig sjalv',
  'ta livet av sig',
  '(?:isnt|is not|not) (?:responding|breathing|moving)',
  'unresponsive',
  '(?:lying|lies) (?:\\w+ ){0,2}(?:on the floor|on the ground|on the pavement)',
  'on the ground',
  '(?:cutting|hurting|harming) (?:himself|herself|themselves|myself)',
  'kill (?:himself|herself|themselves|myself)',
]);

/** Milder words that mean danger only when the writer says it is happening now. */
const THREAT_WORD = rx([
  // Someone the writer has a restraining order against: with "just nu", danger now.
  'kontaktforbud\\w*',
  'restraining order',
  'hot\\w*',
  // Compounds: "bombhot", "dödshot", "knivhot".
  '\\w+hot',
  '\\w+hotad\\w*',
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
  'threat\\w*',
  'stalk\\w*',
  'violen\\w*',
  'aggressive',
  'assault\\w*',
  'fight\\w*',
  'fajt\\w*',
  'harass\\w*',
  'trakasser\\w*',
  'ofredar',
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
  'har och nu',
  // Being attacked now, said as such (not "if I'm being attacked"): overrides a "what is".
  '(?<!(?:if|when|om|nar) )(?:im|i am|were|we are) being (?:attacked|assaulted|hit|beaten|punched|kicked|stabbed|choked|strangled|threatened|followed|chased|robbed|held)',
  // Someone is here now: "nu står han här i receptionen".
  'nu star (?:han|hon|hen|de|dom|nagon|nan|en \\w+) (?:har|i|vid|utanfor|pa|innanfor)',
  // Asking whether to get out is about now: "ska vi utrymma?", "utrymma eller chilla".
  '(?:ska|maste|borde) vi utrymma',
  'utrymma eller',
  'should we (?:evacuate|get out|leave the building)',
  'igen nu',
  'igen idag',
  'again today',
  'pagaende (?:konfrontation|brak|slagsmal|brakighet)',
  'again (?:right )?now',
  'right now',
  'rn',
  'happening now',
  'at the moment',
  'as we speak',
  'currently',
  'ongoing',
  'in progress',
  // Saying a drill word does not mean a drill: "this is not a drill".
  'not a drill',
  'inte (?:en )?ovning',
  'inget skamt',
  'inte (?:ett )?skamt',
  'no joke',
  'not a joke',
  'ingen ovning',
  'this is real',
  'det ar pa riktigt',
]);
const NOW = rx([
  // Two acts in the present tense: "han skriker o hotar", "slår och skriker".
  '(?:skriker|vralar|slar|sparkar|kastar|hotar) (?:och|o) (?:hotar|slar|sparkar|kastar|skriker|vralar|knuffar|bankar|svar)',
  'nu',
  'pagaende',
  'har inne',
  'har nu',
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
  'refusing to leave',
  'is here',
  'emergency',
  '112',
]);

/** About something that already happened. */
const PAST = rx([
  'i helgen',
  'i gar',
  'igar',
  'i forrgar',
  'i fjol',
  'ifjol',
  'forra (?:veckan|manaden|aret|terminen|helgen|mandagen|tisdagen|onsdagen|torsdagen|fredagen)',
  'for (?:en|ett|tva|tre|fyra|nagra|ett par|flera|lange) (?:\\w+ )?(?:dag|dagar|vecka|veckor|manad|manader|ar|halvar|timmar|timme|halvtimme|kvart|tag|tid|stund) (?:sedan|sen)',
  'for (?:ett tag|lange|en tid) (?:sedan|sen)',
  'haromdagen',
  // "pappan var arg på hämtningen": a mood told in the past tense.
  '(?:var|blev) (?:\\w+ )?(?:arg|hotfull|aggressiv|otrevlig|upprord)',
  'was (?:\\w+ )?(?:angry|aggressive|upset|rude|threatening)',
  // "i tisdags": last Tuesday; "sedan en vecka": standing there for days is not danger now.
  '(?:i )?(?:mandags|tisdags|onsdags|torsdags|fredags|lordags|sondags)',
  'sedan (?:en|ett|flera|nagra|tva|tre) (?:vecka|veckor|dagar|manad|manader|ar)',
  'haromveckan',
  'i somras',
  'i vintras',
  'i varas',
  'i hostas',
  'yesterday',
  'on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)',
  'last (?:week|month|year|night|friday|monday|tuesday|wednesday|thursday|weekend)',
  '\\w+ (?:days|weeks|months|years) ago',
  'a (?:day|week|month|year) ago',
  'earlier this (?:week|month|year)',
  'efterat',
  'i efterhand',
  // Months and seasons named: "hotade rektorn i mars", "the gas leak we had in January".
  '(?:i|in|back in|since|sedan) (?:januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december|january|february|march|june|july|august|october)',
  '(?:forra|forriga) (?:terminen|aret|gangen|hosten|varen)',
  'last (?:term|semester|spring|autumn|fall|summer|winter|saturday|sunday|time)',
  'i morse',
  'this morning',
  'tidigare i (?:dag|veckan|ar)',
  // "vi hade en brand", "we had a fire alarm test": told as over.
  '(?:vi|jag|de|dom) hade',
  '(?:we|i|they) had',
  'was evacuated',
  // "krisstöd efter en stor brand": the aftermath, not the fire.
  'efter (?:en|ett|den|det) (?:\\w+ ){0,2}(?:brand|handelse|olycka|incident|attack|hot|hotet|overfall|kris|skottlossning|explosion|inbrott)',
  'efter (?:branden|olyckan|handelsen|hotet|attacken|incidenten|overfallet|krisen|inbrottet|skottlossningen)',
  'afterwards',
  'after the (?:incident|attack|event)',
  'after (?:being|having been|i was|we were|witnessing|seeing)',
  'efter att (?:ha|jag|vi) (?:sett|bevittnat|varit med om)',
]);

/** Planning, policy, statistics, training: about the general case, not a person in danger. */
const GENERAL = rx([
  'riskbedomning\\w*',
  '\\w*bedomning\\w*',
  'assessments?',
  // Asking for help with a text or a plan, or how to report: after the fact.
  'hjalp mig (?:att )?(?:planera|skriva|formulera|hitta|forsta|prioritera|med)',
  // Asking for advice on a kind of situation: "tips på hur jag bemöter …".
  'tips (?:pa|om) hur',
  'hur (?:jag|vi|man) (?:ska )?bemoter',
  'help me (?:to )?(?:write|plan|find|understand|with|draft)',
  'hur (?:anmaler|rapporterar|dokumenterar|polisanmaler) (?:jag|vi|man)',
  'ovning\\w*',
  '\\w*ovning',
  'utbildning\\w*',
  'kurs',
  'rutin\\w*',
  'policy\\w*',
  'statistik',
  // "plan 3", "på plan två" are floors (or a pitch), not plans.
  '(?<!(?:pa|vart|mitt|samma|nasta|ovre|nedre|vart eget|andra) )plan(?! (?:\\d|en|ett|tva|tre|fyra|fem|sex|sju|atta|nio|tio|ovanfor|nedanfor|under))',
  'planen',
  'planering\\w*',
  'forebygg\\w*',
  'forbereda\\w*',
  // Not "vad är det som händer", "what is going on": those are asked in the moment.
  'vad ar(?! det som| det har| pa gang)',
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
  'what is(?! (?:happening|going on|that))',
  'what does',
  'how many',
  'prepare\\w*',
  'prevent\\w*',
  'who is responsible',
  'how (?:should|do|can|would) (?:we|i|staff|one|you|the|reception|employees|managers) (?:\\w+ ){0,2}(?:handle|deal|respond|prepare|react)',
  'hur (?:ska|bor|kan) (?:man|vi|personal|personalen|receptionen) (?:\\w+ ){0,2}hantera',
  'hur hanterar (?:man|vi|jag|ni)',
  'how do (?:you|we|i) handle',
  // Habits: "slår alltid näven i bordet", "blivit hotad flera gånger".
  'alltid',
  'always',
  'flera ganger',
  '(?:several|many) times',
  'in general',
  'checklist\\w*',
  // Swedish "mall" (template); the English "mall" is a shopping centre.
  'mallen',
  '(?:en|nagon|ngn) mall',
  'templates?',
  'generellt',
  'brandskydd\\w*',
  'larmrutin\\w*',
  'sakerhetsprovning',
  // Mistakes, flat batteries, jokes: "brandlarmet gick av misstag", "haha".
  'av misstag',
  'by mistake',
  'falsklarm\\w*',
  'false alarms?',
  'batteri\\w*',
  'battery',
  'haha\\w*',
  'lol',
  'lmao',
  // Drills and tests in any form: "brandövningen", "öva brandlarm", "fire alarm test".
  '\\w*ovning\\w*',
  'ova',
  'ovar',
  // Not "testar dörrarna", "testing the door handles": that is someone trying to get in.
  'test(?:et|er|erna|as|a|ade|s)?',
  'testing (?:the )?(?:fire )?(?:alarms?|system|sprinklers?)',
  '\\w*larmtest\\w*',
  'drills?',
  // Habits and rules rather than one event: "hur ofta", "vi har ofta upprörda besökare".
  'hur ofta',
  'how often',
  'ofta',
  'often',
  '(?:every|varje) (?:day|time|week|morning|evening|night|dag|gang|vecka|morgon|kvall|natt)',
  // Small hurts: "näsblod", "where is the first aid kit".
  'nyarsafton\\w*',
  'new years eve',
  // Said not to be danger: "obehagligt men inget hot", "not dangerous".
  'inget hot',
  'all good',
  'allt (?:ar )?lugnt',
  'its over',
  'det ar over',
  // Kitchen use: "tog en kniv för att skära bröd", "burnt toast".
  'for att (?:skara|laga|hacka|skala|bre)',
  'burnt toast',
  'brande toast',
  'vid matlagning',
  'ingen fara',
  'inte farlig\\w*',
  'ofarlig\\w*',
  'no danger',
  'not (?:a threat|dangerous)',
  'harmless',
  'nasblod',
  'nosebleed',
  'first aid kit',
  'plaster\\w*',
  'platt?ret',
  'platt?er',
  'brukar',
  'usually',
  'vad sager (?:reglerna|lagen|polisen)',
  'reglerna',
  'guidance',
  'poster',
  'summari[sz]e',
  'whats the(?! matter)',
  'when do you',
  'den som',
  'vilka straff',
  // Threats of a complaint, not of harm: "hotar att gå till tidningen", "threatening to sue".
  'hotar (?:att|med att) (?:ga till|anmala|polisanmala|kontakta|klaga|stamma|flytta|sluta|saga upp|overklaga)',
  '(?:threatening|threatens|threatened) to (?:sue|complain|report|go to|call the|quit|leave|move)',
  '(?:what|vad) (?:\\w+ ){0,3}(?:should|ska|bor) (?:i|we|jag|vi) (?:know|kunna|lara)',
  '(?:vilka|vilken) (?:\\w+ )?\\w*atgard\\w*',
  // Explaining, rules, permission: "förklara vad … innebär", "the rules for carrying a knife".
  'forklara',
  'innebar',
  'explain\\w*',
  'rules?',
  'regler\\w*',
  'allowed',
  'forbjud\\w*',
  'procedures?',
  'legal',
  'o?lagligt',
  'tillatet',
  'far (?:vi|man|jag) (?:ha|ta med|bara)',
  '(?:hur )?skydda\\w* (?:vi oss|oss|mot)',
  'protect\\w*',
  'lockdown',
]);

/** "What should one do if…": a hypothetical, unless the writer also says it is happening now. */
const HYPOTHETICAL = rx([
  '(?:vad|hur) (?:gor|ska|bor|skall|kan|gjorde) (?:jag|man|vi|ni|en chef|chefen) (?:\\w+ ){0,2}om',
  // Not "om han inte får pengar", "if I call the police": conditions inside a threat made now.
  '(?<!vet inte |undrar |grepp |tag |handen |armen |armarna )om (?:nagon|nan|ngn|en|ett|man|jag|vi|det|de|han|hon|hen|mina|min|personal|personalen)(?! inte| ringer)',
  // "vad gör man vid skottlossning", "what do you do during a fire": the general case.
  '(?:vad|hur) (?:gor|ska|bor|skall) (?:man|vi|jag) (?:\\w+ ){0,1}(?:vid|nar|under|i handelse av)',
  '(?:vem|vart|vilket nummer) (?:ringer|kontaktar|larmar|ska) (?:man|vi|jag) (?:vid|nar|i handelse av)',
  '(?:what|how) (?:should|do|would|to) (?:you|we|one|i) (?:\\w+ ){0,2}(?:during|when|in case)',
  'if you',
  'ifall',
  'om (?:\\w+ ){0,2}(?:gar|gar igang|skulle|blir|borjar|hander|intraffar)',
  'tank om',
  // "how to react" is the general case (a panicked "vad göra??" is not set aside: it may be now).
  'how to (?:act|react|respond|handle)',
  // "han sa att han skulle komma" reports a threat; these ask about a case that may come.
  '(?:vad|hur|vem) skulle',
  'skulle (?:man|vi|ni|du|det|vilja)',
  'what (?:if|should i do if|do i do if|to do if|should we do if|do we do if|happens if)',
  'if (?:someone|somebody|a|an|i|we|my|our|there|he|she|they)(?! (?:dont|do not|doesnt|does not|call|calls|tell|move|scream|try))',
  'in case',
  '(?:what|how|who|where) would',
  'would (?:you|we|one|it|that|happen|be)',
]);

/**
 * Not the writer's reality: fiction, games, the news, role play, or something a third person told
 * them about ("i romanen", "in the game", "a colleague told me her partner hits her").
 */
const NOT_REAL = rx([
  'novel\\w*',
  'thriller',
  'romanen',
  'film',
  'filmen',
  'movie',
  'game',
  'spel',
  'dataspel\\w*',
  'rollspel\\w*',
  'role ?play\\w*',
  'minecraft',
  'just kidding',
  // A joke, but not "inget skämt" (no joke: it is real).
  '(?<!(?:inget|inte ett|inte nagot|inga) )skamt\\w*',
  'in the news',
  'i tidningen',
  'pa bild',
  'newspaper',
  'on tv',
  'pa tv',
  'i nyheterna',
  'enligt (?:nyheterna|polisen|media|tidningen|radion)',
  'read about',
  'last om',
  'berattat att',
  'berattade (?:att|i dag|idag)',
  'berattar (?:ofta|om)',
  'told me (?:that )?(?:her|his|their|a|about)',
]);

/** Threats in writing: serious, but not someone in the room (unless a weapon or the door is named). */
const DIGITAL = rx([
  'hotmejl\\w*',
  'hotbrev\\w*',
  'mejl\\w*',
  'mail\\w*',
  'e post',
  'epost',
  'sms\\w*',
  'facebook',
  'instagram',
  'insta',
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
  'skrivit',
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
const IDIOM_PARTS = [
  'brinner i knutarna',
  // "han är en bomb på Excel" (very good at), "a ticking time bomb" (a person, not a device).
  '(?:ar|a|helt) (?:\\w+ ){0,2}bomb pa',
  'en bomb pa',
  'ticking time bomb',
  '(?:is|s|are) (?:a|da|the) bomb at',
  'time bomb',
  // "deadlinen dödar mig", "jag dör av skratt", "Teams exploderar av meddelanden".
  '\\w*deadline\\w* (?:\\w+ ){0,2}(?:dodar|doda|kills?|killing)(?: mig| me)?',
  'dor av skratt',
  'exploderar av',
  'krigsomrade',
  // "this presentation is going to bomb": fail.
  // "skjuter upp mötet", "skjut mötet till imorgon": postponing.
  'skjut\\w* (?:upp|fram)',
  'skjut\\w* (?:\\w+ ){1,2}(?:till|pa framtiden)',
  '(?:gonna|going to|will|might) bomb(?= (?:at|in|on|tomorrow|today)|$)',
  // "en explosion av idéer".
  'explosion av',
  // "det small till i huvudet", "sprängde budgeten", "the budget is bleeding money".
  'small till (?:i huvudet|for mig)',
  'bombshell',
  // "jag brinner upp av stress", "bomben släpps imorgon" (news), "mötet dödar mig".
  'brinner upp av',
  'bomben slapps',
  '(?:motet|moten|jobbet|stressen|tristessen|varmen|trafiken|det har|den har|schemat) (?:\\w+ ){0,2}(?:dodar|kommer doda) mig',
  '(?:this|the) (?:meeting|job|heat|traffic|schedule|workload) (?:\\w+ ){0,2}(?:is killing|kills|will kill) me',
  // Betrayal and pressure: "kniven i ryggen", "kniven mot strupen", "stabbed me in the back".
  'kniven? i ryggen',
  'kniven? mot strupen',
  'stab\\w* (?:\\w+ )?in the back',
  'backstab\\w*',
  // Doing well: "she's on fire today", "my team is on fire this week".
  'on fire (?:today|this week|lately|this month)',
  // "han är skjuten i henne": in love.
  'skjuten i (?:henne|honom|hen|dig|mig)',
  'sprang\\w* (?:\\w+ )?(?:budget\\w*|ramarna|ramen|taket|granserna)',
  'bleeding (?:money|cash|talent|staff|customers|members)',
  // "shoot hoops", "tände ljus", "sparkar boll": everyday senses.
  'shoot(?:ing)? (?:some )?(?:hoops|a video|photos|pictures|a film|the breeze)',
  '(?:tande|tanda|tander|tant) (?:\\w+ )?ljus',
  'sparka\\w* boll',
  // Hearth, grill, candles, fireworks, building sites: fire and bangs that belong there.
  '(?:ryker|brinner|rok|eld) (?:\\w+ ){0,2}(?:fran|i|pa) (?:grillen|brasan|kaminen|oppna spisen|bastun|lagerelden)',
  'brinner (?:ett |tva |)ljus',
  '(?:smallar|smallen|bangs?|explosions?) (?:\\w+ ){0,2}(?:fran bygget|fran vagbygget|from the construction|from the building site)',
  // Busy or hard, not hurt: "following me on LinkedIn", "pushing the students too hard".
  'follow\\w* (?:me|us) on (?:linkedin|instagram|twitter|facebook|tiktok|snapchat|social media)',
  'pushing (?:\\w+ ){0,3}(?:too hard|to (?:do|work|finish|perform|improve))',
  '(?:cuts|prices|costs|inflation|budget|news) (?:are |is |s )?hitting',
  // "my inbox is on fire": busy, not burning.
  '(?:inbox|phone|feed|chat|teams|mailbox|calendar|mejlen|telefonen|inkorgen|mobilen|mobil|min mobil) (?:is |s |has been |ar )?(?:on fire|exploding|blowing up|exploderar|brinner)',
  'brinner for',
  '(?:so|very|too|really|is|its|it s|getting) hot',
  'hot (?:in here|today|outside|weather|day|summer|coffee|water|topic|desk)',
];
const IDIOM = new RegExp(`\\b(?:${IDIOM_PARTS.join('|')})\\b`, 'g');
const IDIOM_TEST = new RegExp(`\\b(?:${IDIOM_PARTS.join('|')})\\b`);

/** Folded, apostrophes dropped ("he's" is "hes"), punctuation to single spaces. */
function clean(text: string): string {
  return fold(text.slice(0, 1000))
    .replace(/['’`´]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** clean() with the idioms cut out, so their danger words are not read. */
function normalise(text: string): string {
  return clean(text).replace(IDIOM, ' ');
}

/**
 * Says it is now even when a past word is there too: "snubben från i förrgår står utanför igen",
 * "the angry man from this morning is back".
 */
/**
 * Verbs in the past tense (the common ones): a sentence told in them, with no now word, is not read
 * on its own as danger now ("för ett halvår sedan drog en passagerare kniv mot mig").
 */
const PAST_TENSE = rx([
  'var',
  'blev',
  'hade',
  'sa',
  'sade',
  'drog',
  'slog',
  'kom',
  'tog',
  'gick',
  'stod',
  'satt',
  'lag',
  'hogg',
  'bet',
  'skot',
  'sprang',
  'foll',
  'gjorde',
  'fick',
  'brann',
  '\\w+ade',
  'was',
  'were',
  'had',
  'did',
  'came',
  'went',
  'got',
  'told',
  'said',
  '\\w{3,}ed',
]);

const NOW_OVERRIDES_PAST = rx([
  'fortfarande (?:kvar|har|dar|bakom)',
  'igen',
  // New since then: "en kartong som inte var där i går".
  'inte (?:var |stod |lag )?(?:dar|har) (?:i gar|igar|innan|forut|i morse|i fredags)',
  '(?:wasnt|was not) there (?:yesterday|before|this morning)',
  // Since a time and still so: "har stått där sedan i morse".
  'sedan (?:i morse|i morgon|i natt|lunch|i formiddags|en timme|ett par timmar|flera timmar|(?:\\w+ )?minuter)',
  'since (?:this morning|lunch|an hour|(?:\\w+ )?(?:hours|minutes))',
  'is back',
  'are back',
  'ar tillbaka',
  'kommit tillbaka',
  'still (?:here|there|behind|inside)',
  // A person's state now: "collapsed after being hit and isn't responding".
  '(?:isnt|is not) (?:responding|breathing)',
  'not breathing',
  'andas inte',
  'inte andas',
  'inte kontaktbar',
]);

type Reason = NonNullable<DangerVerdict['reason']>;

/** The specific families (an act, a weapon, a fire, a person hurt or held), before any filter. */
function specific(t: string, now: boolean): Reason | undefined {
  if (WEAPON.test(t) || (WEAPON_NAMED.test(t) && now)) return 'weapon';
  if (EMERGENCY.test(t) || FIRE_GAS.test(t) || SUSPICIOUS_OBJECT.test(t) || HURT.test(t)) return 'emergency';
  if (TRAPPED.test(t) || HELD.test(t) || INTRUSION.test(t) || INTRUDER.test(t)) return 'trapped';
  const violence =
    ATTACK.test(t) || SV_VIOLENCE_NOW.test(t) || EN_VIOLENCE_NOW.test(t) || SPOKEN_THREAT.test(t);
  if (violence && !DIGITAL.test(t)) return 'attack';
  return undefined;
}

/** Classifies one message. Pure and cheap (a few dozen regular expressions). */
export function detectDanger(text: string): DangerVerdict {
  const t = normalise(text);
  if (t.length === 0) return { danger: false };
  if (NOT_REAL.test(t)) return { danger: false };
  const explicitNow = NOW_EXPLICIT.test(t);
  const pastWord = PAST.test(t) && !explicitNow;
  // A past word with "igen"/"is back" still allows the specific rules, not the milder words.
  const pastButBack = pastWord && NOW_OVERRIDES_PAST.test(t);
  const planOrIf = !explicitNow && (HYPOTHETICAL.test(t) || GENERAL.test(t));
  if ((pastWord && !pastButBack) || planOrIf) return presentSentence(text);

  const now = explicitNow || NOW.test(t);
  const reason = specific(t, now);
  if (reason) return { danger: true, reason };
  if (THREAT_WORD.test(t) && !pastButBack && (explicitNow || (now && !DIGITAL.test(t))))
    return { danger: true, reason: 'threat-now' };
  return { danger: false };
}

/**
 * A message set aside as past, plan or hypothetical can still say in a sentence of its own that it
 * is happening now ("I går hotade han mig i telefon. Nu står han i dörren med en kniv.", "Vi har
 * en plan för sånt. En man står i receptionen och hotar personalen med en kniv."): such a sentence
 * has none of the past/plan/hypothetical words, a now word or no verb in the past tense, and a
 * specific family.
 */
function presentSentence(text: string): DangerVerdict {
  // A sentence, or a clause that starts with "nu" ("…, och nu har han låst in sig").
  for (const part of text.slice(0, 1000).split(/[.!?;:\n]+|,\s*(?:och |men )?(?=nu\b)/i)) {
    const s = normalise(part);
    if (!s || PAST.test(s) || HYPOTHETICAL.test(s) || GENERAL.test(s)) continue;
    const now = NOW_EXPLICIT.test(s) || NOW.test(s);
    if (!now && PAST_TENSE.test(s)) continue;
    const reason = specific(s, now);
    if (reason) return { danger: true, reason };
  }
  return { danger: false };
}

/**
 * True when the text says it is about the past, a plan, a rule or a hypothetical (and not "just
 * nu"): used when the search, not these rules, suggests danger (see SearchService.dangerNow).
 */
export function aboutPastOrPlan(text: string): boolean {
  const t = normalise(text);
  // A figure of speech ("det brinner i knutarna", "deadlinen dödar mig") is not danger however
  // likely the search finds an urgent topic for its words.
  if (IDIOM_TEST.test(clean(text))) return true;
  if (NOW_EXPLICIT.test(t)) return false;
  return NOT_REAL.test(t) || PAST.test(t) || HYPOTHETICAL.test(t) || GENERAL.test(t) || DIGITAL.test(t);
}

/** Convenience for callers that need only the yes/no. */
export function isDangerNow(text: string): boolean {
  return detectDanger(text).danger;
}
