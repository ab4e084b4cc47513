/** `npm run kb:gaps`: questions the bot could not answer confidently, most frequent first. */
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { loadConfig } from '../config';
import { SqliteInsightsStore } from '../insights/insightsStore';

const config = loadConfig();
const path = join(config.dataDir, 'insights.sqlite');
if (!existsSync(path)) {
  console.log(`Inga frågor registrerade ännu (${path} finns inte).`);
  process.exit(0);
}
const store = new SqliteInsightsStore(path);
const limit = Number(process.argv[2] ?? 100) || 100;
const gaps = store.listGaps(limit);
if (gaps.length === 0) console.log('Inga obesvarade frågor.');
for (const g of gaps)
  console.log(
    `${String(g.count).padStart(4)}  ${g.kind.padEnd(8)}  ${g.confidence.toFixed(2)}  ${g.question}`,
  );
const fb = store.feedbackCounts();
if (fb.length > 0) {
  console.log('\nÅterkoppling per ämne (👍 / 👎):');
  for (const f of fb) console.log(`  ${f.topicId}: ${f.helpful} / ${f.notHelpful}`);
}
store.close();
