/** The parts of the runner's environment imagegate uses, read once. */
export interface RunnerContext {
  readonly eventName: string;
  readonly payload: unknown;
  readonly sha?: string;
  /** `owner/repo`. */
  readonly repository?: string;
  readonly workspace: string;
  readonly runId?: string;
  readonly runAttempt: string;
  /** The GitHub REST API root; undefined when there is none at hand (the CLI outside GitHub). */
  readonly apiUrl?: string;
  readonly serverUrl: string;
  readonly runnerTemp: string;
}
