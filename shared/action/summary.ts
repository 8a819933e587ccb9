import * as core from '@actions/core';
import {type ReportTable, tableHtml} from '../model/report.js';

/** Append a report table to the job summary (`GITHUB_STEP_SUMMARY`). */
export async function writeSummaryTable(table: ReportTable): Promise<void> {
  await core.summary.addRaw(tableHtml(table)).write();
}
