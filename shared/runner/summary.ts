import * as runner from './workflow-commands.js';
import {type ReportTable, tableHtml} from '../model/report.js';

/** Append a report table to the job summary (`GITHUB_STEP_SUMMARY`). */
export async function writeSummaryTable(table: ReportTable): Promise<void> {
  runner.appendSummary(tableHtml(table));
}
