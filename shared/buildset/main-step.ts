import {existsSync} from 'node:fs';
import {writeFile} from 'node:fs/promises';
import {join} from 'node:path';
import {type RunnerContext} from '../model/runner-context.js';
import {readChangeIndex} from '../change-index/store.js';
import {parseRepoName} from '../github/changes.js';
import {collectDependencies} from '../github/depends-on.js';
import {type BuildsetRegistryInputs} from '../inputs/buildset-registry.js';
import {BuildsetEnv} from '../model/buildset-env.js';
import {DOCKER_HUB} from '../model/reference.js';
import {configureRuntimes, detectRuntimes} from './configure/configure.js';
import {type Runtime} from '../inputs/buildset-registry.js';
import {waitForRegistry} from './start/container.js';
import {type BuildsetDeps} from './deps.js';
import {FileEditJournal} from './configure/file-edits.js';
import {systemFs} from './system-fs.js';
import {type SpeculativeImage, populateFromChanges} from './share/populate.js';
import {rootBody} from './root-change.js';
import {partKeys, shareKeys} from './share/share.js';
import {snapshotTags} from './publish/snapshot.js';
import {type StartedRegistry, prepareRegistry} from './start/start.js';
import {type BuildsetState, saveBuildsetState} from './state.js';

/** What main did, for tests and the summary. */
export interface MainResult {
  readonly registry: StartedRegistry;
  readonly speculative: readonly SpeculativeImage[];
  readonly startupMs: number;
}

/** The fixed root under RUNNER_TEMP: the cache path must be equal in every job that shares. */
export function buildsetRoot(ctx: RunnerContext): string {
  return join(ctx.runnerTemp, 'imagegate-buildset');
}

/**
 * The main step: restore shared storage, start the registry, publish its coordinates, configure
 * the runtimes, populate it with the changes ahead, and snapshot its tags for post. State is
 * saved after every resource created, so post can clean up after a failure anywhere.
 */
export async function buildsetMain(
  inputs: BuildsetRegistryInputs,
  ctx: RunnerContext,
  deps: BuildsetDeps
): Promise<MainResult> {
  const rootDir = buildsetRoot(ctx);
  if (existsSync(join(rootDir, 'secret'))) {
    throw new Error(`${rootDir} exists: a buildset registry already runs in this job`);
  }
  let state: BuildsetState = {
    version: 1,
    rootDir,
    storageDir: join(rootDir, 'storage'),
    engine: inputs.containerCommand,
    containers: [],
    edits: [],
    namespaces: inputs.namespaces,
    share: inputs.share,
    ...(inputs.share === 'save' && inputs.shareParts?.[0] && {sharePart: inputs.shareParts[0]}),
    ...(inputs.intermediateRegistry && {
      intermediate: [inputs.intermediateRegistry.registry, inputs.intermediateRegistry.path]
        .filter(p => p !== '')
        .join('/')
    }),
    mainCompleted: false
  };
  const update = (change: Partial<BuildsetState>) => {
    state = {...state, ...change};
    saveBuildsetState(deps.state, state);
  };
  update({});

  const started = Date.now();
  if (inputs.share === 'restore')
    await restoreShare(deps, ctx, state.storageDir, inputs.shareParts ?? []);
  // Running the registry with docker proves the daemon that detection would ask for. Detection
  // starts after the container does, unless a podman-run registry with the default `configure`
  // must know first whether dockerd (and so the mirror twin) is there.
  const dockerKnown = inputs.containerCommand === 'docker';
  let detected: Promise<readonly Runtime[]> | undefined;
  const runtimes = (): Promise<readonly Runtime[]> =>
    inputs.configure
      ? Promise.resolve(inputs.configure)
      : (detected ??= detectRuntimes(deps, dockerKnown));
  const mirrorHub =
    inputs.namespaces.includes(DOCKER_HUB) &&
    (inputs.configure
      ? inputs.configure.includes('docker')
      : dockerKnown || (await runtimes()).includes('docker'));

  const registry = await prepareRegistry(deps, {
    rootDir,
    storageDir: state.storageDir,
    image: inputs.registryImage,
    engine: inputs.containerCommand,
    withMirror: mirrorHub,
    onContainer: name => update({containers: [...state.containers, name]})
  });
  update({
    registry: registry.registry,
    passwordFile: registry.passwordFile,
    caCert: registry.caCertFile
  });
  publishCoordinates(deps, registry);
  let startupMs = 0;
  const launch = async () => {
    await registry.launch();
    startupMs = Date.now() - started;
    deps.log.info(`Buildset registry ${registry.registry} answered after ${startupMs} ms`);
  };

  const journal = new FileEditJournal(systemFs(deps.runner), join(rootDir, 'backups'), [], edits =>
    update({edits})
  );
  const configure = async () => {
    const configured = await configureRuntimes(deps, journal, {
      runtimes: await runtimes(),
      namespaces: inputs.namespaces,
      endpoint: registry,
      caCertFile: registry.caCertFile,
      rootDir,
      restartDocker: inputs.restartDocker,
      onBuilder: builder => update({builder})
    });
    update({...(configured.dockerMirror && {dockerMirror: configured.dockerMirror})});
    return configured;
  };
  if (inputs.restartDocker && (await runtimes()).includes('docker')) {
    // A dockerd restart must not race the container's start: one after the other.
    await launch();
    const configured = await configure();
    if (configured.dockerMirror) {
      // The restart stopped our container; --restart=always brings it back, but not the twin.
      await waitForRegistry(`https://${registry.registry}`, registry.caCert, 401, 60_000);
      await registry.restartMirror();
    }
  } else {
    // Nothing a runtime is told needs the registry to answer yet (dockerd takes a mirror that
    // is still starting), so configuring overlaps the container's start; launch comes first,
    // so the container's start is not queued behind the detection's commands.
    await allOf([launch(), configure()]);
  }

  const speculative = await populate(inputs, ctx, deps, registry);
  const snapshotFile = join(rootDir, 'snapshot.json');
  await writeFile(snapshotFile, JSON.stringify(await snapshotTags(state.storageDir)));
  update({snapshotFile, mainCompleted: true});
  return {registry, speculative, startupMs};
}

function publishCoordinates(deps: BuildsetDeps, r: StartedRegistry): void {
  const outputs: Record<string, string> = {
    host: r.host,
    port: String(r.port),
    url: r.registry,
    username: r.username,
    password: r.password,
    'ca-cert': r.caCertFile
  };
  for (const [name, value] of Object.entries(outputs)) deps.setOutput(name, value);
  deps.exportVariable(BuildsetEnv.Registry, r.registry);
  deps.exportVariable(BuildsetEnv.Username, r.username);
  deps.exportVariable(BuildsetEnv.Password, r.password);
  deps.exportVariable(BuildsetEnv.CertDir, r.certDir);
}

async function restoreShare(
  deps: BuildsetDeps,
  ctx: RunnerContext,
  storageDir: string,
  parts: readonly string[]
) {
  // The parts of a distributed build: each platform job's storage, restored into one. Their
  // blobs are content-addressed and their tags are per-platform records, so nothing collides.
  for (const part of parts) {
    const {key, prefixes} = partKeys(ctx.runId ?? 'local', ctx.runAttempt, part);
    const used = await deps.share().restore(storageDir, key, prefixes);
    if (used) deps.log.info(`Restored part ${part} of the registry storage (${used})`);
    else deps.log.warning(`share: restore found no storage saved for part ${part} (${key})`);
  }
  if (parts.length > 0) return;
  const {key, prefixes} = shareKeys(ctx.runId ?? 'local', ctx.runAttempt);
  const used = await deps.share().restore(storageDir, key, prefixes);
  if (used) deps.log.info(`Restored the shared registry storage saved as ${used}`);
  else deps.log.warning(`share: restore found no saved registry storage (${key}); starting empty`);
}

async function populate(
  inputs: BuildsetRegistryInputs,
  ctx: RunnerContext,
  deps: BuildsetDeps,
  r: StartedRegistry
): Promise<SpeculativeImage[]> {
  const location = inputs.intermediateRegistry;
  const repo = parseRepoName(ctx.repository);
  const change = inputs.identity.change;
  if (!location || !repo || change === undefined) return [];
  const root = {...repo, change};
  const github = deps.github();
  if (!github) {
    deps.log.warning(
      'Depends-On is not followed: no GitHub API at hand (outside GitHub, set GITHUB_API_URL or give --github-token)'
    );
    return [];
  }
  const graph = await collectDependencies(github, root, rootBody(ctx, change));
  if (graph.dependencies.length === 0 && graph.unreadable.length === 0) {
    deps.log.info('No Depends-On changes: nothing speculative to add');
    return [];
  }
  const engine = deps.registry({...r});
  try {
    const images = await populateFromChanges(
      {registry: engine, log: deps.log, readIndex: key => readChangeIndex(engine, location, key)},
      graph,
      r.registry,
      inputs.requireDependencies
    );
    if (images.length > 0) {
      await deps.summary({
        heading: 'Speculative images',
        header: ['Image', 'Digest', 'From change'],
        rows: images.map(i => [{code: i.image}, {code: i.digest}, i.change])
      });
    }
    return images;
  } finally {
    engine.close();
  }
}

/** Wait for every task, also when one fails early; then throw the first failure. */
async function allOf(tasks: readonly Promise<unknown>[]): Promise<void> {
  const settled = await Promise.allSettled(tasks);
  const failed = settled.find(r => r.status === 'rejected');
  if (failed) throw failed.reason;
}
