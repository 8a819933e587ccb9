import {type CommandRunner} from '../engine/command.js';
import {type ChangeIdentity} from '../model/change.js';
import {type StepLog} from '../model/log.js';
import {type SourceFacts} from './labels.js';

/** What the step knows about where it runs, for the labels. */
export interface SourceContext {
  readonly workingDirectory: string;
  readonly identity: ChangeIdentity;
  /** `owner/repo` and the server URL, for `org.opencontainers.image.source`. */
  readonly repository?: string;
  readonly serverUrl: string;
  readonly now: Date;
}

/**
 * Gather the label facts once per step. The revision and tree come from git in the working
 * directory (what was really built, e.g. a PR's merge commit), not from the event.
 */
export async function readSourceFacts(
  runner: CommandRunner,
  context: SourceContext,
  log: StepLog
): Promise<SourceFacts> {
  const git = async (rev: string): Promise<string | undefined> => {
    const r = await runner.run({
      command: 'git',
      args: ['-C', context.workingDirectory, 'rev-parse', '--verify', rev]
    });
    return r.code === 0 ? r.stdout.trim() : undefined;
  };
  const revision = await git('HEAD');
  const sourceTree = revision ? await git('HEAD^{tree}') : undefined;
  if (!revision || !sourceTree) {
    log.warning(
      `${context.workingDirectory} is not a git checkout: the images get no revision and source-tree labels, so promote cannot verify them`
    );
  }
  const {identity} = context;
  return {
    ...(revision && {revision}),
    ...(sourceTree && {sourceTree}),
    ...(context.repository && {source: `${context.serverUrl}/${context.repository}`}),
    created: context.now.toISOString().replace(/\.[0-9]{3}Z$/, 'Z'),
    ...(identity.change !== undefined && {change: identity.change}),
    ...(identity.url && {changeUrl: identity.url})
  };
}
