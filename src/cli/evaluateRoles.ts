/**
 * `npm run eval:roles -- FILE.jsonl` scores the roles router on lines
 * {"q": "...", "expect": "resp:<id>" | "role:<id>" | "checklist:<id>"}; misses first, summary JSON last.
 */
import { readFileSync } from 'node:fs';
import { RolesService } from '../roles/service';
import { evaluateRoles, type RoleEvalCase } from '../roles/evaluation';
import { parseJsonLines } from '../search/evaluation';
import { loadForCli } from './loadForCli';

const file = process.argv[2] ?? 'eval/roles.jsonl';
const { kb } = loadForCli();
const cases = parseJsonLines<RoleEvalCase>(readFileSync(file, 'utf8'));
const { summary, misses } = evaluateRoles(new RolesService(kb), cases);
for (const m of misses)
  console.log(`MISS ${JSON.stringify(m.q)} expected=${m.expect} got=${m.got ?? 'null'}`);
console.log(JSON.stringify(summary));
