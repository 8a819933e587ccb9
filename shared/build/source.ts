import {type CommandRunner} from '../engine/command.js';
import {type ChangeIdentity, changeUrl} from '../model/change.js';
import {type SourceFacts} from './labels.js';

/** What the step knows about where it runs, for the labels and the change index. */
export interface SourceContext {
  readonly workingDirectory: string;
  readonly identity: ChangeIdentity;
  /** `owner/repo` and the server URL, for `org.opencontainers.image.source` and the change URL. */
  readonly repository?: string;
  readonly serverUrl: string;
  readonly now: Date;
}

/**
 * The one source of truth for what a run builds from, gathered once per step and used by the
 * labels (build, upload), upload's change index and the buildset post step's change index. The
 * revision and tree come from git in the working directory (what was really built, e.g. a pull
 * request's merge commit), never from the event; the change and its URL from the identity.
 */
export async function readSourceFacts(
  runner: CommandRunner,
  context: SourceContext
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
  const {change} = context.identity;
  const url = changeUrl(context.serverUrl, context.repository, change);
  return {
    ...(revision && sourceTree && {revision, sourceTree}),
    ...(context.repository && {source: `${context.serverUrl}/${context.repository}`}),
    created: context.now.toISOString().replace(/\.[0-9]{3}Z$/, 'Z'),
    ...(change !== undefined && {change}),
    ...(url && {changeUrl: url})
  };
}
