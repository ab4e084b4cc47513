import type { RolesService } from './service';

export interface RoleEvalCase {
  q: string;
  /** "resp:<id>", "role:<id>" or "checklist:<id>". */
  expect: string;
}

export interface RoleEvalSummary {
  n: number;
  top1: number;
  byKind: Record<string, { n: number; top1: number }>;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/** Scores the roles router: top1 = the question was routed to exactly the expected entry. */
export function evaluateRoles(
  roles: RolesService,
  cases: RoleEvalCase[],
): { summary: RoleEvalSummary; misses: Array<{ q: string; expect: string; got: string | null }> } {
  const misses: Array<{ q: string; expect: string; got: string | null }> = [];
  const kinds: Record<string, { n: number; hit: number }> = {};
  let hits = 0;
  for (const c of cases) {
    const m = roles.classify(c.q);
    const got = m ? `${m.kind}:${m.id}` : null;
    const kind = c.expect.split(':')[0] ?? '';
    const k = (kinds[kind] ??= { n: 0, hit: 0 });
    k.n++;
    if (got === c.expect) {
      hits++;
      k.hit++;
    } else misses.push({ q: c.q, expect: c.expect, got });
  }
  const byKind: Record<string, { n: number; top1: number }> = {};
  for (const [kind, k] of Object.entries(kinds)) byKind[kind] = { n: k.n, top1: round(k.hit / k.n) };
  return {
    summary: { n: cases.length, top1: round(cases.length ? hits / cases.length : 0), byKind },
    misses,
  };
}
