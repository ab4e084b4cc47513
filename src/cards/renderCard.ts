import { readFileSync, readdirSync } from 'node:fs';
import { join, basename } from 'node:path';
import * as ACData from 'adaptivecards-templating';
import type { CardDataOf, CardView, TemplateName } from './templates';

/** An expanded Adaptive Card, ready to be wrapped in an attachment by the bot layer. */
export type AdaptiveCardJson = Record<string, unknown> & { type: 'AdaptiveCard'; version: string };

/** Content type of an Adaptive Card attachment (kept here so callers need no SDK import). */
export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

/** Where the card templates live (the top-level cards/ folder). */
export const DEFAULT_CARDS_DIR = join(__dirname, '..', '..', '..', 'cards');

const cache = new Map<string, Map<string, unknown>>();
/**
 * Compiled templates, per cards folder and name. adaptivecards-templating parses every expression
 * of a template in its constructor; building one per reply was a quarter of a turn's CPU. expand()
 * is synchronous and resets the instance's context each time, so one instance serves every reply.
 */
const compiled = new Map<string, Map<string, ACData.Template>>();

function resolveCardsDir(dir?: string): string {
  if (dir) return dir;
  // Compiled code runs from dist/src/cards, sources from src/cards: find cards/ from either.
  const fromSource = join(__dirname, '..', '..', 'cards');
  try {
    readdirSync(fromSource);
    return fromSource;
  } catch {
    return DEFAULT_CARDS_DIR;
  }
}

/** Loads every template in the cards folder once; templates are JSON, never code. */
export function loadTemplates(dir?: string): Map<string, unknown> {
  const cardsDir = resolveCardsDir(dir);
  const cached = cache.get(cardsDir);
  if (cached) return cached;
  const templates = new Map<string, unknown>();
  for (const file of readdirSync(cardsDir)) {
    if (!file.endsWith('.json')) continue;
    templates.set(basename(file, '.json'), JSON.parse(readFileSync(join(cardsDir, file), 'utf8')) as unknown);
  }
  cache.set(cardsDir, templates);
  return templates;
}

/** Names of all available templates (for tests and checks). */
export function templateNames(dir?: string): string[] {
  return [...loadTemplates(dir).keys()].sort();
}

/**
 * Binds a template from cards/ to data. User text is passed as data, and the templating engine
 * does not evaluate `${...}` inside data values, so such text shows literally.
 */
export function renderCard<T extends TemplateName>(
  name: T,
  data: CardDataOf<T>,
  dir?: string,
): AdaptiveCardJson {
  return compiledTemplate(name, dir).expand({ $root: data }) as AdaptiveCardJson;
}

function compiledTemplate(name: TemplateName, dir?: string): ACData.Template {
  const cardsDir = resolveCardsDir(dir);
  let byName = compiled.get(cardsDir);
  if (!byName) {
    byName = new Map();
    compiled.set(cardsDir, byName);
  }
  let template = byName.get(name);
  if (!template) {
    const json = loadTemplates(cardsDir).get(name);
    if (!json) throw new Error(`Unknown card template: ${name}`);
    template = new ACData.Template(json);
    byName.set(name, template);
  }
  return template;
}

/** Renders a view (a template name with data already checked against its contract). */
export function renderView(view: CardView, dir?: string): AdaptiveCardJson {
  return renderCard(view.template, view.data, dir);
}
