/**
 * `npm run reports:export -- [--format csv|json] [--out FILE] [--status mottagen|under-utredning|avslutad] [--excel]`
 * Writes every report for authorised handling (the security function), from the configured store.
 * The file holds personal data: it is created readable by its owner only.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../config';
import { isReportStatus } from '../report/access';
import { toCsv, toJson } from '../report/store/exportReports';
import { PostgresReportRepository } from '../report/store/postgresReportRepository';
import type { ReportRepository } from '../report/store/repository';
import { SqliteReportRepository } from '../report/store/sqliteReportRepository';
import { option } from './args';

async function main(): Promise<void> {
  const config = loadConfig();
  const format = option('format') ?? 'csv';
  if (format !== 'csv' && format !== 'json') throw new Error('--format must be csv or json');
  const status = option('status');
  if (status !== undefined && !isReportStatus(status))
    throw new Error('--status must be mottagen, under-utredning or avslutad');
  const repository: ReportRepository =
    config.storage.kind === 'postgres' && config.storage.databaseUrl
      ? await PostgresReportRepository.open(config.storage.databaseUrl)
      : new SqliteReportRepository(join(config.dataDir, 'reports.sqlite'));
  try {
    const reports = await repository.listAll({ status, limit: 1000 });
    const excel = process.argv.includes('--excel');
    const text =
      format === 'csv' ? toCsv(reports, { bom: excel, delimiter: excel ? ';' : ',' }) : toJson(reports);
    const out = option('out') ?? `rapporter-${new Date().toISOString().slice(0, 10)}.${format}`;
    writeFileSync(out, text, { mode: 0o600 });
    console.log(
      `${reports.length} rapporter skrivna till ${out} (innehåller personuppgifter: hantera filen därefter).`,
    );
  } finally {
    await repository.close();
  }
}

main().catch((err: unknown) => {
  console.error(`Exporten misslyckades: ${(err as Error).message}`);
  process.exit(1);
});
