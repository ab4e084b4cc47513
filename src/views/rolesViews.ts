import { AREA_NAMES, LEVEL_NAMES, ROLE_STRINGS } from '../i18n/strings';
import type { KnowledgeBase } from '../knowledge/loader';
import type { Checklist, Organisation, Responsibility, Role } from '../roles/schema';
import type { CardView, ViewContext } from './common';

/**
 * Duties, checklists and responsibility chains are written in Swedish only, so cards built from them
 * are Swedish throughout (texts and contacts), never English labels around Swedish content.
 */
function inSwedish(ctx: ViewContext): ViewContext {
  return ctx.locale === 'sv' ? ctx : { locale: 'sv', contacts: ctx.contacts.inLocale('sv') };
}

function roleName(role: Role | undefined, id: string, ctx: ViewContext): string {
  return role ? role.name[ctx.locale] : id;
}

function orgLine(ctx: ViewContext, org?: Organisation): string {
  const s = ROLE_STRINGS[ctx.locale];
  return org ? s.orgShown(org.name) : s.orgHint;
}

function topicButtons(
  ids: string[],
  kb: KnowledgeBase,
  ctx: ViewContext,
): Array<{ id: string; title: string }> {
  return ids
    .map((id) => kb.topics.find((t) => t.id === id))
    .filter((t) => t !== undefined)
    .slice(0, 3)
    .map((t) => ({ id: t.id, title: ctx.locale === 'en' ? t.title.en : t.title.sv }));
}

/** "Vem ansvarar för X?": the responsible roles from the top of the city down to the user's own. */
export function responsibilityView(
  resp: Responsibility,
  chain: Responsibility['chain'],
  roles: Map<string, Role>,
  kb: KnowledgeBase,
  asked: ViewContext,
  org?: Organisation,
): CardView {
  const ctx = inSwedish(asked);
  const s = ROLE_STRINGS[ctx.locale];
  return {
    template: 'roles-responsibility',
    locale: 'sv',
    data: {
      title: s.whoIsResponsible(resp.title[ctx.locale]),
      area: AREA_NAMES[resp.area]?.[ctx.locale] ?? resp.area,
      orgLine: orgLine(ctx, org),
      links: chain.map((link, i) => {
        const role = roles.get(link.role);
        const level = role ? (LEVEL_NAMES[role.level]?.[ctx.locale] ?? role.level) : '';
        const atOrg =
          org && role && (role.level === 'forvaltning' || role.level === 'namnd' || role.level === 'enhet');
        return {
          n: i + 1,
          name: `${roleName(role, link.role, ctx)}${atOrg ? ` – ${org.name}` : ''}`,
          level,
          duty: link.duty,
          basis: link.basis ?? '',
          hasBasis: Boolean(link.basis),
          contact: role?.contact ? ctx.contacts.resolve(role.contact).text : '',
          hasContact: Boolean(role?.contact),
          roleId: link.role,
        };
      }),
      dutyLabel: s.dutyLabel,
      basisLabel: s.basisLabel,
      contactLabel: s.contactLabel,
      topics: topicButtons(resp.topics, kb, ctx),
      readMore: s.readMore,
    },
  };
}

/** "Vad gör en säkerhetssamordnare?": the role, its duties per area and its contact. */
export function roleView(role: Role, asked: ViewContext, org?: Organisation): CardView {
  const ctx = inSwedish(asked);
  const s = ROLE_STRINGS[ctx.locale];
  return {
    template: 'roles-role',
    locale: 'sv',
    data: {
      title: role.name[ctx.locale],
      level: LEVEL_NAMES[role.level]?.[ctx.locale] ?? role.level,
      summary: role.summary[ctx.locale],
      dutiesTitle: s.roleDuties,
      duties: role.duties.map((d) => ({
        area: AREA_NAMES[d.area]?.[ctx.locale] ?? d.area,
        text: d.text,
        basis: d.basis ? `${s.basisLabel}: ${d.basis}` : '',
        hasBasis: Boolean(d.basis),
      })),
      hasContact: Boolean(role.contact),
      contactLabel: s.contactLabel,
      contact: role.contact ? ctx.contacts.resolve(role.contact).text : '',
      hasNote: Boolean(role.note),
      noteLabel: s.noteLabel,
      note: role.note ?? '',
      orgLine: role.contact ? orgLine(ctx, org) : '',
    },
  };
}

/**
 * The manager's checklist as one card: the duties first, then whom to inform (roles and contacts),
 * and the details (deadlines, legal basis, the topics to read) behind "Visa mer", so the card stays
 * short and nothing overlaps with a second card.
 */
export function checklistView(
  cl: Checklist,
  kb: KnowledgeBase,
  asked: ViewContext,
  org?: Organisation,
): CardView {
  const ctx = inSwedish(asked);
  const s = ROLE_STRINGS[ctx.locale];
  const roles = new Map(kb.roles.map((r) => [r.id, r]));
  const meta = (item: Checklist['items'][number]) =>
    [
      item.deadline ? `${s.deadlineLabel}: ${item.deadline}` : '',
      item.basis ? `${s.basisLabel}: ${item.basis}` : '',
    ]
      .filter(Boolean)
      .join(' · ');
  return {
    template: 'roles-checklist',
    locale: 'sv',
    data: {
      title: cl.title[ctx.locale],
      dutiesLabel: s.dutiesLabel,
      orgLine: orgLine(ctx, org),
      items: cl.items.map((item, i) => ({ n: i + 1, text: ctx.contacts.fill(item.text) })),
      informLabel: s.rolesAndContacts,
      inform: cl.inform.map((k) => ({
        text: kb.contacts.has(k) ? ctx.contacts.resolve(k).text : roleName(roles.get(k), k, ctx),
      })),
      hasInform: cl.inform.length > 0,
      detailsLabel: s.detailsLabel,
      details: cl.items.map((item, i) => ({ n: i + 1, meta: meta(item) })).filter((d) => d.meta !== ''),
      topics: topicButtons(cl.topics, kb, ctx),
      readMore: s.readMore,
      showMore: s.showMore,
    },
  };
}

/** `roller`: choose an area. */
export function browseView(ctx: ViewContext): CardView {
  const s = ROLE_STRINGS[ctx.locale];
  return {
    template: 'roles-browse',
    data: {
      title: s.browseTitle,
      areas: Object.entries(AREA_NAMES).map(([code, names]) => ({ code, title: names[ctx.locale] })),
    },
  };
}

/** One area: its responsibility questions and the roles with duties there. */
export function areaView(
  area: string,
  content: { responsibilities: Responsibility[]; roles: Role[] },
  asked: ViewContext,
): CardView {
  const ctx = inSwedish(asked);
  const s = ROLE_STRINGS[ctx.locale];
  return {
    template: 'roles-area',
    locale: 'sv',
    data: {
      title: s.areaTitle(AREA_NAMES[area]?.[ctx.locale] ?? area),
      respTitle: s.areaResponsibilities,
      responsibilities: content.responsibilities.map((r) => ({
        id: r.id,
        title: s.whoIsResponsible(r.title[ctx.locale]),
      })),
      rolesTitle: s.areaRoles,
      roles: content.roles.map((r) => ({
        id: r.id,
        name: r.name[ctx.locale],
        duty: r.duties.find((d) => d.area === area)?.text ?? '',
      })),
    },
  };
}

/** The organisation choice: a searchable list (Input.ChoiceSet, style "filtered"). */
export function organisationChoiceView(
  organisations: Organisation[],
  ctx: ViewContext,
  currentId?: string,
  error = '',
): CardView {
  const s = ROLE_STRINGS[ctx.locale];
  return {
    template: 'org-choose',
    data: {
      title: s.orgChooseTitle,
      text: organisations.some((o) => o.unconfirmed)
        ? `${s.orgChooseText} ${s.orgUnconfirmed}`
        : s.orgChooseText,
      placeholder: s.orgChoosePlaceholder,
      choices: organisations.map((o) => ({ title: o.name, value: o.id })),
      current: currentId ?? '',
      saveLabel: s.orgSave,
      error,
      hasError: error !== '',
    },
  };
}
