import type { VerbData } from '../../cards/verbs';
import { ROLE_STRINGS } from '../../i18n/strings';
import { badInputView } from '../../views/common';
import { areaView, browseView, checklistView, organisationChoiceView } from '../../views/rolesViews';
import type { BotDeps } from '../deps';
import type { Turn } from '../../turn';

function badInput(turn: Turn): void {
  turn.card(badInputView(turn.locale));
}

/** roles.browse: pick an area. */
export function browseRoles(_deps: BotDeps, turn: Turn): void {
  turn.card(browseView(turn.view));
}

/** roles.area: one area's responsibilities and roles. */
export function showArea(deps: BotDeps, turn: Turn, data: VerbData<'roles.area'>): void {
  const area = data.area;
  const content = deps.roles.area(area);
  if (content.roles.length === 0 && content.responsibilities.length === 0) return badInput(turn);
  turn.card(areaView(area, content, turn.view));
}

/** roles.resp: "vem ansvarar för X" chosen from the browse. */
export function showResponsibility(deps: BotDeps, turn: Turn, data: VerbData<'roles.resp'>): void {
  const resp = deps.roles.responsibility(data.id);
  if (!resp) return badInput(turn);
  const org = turn.user.organisationId ? deps.roles.organisation(turn.user.organisationId) : undefined;
  turn.card(deps.roles.responsibilityCard(resp, turn.view, org));
}

/** roles.role: one role's card. */
export function showRole(deps: BotDeps, turn: Turn, data: VerbData<'roles.role'>): void {
  const view = deps.roles.roleCard(data.id, turn.view, turn.user.organisationId);
  if (!view) return badInput(turn);
  turn.card(view);
}

/** roles.checklist */
export function showChecklist(deps: BotDeps, turn: Turn, data: VerbData<'roles.checklist'>): void {
  const cl = deps.roles.checklist(data.id);
  if (!cl) return badInput(turn);
  const org = turn.user.organisationId ? deps.roles.organisation(turn.user.organisationId) : undefined;
  turn.card(checklistView(cl, deps.kb, turn.view, org));
}

/** org.choose: the searchable organisation list ("byt förvaltning"). */
export function chooseOrganisation(deps: BotDeps, turn: Turn): void {
  turn.card(organisationChoiceView(deps.roles.organisationList(), turn.view, turn.user.organisationId));
}

/** org.set from the card (organisationId) or typed ("jag jobbar på Järva"). */
export function setOrganisation(deps: BotDeps, turn: Turn, data: VerbData<'org.set'>): void {
  const s = ROLE_STRINGS[turn.locale];
  const id = data.organisationId ?? '';
  const phrase = data.phrase ?? '';
  const org = id ? deps.roles.organisation(id) : phrase ? deps.roles.findOrganisation(phrase) : undefined;
  if (!org) {
    const error = phrase ? s.orgUnknown(phrase.slice(0, 80)) : s.orgMissing;
    turn.card(
      organisationChoiceView(deps.roles.organisationList(), turn.view, turn.user.organisationId, error),
    );
    return;
  }
  turn.user.organisationId = org.id;
  deps.logger.info({ event: 'org.set', organisationId: org.id }, 'organisation set');
  turn.text(s.orgSaved(org.name));
}
