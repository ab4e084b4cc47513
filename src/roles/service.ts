import type { KnowledgeBase } from '../knowledge/loader';
import { fold } from '../search/normalize';
import type { CardView, ViewContext } from '../views/common';
import { checklistView, responsibilityView, roleView } from '../views/rolesViews';
import { CatalogueMatcher } from './matcher';
import type { Checklist, Organisation, Responsibility, Role } from './schema';

/** What the roles directory made of a question (for the router and the role evaluation). */
export type RolesMatch =
  { kind: 'resp'; id: string } | { kind: 'role'; id: string } | { kind: 'checklist'; id: string };

export interface RolesAnswer {
  view: CardView;
  /** e.g. "resp:informationssakerhet"; used in logs and evaluation. */
  matchId: string;
  /** Knowledge topics that belong with this answer (a roles answer may come with a procedure). */
  relatedTopics: string[];
}

/** "Vem ansvarar / vem sköter / vem ska…", "who is responsible…" */
const RESPONSIBILITY_CUE =
  /\b(vem|vilka|vilken|vems|who|whose)\b.*\b(ansvar\w*|svarar|skoter|sköter|hand om|bestammer|leder|beslutar|tar beslut\w*|ska|skall|gor|gora|jobb|anmaler|handlagger|utreder|tar emot|aktiverar|samordnar|responsible|handles?|charge|decides?|owns?|reports?|deals?)\b|\bansvar(ar|ig|et)?\s+for\b|\bansvarsfordelning\b|\bar det \w+ (eller \w+ )?som (ska|maste)\b|\b\w+ansvaret\b/;
/** "Vad gör en säkerhetssamordnare", "vilket ansvar har skyddsombudet", "what does a DPO do" */
const ROLE_CUE =
  /\b(vad (gor|ar|har|ansvarar|jobbar|sysslar|innebar|kan)|vilket \w*ansvar|vilken roll|vilka uppgifter|vad ingar i|what (does|is|do|can)|role of|duties of|roll(en)?|uppgift(er)?|uppdrag|hjalpa (mig|till|oss))\b/;
/** Someone speaking as a manager, or as the one who runs a meeting (for the meeting checklist). */
const MANAGER_CUE =
  /\b(chef\w*|manager|arbetsledare|rektor|forestandare|som ledare|jag leder|personalansvar\w*|enhetschef\w*|namndsekreterare\w*|motessekreterare\w*|ordforande\w*|chair\w*)\b/;
/** Asking what they must do. */
const DUTY_CUE =
  /\b(maste|ska|skall|bor|skyldig\w*|gora|gor|checklista|ansvar\w*|must|should|do|duties|what to do|checklist|forsta|steg|steps)\b/;

const LEVEL_ORDER = ['stad', 'namnd', 'forvaltning', 'enhet', 'individ', 'extern'];

/**
 * The roles directory: who is responsible for what, what a role does, and managers' checklists.
 * Pure: data in, views out.
 */
export class RolesService {
  private readonly roles: Map<string, Role>;
  private readonly responsibilities: Map<string, Responsibility>;
  private readonly checklists: Map<string, Checklist>;
  private readonly organisations: Map<string, Organisation>;
  private readonly roleMatcher: CatalogueMatcher;
  private readonly respMatcher: CatalogueMatcher;
  private readonly checklistMatcher: CatalogueMatcher;
  private readonly orgMatcher: CatalogueMatcher;

  constructor(private readonly kb: KnowledgeBase) {
    this.roles = new Map(kb.roles.map((r) => [r.id, r]));
    this.responsibilities = new Map(kb.responsibilities.map((r) => [r.id, r]));
    this.checklists = new Map(kb.checklists.map((c) => [c.id, c]));
    this.organisations = new Map(kb.organisations.map((o) => [o.id, o]));
    this.roleMatcher = new CatalogueMatcher(
      kb.roles.map((r) => ({ id: r.id, names: [r.name.sv, r.name.en, ...r.aliases] })),
    );
    this.respMatcher = new CatalogueMatcher(
      kb.responsibilities.map((r) => ({ id: r.id, names: [r.title.sv, r.title.en, ...r.aliases] })),
    );
    this.checklistMatcher = new CatalogueMatcher(kb.checklists.map((c) => ({ id: c.id, names: c.aliases })));
    this.orgMatcher = new CatalogueMatcher(
      kb.organisations.map((o) => ({ id: o.id, names: [o.name, ...o.aliases] })),
    );
  }

  /** Decides whether a question is for the roles directory, and which entry it names. */
  classify(text: string): RolesMatch | undefined {
    const f = ` ${fold(text)
      .replace(/[^\p{L}\p{N}\s]/gu, ' ')
      .replace(/\s+/g, ' ')} `;
    // The subject of "vad gör SKR när förtroendevalda hotas" comes first: prefer the earliest role named.
    const roleHit = this.roleMatcher
      .match(text)
      .sort((a, b) => a.position - b.position || b.score - a.score)[0];
    const respHit = this.respMatcher.match(text)[0];
    const isManager = MANAGER_CUE.test(f);
    const explicitWho = /\bvem (ansvarar|har ansvar|ar ansvarig)\b|\bwho is responsible\b/.test(f);

    if (isManager && DUTY_CUE.test(f) && !explicitWho) {
      const cl = this.checklistMatcher.match(text)[0];
      if (cl) return { kind: 'checklist', id: cl.id };
    }
    if (RESPONSIBILITY_CUE.test(f) && !/\bvad ansvarar\b/.test(f)) {
      if (respHit) return { kind: 'resp', id: respHit.id };
      if (roleHit) return { kind: 'role', id: roleHit.id };
      return undefined;
    }
    if (ROLE_CUE.test(f) && roleHit) return { kind: 'role', id: roleHit.id };
    // A bare role name ("dataskyddsombud?") is a question about the role.
    const wordCount = f.trim().split(' ').length;
    if (roleHit && wordCount <= 3) return { kind: 'role', id: roleHit.id };
    return undefined;
  }

  /** Answers a question from the directory, or undefined when it is not a roles question. */
  answer(text: string, ctx: ViewContext, organisationId?: string): RolesAnswer | undefined {
    const match = this.classify(text);
    if (!match) return undefined;
    const org = organisationId ? this.organisations.get(organisationId) : undefined;
    switch (match.kind) {
      case 'resp': {
        const resp = this.responsibilities.get(match.id);
        if (!resp) return undefined;
        return {
          view: this.responsibilityCard(resp, ctx, org),
          matchId: `resp:${resp.id}`,
          relatedTopics: resp.topics,
        };
      }
      case 'role': {
        const role = this.roles.get(match.id);
        if (!role) return undefined;
        const topics = this.kb.topics.filter((t) => t.roles.includes(role.id)).map((t) => t.id);
        return { view: roleView(role, ctx, org), matchId: `role:${role.id}`, relatedTopics: topics };
      }
      case 'checklist': {
        const cl = this.checklists.get(match.id);
        if (!cl) return undefined;
        return {
          view: checklistView(cl, this.kb, ctx, org),
          matchId: `checklist:${cl.id}`,
          relatedTopics: cl.topics,
        };
      }
    }
  }

  responsibilityCard(resp: Responsibility, ctx: ViewContext, org?: Organisation): CardView {
    const chain = [...resp.chain].sort(
      (a, b) =>
        LEVEL_ORDER.indexOf(this.roles.get(a.role)?.level ?? 'extern') -
        LEVEL_ORDER.indexOf(this.roles.get(b.role)?.level ?? 'extern'),
    );
    return responsibilityView(resp, chain, this.roles, this.kb, ctx, org);
  }

  roleCard(id: string, ctx: ViewContext, organisationId?: string): CardView | undefined {
    const role = this.roles.get(id);
    return role
      ? roleView(role, ctx, organisationId ? this.organisations.get(organisationId) : undefined)
      : undefined;
  }

  responsibility(id: string): Responsibility | undefined {
    return this.responsibilities.get(id);
  }

  checklist(id: string): Checklist | undefined {
    return this.checklists.get(id);
  }

  organisation(id: string): Organisation | undefined {
    return this.organisations.get(id);
  }

  /** All organisations, sorted by name (for the choice card). */
  organisationList(): Organisation[] {
    return [...this.organisations.values()].sort((a, b) => a.name.localeCompare(b.name, 'sv'));
  }

  /** Finds the organisation a phrase names ("Skarpnäck", "järva sdf", "Rinkeby"). */
  findOrganisation(phrase: string): Organisation | undefined {
    const hit = this.orgMatcher.match(phrase)[0];
    return hit ? this.organisations.get(hit.id) : undefined;
  }

  /** Responsibilities and roles of one area, for the guided browse. */
  area(area: string): { responsibilities: Responsibility[]; roles: Role[] } {
    return {
      responsibilities: this.kb.responsibilities.filter((r) => r.area === area),
      roles: this.kb.roles
        .filter((r) => r.duties.some((d) => d.area === area))
        .sort((a, b) => LEVEL_ORDER.indexOf(a.level) - LEVEL_ORDER.indexOf(b.level)),
    };
  }
}
