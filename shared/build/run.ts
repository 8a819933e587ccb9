import {type RunnerContext} from '../model/runner-context.js';
import {mkdtempSync} from 'node:fs';
import {join} from 'node:path';
import {type CommandRunner} from '../engine/command.js';
import {detectEngine} from '../engine/detect.js';
import {ContainerEngine, type ContainerEngineOptions} from '../engine/engine.js';
import {describeProfile, type RegistryAccess} from '../engine/profile.js';
import {type Sleep} from '../engine/retry.js';
import {type BuildInputs} from '../inputs/build.js';
import {type BuildsetRegistryEnv, readBuildsetRegistryEnv} from '../model/buildset-env.js';
import {type StepLog} from '../model/log.js';
import {formatReference, isLoopbackHost} from '../model/reference.js';
import {checkArchivable} from './archive-check.js';
import {type BuildDetails, gatherDetails} from './details.js';
import {type ImagePlan, planBuilds} from './plan.js';
import {type ExcludedImage, selectPlatforms} from './platform-plans.js';
import {type SourceFacts} from './labels.js';
import {readSourceFacts} from './source.js';
import {type ImageResult, runBuildStep} from './step.js';

/** Side effects of a build, injected (the action passes the real ones). */
export interface BuildDeps {
  readonly runner: CommandRunner;
  readonly log: StepLog;
  readonly env: NodeJS.ProcessEnv;
  readonly now: () => Date;
  readonly sleep?: Sleep;
  /** Tag-only delete of a temporary per-platform tag (see ContainerEngineOptions.removeTag). */
  readonly removeTag?: (ref: string) => Promise<void>;
  /** Index writer through the registry API (see ContainerEngineOptions.writeIndex). */
  readonly writeIndex?: ContainerEngineOptions['writeIndex'];
}

/** A finished build: the engine (still holding its temporary login) and every image's result. */
export interface BuildRun {
  readonly engine: ContainerEngine;
  readonly plans: readonly ImagePlan[];
  readonly results: readonly ImageResult[];
  readonly buildset?: BuildsetRegistryEnv;
  /** What the labels said (revision, tree, ...), for the change index. */
  readonly facts: SourceFacts;
  /** A platform job: the entries it does not build (none of their platforms is its). */
  readonly excluded: readonly ExcludedImage[];
  /** Labels, base image and archives of each build, for the build records. */
  readonly details: ReadonlyMap<ImagePlan, BuildDetails>;
  /** This step's folder for the build records file and the archives. */
  readonly outputDir: string;
}

/**
 * Check the files, detect the engine, read the label facts and build everything. The caller
 * must `engine.dispose()` (upload pushes with it first). Input problems throw before any build.
 */
export async function executeBuild(
  inputs: BuildInputs,
  ctx: RunnerContext,
  deps: BuildDeps,
  extra: {
    pushTargets?: (plan: ImagePlan) => readonly string[];
    beforeBuild?: (engine: ContainerEngine) => Promise<void>;
  } = {}
): Promise<BuildRun> {
  const whole = planBuilds({
    images: inputs.images,
    identity: inputs.identity,
    workingDirectory: inputs.workingDirectory,
    workspace: ctx.workspace,
    ...(inputs.containerFilename !== undefined && {containerFilename: inputs.containerFilename}),
    command: inputs.containerCommand
  });
  const {plans, excluded} = selectPlatforms(whole, inputs.platforms ?? [], inputs.identity);
  const profile = await detectEngine(inputs.containerCommand, {runner: deps.runner, env: deps.env});
  deps.log.info(`Container engine: ${describeProfile(profile)} (${profile.reason})`);
  if (inputs.archive) await checkArchivable(plans, profile, deps.runner);
  if (inputs.platforms?.length) {
    deps.log.info(`Platform job: building ${inputs.platforms.join(', ')} only`);
    for (const {image, reason} of excluded)
      deps.log.info(
        `${image.field} (${formatReference(image.repository)}) is not built here: ${reason}`
      );
  }
  const buildset = readBuildsetRegistryEnv(deps.env);
  const access = (registry: string): RegistryAccess => ({
    insecure: isLoopbackHost(registry),
    ...(buildset?.certDir && registry === buildset.registry && {certDir: buildset.certDir})
  });
  const engine = new ContainerEngine({
    runner: deps.runner,
    profile,
    tmpDir: ctx.runnerTemp,
    access,
    log: m => deps.log.warning(m),
    ...(deps.sleep && {sleep: deps.sleep}),
    ...(deps.removeTag && {removeTag: deps.removeTag}),
    ...(deps.writeIndex && {writeIndex: deps.writeIndex})
  });
  try {
    if (buildset)
      deps.log.info(`Buildset registry ${buildset.registry}: built images are pushed there too`);
    await extra.beforeBuild?.(engine);
    const facts = await readSourceFacts(deps.runner, {
      workingDirectory: inputs.workingDirectory,
      identity: inputs.identity,
      ...(ctx.repository && {repository: ctx.repository}),
      serverUrl: ctx.serverUrl,
      now: deps.now()
    });
    if (!facts.revision) {
      deps.log.warning(
        `${inputs.workingDirectory} is not a git checkout: the images get no revision and source-tree labels, so promote cannot verify them`
      );
    }
    const results = await runBuildStep({
      plans,
      engine,
      log: deps.log,
      workspace: ctx.workspace,
      scratchDir: ctx.runnerTemp,
      facts,
      parallel: inputs.parallel,
      buildExtraEnv: inputs.buildExtraEnv,
      ...(buildset && {buildset}),
      ...(extra.pushTargets && {pushTargets: extra.pushTargets}),
      ...(inputs.squash && {squash: true})
    });
    const outputDir = mkdtempSync(join(ctx.runnerTemp, 'imagegate-build-'));
    const details = await gatherDetails(results, {
      runner: deps.runner,
      profile,
      facts,
      log: deps.log,
      ...(inputs.archive && {archiveDir: join(outputDir, 'archives')})
    });
    return {
      engine,
      plans,
      results,
      facts,
      excluded,
      details,
      outputDir,
      ...(buildset && {buildset})
    };
  } catch (error) {
    await engine.dispose();
    throw error;
  }
}
