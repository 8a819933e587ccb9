import {type CommandRunner} from '../engine/command.js';
import {type GitHubClient} from '../github/client.js';
import {type WriteTarget} from '../model/credentials.js';
import {type StepLog} from '../model/log.js';
import {type ReportTable} from '../model/report.js';
import {type Registry} from '../registry/index.js';
import {type DockerDaemon} from './configure/dockerd.js';
import {type SystemPaths} from './paths.js';
import {type ShareBackend} from './share/share.js';
import {type StateStore} from './state.js';

/** The buildset registry's own credentials and CA, for the registry client. */
export interface BuildsetAccess {
  readonly registry: string;
  readonly username: string;
  readonly password: string;
  readonly caCert: string;
}

/**
 * The side effects of the main and post steps that are injected: commands, the Docker daemon,
 * step state, outputs, log, clock, host addresses, the registry client, GitHub and the share
 * backend. The filesystem is not: the step files (certificates, configs, registry storage,
 * share copies) are read and written with node:fs directly, at the locations `paths` and the run
 * directories give, so tests point those at temporary directories instead of replacing the calls.
 */
export interface BuildsetDeps {
  readonly runner: CommandRunner;
  /** The step's environment (PATH, DOCKER_CONFIG: where runtimes are looked for). */
  readonly env: NodeJS.ProcessEnv;
  readonly paths: SystemPaths;
  readonly log: StepLog;
  readonly state: StateStore;
  readonly mask: (secret: string) => void;
  readonly setOutput: (name: string, value: string) => void;
  readonly exportVariable: (name: string, value: string) => void;
  readonly dockerd: DockerDaemon;
  readonly share: () => ShareBackend;
  /** The registry client, trusting the buildset registry's CA and knowing its credentials. */
  readonly registry: (access: BuildsetAccess) => Registry;
  /** Undefined when no GitHub API is at hand (the CLI outside GitHub without a token). */
  readonly github: () => GitHubClient | undefined;
  readonly now: () => Date;
  /** The host's addresses the job's containers can reach (certificate SANs). */
  readonly addresses: () => string[];
  /** A job summary section (a table, with an optional note below it). */
  readonly summary: (table: ReportTable) => Promise<void>;
  /** Checks the credential restriction on repositories post publishes to (see PublishDeps). */
  readonly checkWrites?: (targets: readonly WriteTarget[]) => void;
  /** Tests: run the registry on this docker network address instead of publishing a port. */
  readonly placement?: {readonly network: string; readonly ip: string};
}
