import {type GitHubClient} from './client.js';
import {type RepoName} from './changes.js';

interface Job {
  runner_name?: string | null;
  status?: string;
  steps?: {name?: string; conclusion?: string | null}[];
}

/** Where the current job is: the run, attempt and the runner executing it. */
export interface JobLocator {
  readonly repo: RepoName;
  readonly runId: string;
  readonly attempt: string;
  /** `RUNNER_NAME`: a runner executes one job at a time, so it identifies the job. */
  readonly runnerName: string;
}

/**
 * Whether a step of the current job failed so far, from the run's jobs (`actions: read`): the
 * job in progress on this runner, any step concluded `failure` or `cancelled`. Undefined when
 * the API does not show the job.
 */
export async function currentJobFailed(
  github: GitHubClient,
  job: JobLocator
): Promise<boolean | undefined> {
  // Every page: a matrix run can have more jobs than one page holds.
  const jobs = await github.list<Job>(
    `/repos/${job.repo.owner}/${job.repo.repo}/actions/runs/${job.runId}/attempts/${job.attempt}/jobs`
  );
  // Checked where used: anything but the documented shape means "cannot tell".
  const current = jobs.find(
    j =>
      typeof j === 'object' &&
      j !== null &&
      j.runner_name === job.runnerName &&
      j.status === 'in_progress'
  );
  if (!current) return undefined;
  if (current.steps === undefined) return false;
  if (!Array.isArray(current.steps)) return undefined;
  return current.steps.some(
    s =>
      typeof s === 'object' &&
      s !== null &&
      (s.conclusion === 'failure' || s.conclusion === 'cancelled')
  );
}
