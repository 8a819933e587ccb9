import * as core from '@actions/core';

/** Write a job summary section: a heading and a table (header row first). */
export async function writeSummaryTable(
  heading: string,
  header: readonly string[],
  rows: readonly (readonly string[])[],
  note?: string
): Promise<void> {
  const summary = core.summary
    .addHeading(heading, 3)
    .addTable([header.map(data => ({data, header: true})), ...rows.map(r => [...r])]);
  if (note) summary.addRaw(`\n${note}\n`, true);
  await summary.write();
}
