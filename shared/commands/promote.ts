import {loadCredentials} from '../runner/credentials.js';
import {type Reporter} from '../model/report.js';
import {type CommandIO, actionIO} from '../runner/io.js';
import {createRegistry} from '../runner/registry.js';
import {readChangeIndex} from '../change-index/store.js';
import {parseRepoName} from '../github/changes.js';
import {GitHubClient} from '../github/client.js';
import {checkWriteCredentials} from '../model/credentials.js';
import {formatReference} from '../model/reference.js';
import {readPromoteInputs} from '../inputs/promote.js';
import {promote, type PromoteResult} from '../promote/index.js';
import {type PromoteItem} from '../promote/plan.js';

/** The promote command: move the merged change's staged images to their final tags. */
export async function promoteAction(io: CommandIO = actionIO()): Promise<void> {
  const {reader, ctx} = io;
  const inputs = readPromoteInputs(reader, ctx);
  const store = loadCredentials(inputs.registryCredentials, io.env, io.mask);
  // The repository regexes are checked before any registry is touched, on the repositories
  // promote writes (final tags, change-tag deletion, cleanup); `registry` only names a credential.
  const credentials = checkWriteCredentials(
    inputs.images.map(image => ({
      field: `${image.field}.repository`,
      repository: image.repository,
      repositoryInput: image.repositoryInput,
      credentialKey: image.registry,
      credentialField: `${image.field}.registry`
    })),
    store,
    false
  );
  const registry = createRegistry(credentials, io, {githubToken: inputs.githubToken});
  // The registries are known now: their connections open while promote asks GitHub what merged.
  // Every tag of every image is read at once: its change tag beside its final tag.
  registry.warmUp(
    [
      ...inputs.images.map(image => image.repository.registry),
      ...(inputs.intermediateRegistry ? [inputs.intermediateRegistry.registry] : [])
    ],
    inputs.images.reduce((n, image) => n + 2 * image.tags.length, 0)
  );
  const repo = parseRepoName(ctx.repository);
  try {
    const result = await promote(inputs, {
      registry,
      ctx,
      log: io.log,
      ...(ctx.apiUrl && {
        github: new GitHubClient({
          apiUrl: ctx.apiUrl,
          ...(inputs.githubToken && {token: inputs.githubToken})
        })
      }),
      ...(repo && {repo}),
      readChangeIndex: key =>
        inputs.intermediateRegistry
          ? readChangeIndex(registry, inputs.intermediateRegistry, key)
          : Promise.resolve(undefined)
    });
    await report(result, io.report);
  } finally {
    registry.close();
  }
}

async function report(result: PromoteResult, reporter: Reporter): Promise<void> {
  const images = new Map<
    string,
    {repository: string; tags: string[]; digest: string; source: string}
  >();
  for (const item of result.items) {
    const key = `${formatReference(item.image.repository)} ${item.digest}`;
    const entry = images.get(key) ?? {
      repository: formatReference(item.image.repository),
      tags: [],
      digest: item.digest,
      source: formatReference(item.source)
    };
    entry.tags.push(item.final.tag);
    images.set(key, entry);
  }
  reporter.output('images', [...images.values()]);
  // The items themselves key the outcomes: no string keys to rebuild and match.
  const outcomes = new Map(result.promoted?.map(p => [p.item, p]));
  const status = (item: PromoteItem): string => {
    if (result.dryRun) return 'planned (dry run)';
    const done = outcomes.get(item);
    if (!done || item.state === 'done') return 'already promoted';
    return done.result === 'written' ? 'promoted' : 'already there';
  };
  const deleted = result.cleanup.flatMap(c => c.deleted.map(t => `${c.repository}:${t}`));
  const unknown = result.cleanup.flatMap(c => c.unknownAge.map(t => `${c.repository}:${t}`));
  const notes = [
    deleted.length > 0 && `Stale temporary tags deleted: ${deleted.join(', ')}`,
    unknown.length > 0 &&
      `Kept, staging time unknown (no staging record; a tag is never aged by its image's build date): ${unknown.join(', ')}`
  ].filter(note => note !== false);
  await reporter.table({
    heading: `imagegate promote${result.merged.change !== undefined ? ` of change #${result.merged.change}` : ''}`,
    header: ['image', 'tag', 'digest', 'source', 'result'],
    rows: result.items.map(item => [
      {code: formatReference(item.image.repository)},
      {code: item.final.tag},
      {code: item.digest},
      {code: formatReference(item.source)},
      status(item)
    ]),
    ...(notes.length > 0 && {note: notes.join('\n\n')})
  });
}
