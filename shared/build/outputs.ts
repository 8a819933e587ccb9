import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {type Reporter} from '../model/report.js';
import {type EngineProfile} from '../engine/profile.js';
import {type BuildDetails} from './details.js';
import {type ImagePlan} from './plan.js';
import {buildRecords} from './records.js';
import {imagesOutput, summaryTable} from './report.js';
import {type ImageResult} from './step.js';

/** What build and upload report beyond their results. */
export interface BuildReportSource {
  readonly details: ReadonlyMap<ImagePlan, BuildDetails>;
  readonly outputDir: string;
  readonly profile: EngineProfile;
}

/**
 * The outputs build and upload share: `images` (with a record per platform under `builds`),
 * `build-records` (the path of the same records as a JSON file, for tools and artifacts),
 * `archives` (the OCI layout tarballs, one path a line) and the summary table.
 */
export async function reportBuild(
  reporter: Reporter,
  heading: string,
  results: readonly ImageResult[],
  source: BuildReportSource
): Promise<void> {
  const records = buildRecords(results, source.details, source.profile);
  const file = join(source.outputDir, 'build-records.json');
  writeFileSync(file, `${JSON.stringify(records, null, 2)}\n`);
  reporter.output('images', imagesOutput(results, records));
  reporter.output('build-records', file);
  const archives = records.flatMap(r => (r.archive ? [r.archive] : []));
  if (archives.length > 0) reporter.output('archives', archives.join('\n'));
  await reporter.table(summaryTable(heading, results));
}
