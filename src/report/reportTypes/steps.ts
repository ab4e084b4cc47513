/**
 * The report step table: every report type is data (steps, fields, options, labels), so adding a
 * type or a question is an edit here, not a new code path in the flow. Field ids are the keys of
 * the stored answers and the ids of the card inputs; changing one orphans stored answers, so treat
 * them as a schema.
 */
import type { ReportAnswers, ReportTypeId } from '../types';
import { REPORT_TYPE_IDS } from '../types';

/** The two languages the bot speaks; Swedish first. */
export type Locale = 'sv' | 'en';

/** A user-facing string in both languages. */
export interface LocalizedText {
  sv: string;
  en: string;
}

/** Picks the text for the locale. */
export function tr(text: LocalizedText, locale: Locale): string {
  return locale === 'en' ? text.en : text.sv;
}

/**
 * What a field asks for. `yesno` is a ja/nej choice shown as two radio buttons; `toggle` is a
 * single checkbox that answers `ja` when ticked and `nej` when not.
 */
export type FieldKind = 'choice' | 'multichoice' | 'text' | 'date' | 'time' | 'yesno' | 'toggle';

/** One allowed value of a choice field: the stored code and its labels. */
export interface FieldOption {
  value: string;
  label: LocalizedText;
}

/** One input on a step card. */
export interface FieldDef {
  /** Answer key and card input id; must not collide with RESERVED_DATA_KEYS. */
  id: string;
  kind: FieldKind;
  label: LocalizedText;
  /** Required fields must be answered; optional ones are shown as "kan hoppas över". */
  required: boolean;
  /** Short guidance under the label. */
  help?: LocalizedText;
  /** A visible note (privacy reminders and the like), shown more prominently than help. */
  note?: LocalizedText;
  /** Text fields: longest accepted answer in characters (code points), shown as "högst N tecken". */
  maxLength?: number;
  /** Text fields: a tall input for long answers. */
  multiline?: boolean;
  /** Choice fields: radio buttons (expanded) or a drop-down (compact). */
  style?: 'compact' | 'expanded';
  /** Choice and multichoice fields: the allowed values. Option values never contain commas. */
  options?: readonly FieldOption[];
  /** Date fields: reject dates after today (in the flow's time zone). */
  notFuture?: boolean;
  /** Time fields: the date field this time belongs to, so date + time together can be checked. */
  dateField?: string;
}

/** A reminder shown on a step when an earlier answer calls for it (e.g. the IMY 72-hour rule). */
export interface StepNotice {
  /** Show the notice when the answer to `field` is one of `anyOf`. */
  showIf: { field: string; anyOf: readonly string[] };
  title: LocalizedText;
  text: LocalizedText;
  /** Key of a contact the bot layer resolves (knowledge/contacts.yaml). */
  contactKey?: string;
}

/** One card in the flow: 1–4 fields. */
export interface StepDef {
  id: string;
  title: LocalizedText;
  intro?: LocalizedText;
  fields: readonly FieldDef[];
  notice?: StepNotice;
}

/** A report type: its labels and its steps (the summary is added by the flow). */
export interface ReportTypeDef {
  id: ReportTypeId;
  title: LocalizedText;
  description: LocalizedText;
  steps: readonly StepDef[];
}

/**
 * Keys the cards use in Action.Submit data. The client merges input values into the same object,
 * so a field id equal to one of these would be overwritten (steps.test.ts guards this).
 */
export const RESERVED_DATA_KEYS: readonly string[] = [
  'verb',
  'draftId',
  'at',
  'step',
  'reportType',
  'danger',
  'reference',
  'status',
];

const L = (sv: string, en: string): LocalizedText => ({ sv, en });

const YES_NO: readonly FieldOption[] = [
  { value: 'ja', label: L('Ja', 'Yes') },
  { value: 'nej', label: L('Nej', 'No') },
];

const YES_NO_UNSURE: readonly FieldOption[] = [
  { value: 'ja', label: L('Ja', 'Yes') },
  { value: 'nej', label: L('Nej', 'No') },
  { value: 'vet-inte', label: L('Vet inte', "Don't know") },
];

/** Long free-text answers: room for a full account without making cards too large for Teams. */
export const LONG_TEXT_MAX = 10_000;

const PRIVACY_NOTE = L(
  'Skriv inte fler personuppgifter än som behövs – till exempel inte personnummer.',
  'Do not include more personal data than needed – for example, no personal identity numbers.',
);

const dateField = (): FieldDef => ({
  id: 'datum',
  kind: 'date',
  label: L('Datum', 'Date'),
  required: true,
  notFuture: true,
});

const timeField = (): FieldDef => ({
  id: 'tid',
  kind: 'time',
  label: L('Ungefärlig tid', 'Approximate time'),
  required: false,
  dateField: 'datum',
  help: L('Ungefär räcker.', 'An approximate time is fine.'),
});

const organisationField = (): FieldDef => ({
  id: 'organisation',
  kind: 'text',
  label: L('Förvaltning, bolag eller enhet', 'Department, company or unit'),
  required: true,
  maxLength: 200,
  help: L(
    'Till exempel stadsdelsförvaltning, fackförvaltning eller bolag.',
    'For example the district administration, department or company.',
  ),
});

const managerInformedField = (): FieldDef => ({
  id: 'chefInformerad',
  kind: 'yesno',
  label: L('Har du berättat för din chef?', 'Have you told your manager?'),
  required: true,
  style: 'expanded',
});

const HOT_OCH_VALD: ReportTypeDef = {
  id: 'hot-och-vald',
  title: L('Hot och våld', 'Threats and violence'),
  description: L(
    'Hot, våld, trakasserier eller skadegörelse mot dig, en kollega eller en förtroendevald.',
    'Threats, violence, harassment or vandalism against you, a colleague or an elected official.',
  ),
  steps: [
    {
      id: 'handelse',
      title: L('Vad har hänt?', 'What happened?'),
      fields: [
        {
          id: 'handelse',
          kind: 'multichoice',
          label: L('Vilken sorts händelse?', 'What kind of incident?'),
          help: L('Välj ett eller flera alternativ.', 'Choose one or more.'),
          required: true,
          style: 'expanded',
          options: [
            { value: 'hot', label: L('Hot', 'Threat') },
            { value: 'vald', label: L('Våld', 'Violence') },
            { value: 'trakasserier', label: L('Trakasserier', 'Harassment') },
            { value: 'skadegorelse', label: L('Skadegörelse', 'Vandalism') },
            { value: 'annat', label: L('Annat', 'Other') },
          ],
        },
      ],
    },
    {
      id: 'drabbad',
      title: L('Vem drabbades?', 'Who was targeted?'),
      fields: [
        {
          id: 'drabbad',
          kind: 'choice',
          label: L('Vem riktades händelsen mot?', 'Who was the incident aimed at?'),
          required: true,
          style: 'expanded',
          options: [
            { value: 'jag-sjalv', label: L('Mig själv', 'Myself') },
            { value: 'kollega', label: L('En kollega', 'A colleague') },
            { value: 'fortroendevald', label: L('En förtroendevald', 'An elected official') },
            { value: 'annan', label: L('Någon annan', 'Someone else') },
          ],
        },
        {
          id: 'roll',
          kind: 'choice',
          label: L('Vilken roll har den som drabbades?', 'What role does the targeted person have?'),
          required: true,
          style: 'compact',
          options: [
            { value: 'anstalld', label: L('Anställd', 'Employee') },
            { value: 'chef', label: L('Chef', 'Manager') },
            { value: 'fortroendevald', label: L('Förtroendevald', 'Elected official') },
            { value: 'annan', label: L('Annan', 'Other') },
          ],
        },
      ],
    },
    {
      id: 'nar',
      title: L('När hände det?', 'When did it happen?'),
      fields: [dateField(), timeField()],
    },
    {
      id: 'var',
      title: L('Var hände det?', 'Where did it happen?'),
      fields: [
        organisationField(),
        {
          id: 'platstyp',
          kind: 'choice',
          label: L('Typ av plats', 'Type of place'),
          required: true,
          style: 'compact',
          options: [
            { value: 'arbetsplats', label: L('På arbetsplatsen', 'At the workplace') },
            { value: 'hembesok', label: L('Vid hembesök', 'During a home visit') },
            { value: 'mejl', label: L('Digitalt via mejl', 'Digitally by email') },
            { value: 'telefon', label: L('Digitalt via telefon', 'Digitally by phone') },
            { value: 'sociala-medier', label: L('Sociala medier', 'Social media') },
            { value: 'offentlig-plats', label: L('Offentlig plats', 'Public place') },
            { value: 'mote', label: L('Möte eller sammanträde', 'Meeting or council session') },
            { value: 'annat', label: L('Annat', 'Other') },
          ],
        },
      ],
    },
    {
      id: 'beskrivning',
      title: L('Berätta vad som hände', 'Tell us what happened'),
      fields: [
        {
          id: 'beskrivning',
          kind: 'text',
          label: L('Vad hände?', 'What happened?'),
          help: L(
            'Beskriv med egna ord: vad som sades eller gjordes, och vilka som var där.',
            'In your own words: what was said or done, and who was there.',
          ),
          note: PRIVACY_NOTE,
          required: true,
          multiline: true,
          maxLength: LONG_TEXT_MAX,
        },
      ],
    },
    {
      id: 'garningsperson',
      title: L('Den som låg bakom', 'The person responsible'),
      fields: [
        {
          id: 'garningspersonKand',
          kind: 'choice',
          label: L('Vet du vem som låg bakom?', 'Do you know who was behind it?'),
          required: false,
          style: 'expanded',
          options: [
            { value: 'ja', label: L('Ja', 'Yes') },
            { value: 'nej', label: L('Nej', 'No') },
            { value: 'vill-inte-svara', label: L('Vill inte svara', 'Prefer not to say') },
          ],
        },
        {
          id: 'garningspersonBeskrivning',
          kind: 'text',
          label: L('Beskrivning av personen', 'Description of the person'),
          help: L(
            'Till exempel brukare, kund, anhörig eller okänd. Skriv bara det som behövs.',
            'For example a client, customer, relative or unknown. Only what is needed.',
          ),
          required: false,
          multiline: true,
          maxLength: 2000,
        },
      ],
    },
    {
      id: 'kontakter',
      title: L('Kontakter och stöd', 'Contacts and support'),
      fields: [
        {
          id: 'polis',
          kind: 'choice',
          label: L('Har polisen kontaktats?', 'Have the police been contacted?'),
          required: true,
          style: 'expanded',
          options: [
            { value: 'polisanmalt', label: L('Ja, polisanmält', 'Yes, reported to the police') },
            { value: 'ringt-112', label: L('Ja, ringt 112', 'Yes, called 112') },
            { value: 'nej', label: L('Nej', 'No') },
            { value: 'vet-inte', label: L('Vet inte', "Don't know") },
          ],
        },
        managerInformedField(),
        {
          id: 'stod',
          kind: 'toggle',
          label: L('Vill du bli kontaktad om stöd?', 'Would you like to be contacted about support?'),
          help: L(
            'Ja, kontakta mig om stöd, till exempel samtal med företagshälsovården.',
            'Yes, contact me about support, for example a talk with occupational health.',
          ),
          required: false,
        },
      ],
    },
  ],
};

const OTILLATEN_PAVERKAN: ReportTypeDef = {
  id: 'otillaten-paverkan',
  title: L('Otillåten påverkan', 'Undue influence'),
  description: L(
    'Någon har försökt påverka ett ärende eller beslut med hot, påtryckningar, mutförsök eller smicker.',
    'Someone tried to influence a matter or decision through threats, pressure, bribery or flattery.',
  ),
  steps: [
    {
      id: 'form',
      title: L('Vilken sorts påverkan?', 'What kind of influence?'),
      fields: [
        {
          id: 'form',
          kind: 'choice',
          label: L('Hur försökte någon påverka?', 'How did someone try to influence?'),
          required: true,
          style: 'expanded',
          options: [
            { value: 'hot', label: L('Hot', 'Threats') },
            { value: 'trakasserier', label: L('Trakasserier', 'Harassment') },
            {
              value: 'mutforsok',
              label: L('Mutförsök eller otillbörligt erbjudande', 'Bribery or an improper offer'),
            },
            { value: 'patryckningar', label: L('Påtryckningar', 'Pressure') },
            {
              value: 'smicker',
              label: L('Smicker eller relationsbyggande', 'Flattery or relationship building'),
            },
            { value: 'annat', label: L('Annat', 'Other') },
          ],
        },
      ],
    },
    {
      id: 'arende',
      title: L('Vad gällde det?', 'What was it about?'),
      fields: [
        {
          id: 'arende',
          kind: 'text',
          label: L('Vilket ärende eller beslut gällde det?', 'Which matter or decision was it about?'),
          note: L(
            'Du behöver inte skriva diarienummer eller namn – beskriv ärendet i allmänna ordalag.',
            'No case numbers or names are needed – describe the matter in general terms.',
          ),
          required: true,
          multiline: true,
          maxLength: 2000,
        },
      ],
    },
    {
      id: 'beskrivning',
      title: L('Hur gick det till?', 'How did it happen?'),
      fields: [
        {
          id: 'beskrivning',
          kind: 'text',
          label: L('Beskriv vad som hände', 'Describe what happened'),
          note: PRIVACY_NOTE,
          required: true,
          multiline: true,
          maxLength: LONG_TEXT_MAX,
        },
      ],
    },
    {
      id: 'nar',
      title: L('När och var?', 'When and where?'),
      fields: [dateField(), timeField(), organisationField()],
    },
    {
      id: 'lage',
      title: L('Läget nu', 'The situation now'),
      fields: [
        {
          id: 'pagar',
          kind: 'choice',
          label: L('Pågår påverkan fortfarande?', 'Is it still going on?'),
          required: true,
          style: 'expanded',
          options: YES_NO_UNSURE,
        },
        managerInformedField(),
      ],
    },
  ],
};

const INFORMATIONSSAKERHET: ReportTypeDef = {
  id: 'informationssakerhet',
  title: L('Informationssäkerhet', 'Information security'),
  description: L(
    'Borttappad eller stulen enhet, felskickat mejl, nätfiske eller obehörig åtkomst.',
    'A lost or stolen device, a misdirected email, phishing or unauthorised access.',
  ),
  steps: [
    {
      id: 'handelse',
      title: L('Vad har hänt?', 'What happened?'),
      fields: [
        {
          id: 'handelse',
          kind: 'choice',
          label: L('Vilken sorts händelse?', 'What kind of incident?'),
          required: true,
          style: 'expanded',
          options: [
            { value: 'enhet', label: L('Borttappad eller stulen enhet', 'Lost or stolen device') },
            { value: 'felskickat', label: L('Felskickat mejl', 'Misdirected email') },
            { value: 'natfiske', label: L('Nätfiske', 'Phishing') },
            { value: 'obehorig-atkomst', label: L('Obehörig åtkomst', 'Unauthorised access') },
            { value: 'annat', label: L('Annat', 'Other') },
          ],
        },
      ],
    },
    {
      id: 'nar',
      title: L('När och var?', 'When and where?'),
      fields: [dateField(), timeField(), organisationField()],
    },
    {
      id: 'personuppgifter',
      title: L('Personuppgifter', 'Personal data'),
      fields: [
        {
          id: 'personuppgifter',
          kind: 'choice',
          label: L('Berörs personuppgifter?', 'Is personal data involved?'),
          help: L(
            'Till exempel namn, personnummer, hälsouppgifter eller uppgifter om elever, brukare eller kunder.',
            'For example names, identity numbers, health data or data about pupils, clients or customers.',
          ),
          required: true,
          style: 'expanded',
          options: YES_NO_UNSURE,
        },
      ],
    },
    {
      id: 'system',
      title: L('Berörda system', 'Affected systems'),
      notice: {
        showIf: { field: 'personuppgifter', anyOf: ['ja', 'vet-inte'] },
        title: L('Tänk på 72-timmarsregeln', 'Remember the 72-hour rule'),
        text: L(
          'En personuppgiftsincident ska anmälas till Integritetsskyddsmyndigheten (IMY) inom 72 timmar från att den upptäcktes. Kontakta dataskyddsombudet direkt – vänta inte tills rapporten är klar.',
          'A personal data breach must be reported to the Swedish Authority for Privacy Protection (IMY) within 72 hours of discovery. Contact the data protection officer right away – do not wait until this report is done.',
        ),
        contactKey: 'dataskyddsombud',
      },
      fields: [
        {
          id: 'system',
          kind: 'text',
          label: L('Vilka system eller tjänster berörs?', 'Which systems or services are affected?'),
          required: false,
          multiline: true,
          maxLength: 1000,
        },
      ],
    },
    {
      id: 'beskrivning',
      title: L('Beskriv händelsen', 'Describe the incident'),
      fields: [
        {
          id: 'beskrivning',
          kind: 'text',
          label: L('Vad hände?', 'What happened?'),
          note: PRIVACY_NOTE,
          required: true,
          multiline: true,
          maxLength: LONG_TEXT_MAX,
        },
      ],
    },
  ],
};

/** Each declared type's definition: a type id without one fails to compile. */
const DEFINITIONS: Readonly<Record<ReportTypeId, ReportTypeDef>> = {
  'hot-och-vald': HOT_OCH_VALD,
  'otillaten-paverkan': OTILLATEN_PAVERKAN,
  informationssakerhet: INFORMATIONSSAKERHET,
};

/** All report types, in the order the type card lists them (the order of REPORT_TYPE_IDS). */
export const REPORT_TYPES: readonly ReportTypeDef[] = REPORT_TYPE_IDS.map((id) => DEFINITIONS[id]);

/** True when `value` names a report type the step table knows. */
export function isReportTypeId(value: unknown): value is ReportTypeId {
  return typeof value === 'string' && (REPORT_TYPE_IDS as readonly string[]).includes(value);
}

/** The definition of a report type, or undefined for an unknown id. */
export function getReportType(id: unknown): ReportTypeDef | undefined {
  return isReportTypeId(id) ? DEFINITIONS[id] : undefined;
}

/** Number of cards a person goes through for a type: its steps plus the summary. */
export function totalSteps(type: ReportTypeDef): number {
  return type.steps.length + 1;
}

/** The options a field accepts: its own for choices, ja/nej for yes/no and toggles, none otherwise. */
export function fieldOptions(field: FieldDef): readonly FieldOption[] {
  if (field.kind === 'yesno' || field.kind === 'toggle') return field.options ?? YES_NO;
  return field.options ?? [];
}

/** Every field of a type, flattened in step order. */
export function allFields(type: ReportTypeDef): FieldDef[] {
  return type.steps.flatMap((s) => [...s.fields]);
}

/** True when a step's notice applies to the answers so far. */
export function noticeApplies(notice: StepNotice, answers: ReportAnswers): boolean {
  const answer = answers[notice.showIf.field];
  return answer !== undefined && notice.showIf.anyOf.includes(answer);
}

/**
 * How a stored answer reads to a person: option labels instead of codes (comma-separated for
 * multichoice), the text itself otherwise. Unknown codes are shown as they are rather than hidden.
 */
export function displayValue(field: FieldDef, value: string, locale: Locale): string {
  const options = fieldOptions(field);
  if (options.length === 0) return value;
  const label = (code: string): string => {
    const option = options.find((o) => o.value === code);
    return option ? tr(option.label, locale) : code;
  };
  if (field.kind === 'multichoice') {
    return value
      .split(',')
      .filter((code) => code !== '')
      .map(label)
      .join(', ');
  }
  return label(value);
}

/** One answered field as shown on the summary and detail cards. */
export interface AnswerItem {
  fieldId: string;
  label: string;
  value: string;
}

/** The answered fields of one step. */
export interface AnswerGroup {
  stepIndex: number;
  title: string;
  items: AnswerItem[];
}

/**
 * Groups answers per step with labels and readable values; steps without answers are left out.
 * Answers whose field no longer exists in the table (the table changed after they were stored)
 * are collected in a last group so nothing stored is silently hidden.
 */
export function describeAnswers(type: ReportTypeDef, answers: ReportAnswers, locale: Locale): AnswerGroup[] {
  const groups: AnswerGroup[] = [];
  const known = new Set<string>();
  type.steps.forEach((step, stepIndex) => {
    const items: AnswerItem[] = [];
    for (const field of step.fields) {
      known.add(field.id);
      const value = answers[field.id];
      if (value === undefined || value === '') continue;
      items.push({
        fieldId: field.id,
        label: tr(field.label, locale),
        value: displayValue(field, value, locale),
      });
    }
    if (items.length > 0) groups.push({ stepIndex, title: tr(step.title, locale), items });
  });
  const extra = Object.keys(answers)
    .filter((key) => !known.has(key) && answers[key] !== undefined && answers[key] !== '')
    .sort()
    .map((key) => ({ fieldId: key, label: key, value: answers[key] ?? '' }));
  if (extra.length > 0) {
    groups.push({ stepIndex: -1, title: tr(L('Övriga uppgifter', 'Other details'), locale), items: extra });
  }
  return groups;
}
