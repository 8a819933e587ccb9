import {type BuiltImage, type ContainerEngine} from '../engine/engine.js';
import {type LineSink} from '../engine/command.js';
import {type BuildsetRegistryEnv, buildsetRepository} from '../model/buildset-env.js';
import {errorMessage} from '../model/errors.js';
import {type StepLog} from '../model/log.js';
import {familiarName, formatReference, withTag} from '../model/reference.js';
import {type SourceFacts, imageLabels} from './labels.js';
import {type ImagePlan} from './plan.js';
import {schedule} from './scheduler.js';
import {type SiblingsContext, prepareSiblings} from './siblings.js';

/** A reference pushed and the digest the registry reported for it. */
export interface PushRecord {
  readonly ref: string;
  readonly digest: string;
}

/** How one image of the list fared. */
export interface ImageResult {
  readonly plan: ImagePlan;
  readonly status: 'built' | 'failed' | 'skipped';
  readonly built?: BuiltImage;
  /** Why it failed or was skipped. */
  readonly error?: string;
  readonly seconds: number;
  readonly pushed: readonly PushRecord[];
}

/** Everything the build step needs; side effects come in through engine, log and clock. */
export interface BuildStepOptions {
  readonly plans: readonly ImagePlan[];
  readonly engine: ContainerEngine;
  readonly log: StepLog;
  readonly workspace: string;
  /** Scratch space (RUNNER_TEMP): per-build copies of contexts that get siblings. */
  readonly scratchDir: string;
  readonly facts: SourceFacts;
  readonly parallel: number;
  readonly buildExtraEnv: Readonly<Record<string, string>>;
  /** When set, every built image is also pushed there under its final names. */
  readonly buildset?: BuildsetRegistryEnv;
  /** buildx with several platforms pushes while building: the upload's targets per image. */
  readonly pushTargets?: (plan: ImagePlan) => readonly string[];
  /** Squash the layers each build adds into one (podman `--squash`). */
  readonly squash?: boolean;
  readonly clock?: () => number;
}

/**
 * Build every planned image, dependencies first and up to `parallel` at a time. A failing image
 * does not stop the others (its dependents are skipped); the caller decides how to report.
 */
export async function runBuildStep(options: BuildStepOptions): Promise<ImageResult[]> {
  const {plans, log} = options;
  const clock = options.clock ?? Date.now;
  const grouped = options.parallel === 1 || plans.length === 1;
  if (options.buildset?.username && options.buildset.password) {
    const {registry, username, password} = options.buildset;
    await options.engine.login(registry, username, password);
  }
  const results = new Map<number, ImageResult>();
  const outcomes = await schedule(
    plans.map(p => p.dependsOn),
    options.parallel,
    async i => {
      const plan = plans[i];
      const title = `${plan.image.field}: ${formatReference(plan.image.repository)}`;
      // A platform job's build: its own group, every line marked with the platform.
      const mark = plan.platform !== undefined ? `[${plan.platform}] ` : '';
      const started = clock();
      const work = async (sink: LineSink) => {
        try {
          const built = await buildImage(options, plan, sink);
          const pushed = options.buildset ? await pushToBuildset(options, plan, built, sink) : [];
          results.set(i, {
            plan,
            status: 'built',
            built,
            seconds: (clock() - started) / 1000,
            pushed
          });
        } catch (error) {
          results.set(i, {
            plan,
            status: 'failed',
            error: errorMessage(error),
            seconds: (clock() - started) / 1000,
            pushed: []
          });
          log.warning(`${title} failed: ${errorMessage(error)}`);
          throw error;
        }
      };
      if (grouped) {
        await log.group(`${mark}Building ${title}`, () => work(line => log.info(`${mark}${line}`)));
      } else if (plan.platform !== undefined) {
        // Concurrent builds cannot share live groups: a platform build's output is kept and
        // shown as a group of its own when it ends.
        const lines: string[] = [];
        log.info(`${mark}building ${title}`);
        try {
          await work(line => lines.push(`${mark}${line}`));
        } finally {
          const seconds = ((clock() - started) / 1000).toFixed(1);
          await log.group(`${mark}Building ${title} (${seconds} s)`, async () => {
            for (const line of lines) log.info(line);
          });
        }
      } else {
        const prefix = `${mark}[${familiarName(plan.image.repository)}]`;
        log.info(`${prefix} building ${title}`);
        await work(line => log.info(`${prefix} ${line}`));
        log.info(`${prefix} done in ${((clock() - started) / 1000).toFixed(1)} s`);
      }
    }
  );
  return outcomes.map((outcome, i) => {
    if (outcome.status === 'skipped') {
      const dep = plans[outcome.because].image;
      return {
        plan: plans[i],
        status: 'skipped',
        error: `not built: it is built FROM ${dep.field} (${formatReference(dep.repository)}), which failed`,
        seconds: 0,
        pushed: []
      };
    }
    return results.get(i) as ImageResult;
  });
}

async function buildImage(
  options: BuildStepOptions,
  plan: ImagePlan,
  sink: LineSink
): Promise<BuiltImage> {
  const {image} = plan;
  const {labels, overridden} = imageLabels(image.labels, options.facts);
  if (overridden.length > 0) {
    options.log.warning(
      `${image.field}.labels: ${overridden.join(', ')} ${overridden.length === 1 ? 'is' : 'are'} set by imagegate and cannot be overridden`
    );
  }
  const siblings: SiblingsContext | undefined =
    image.siblings.length > 0
      ? await prepareSiblings({
          workspace: options.workspace,
          contextDir: plan.contextDir,
          contextPath: image.path,
          ...(plan.file !== undefined && {file: plan.file}),
          siblings: image.siblings,
          scratchDir: options.scratchDir
        })
      : undefined;
  if (siblings?.outsideContext) {
    options.log.warning(
      `${image.field}.siblings: the build context "${image.path}" does not contain the context's .imagegate-siblings folder, so the build cannot see the siblings`
    );
  }
  const file = siblings ? siblings.file : plan.file;
  try {
    return await options.engine.build(
      {
        cwd: siblings?.cwd ?? plan.contextDir,
        contextPath: image.path,
        ...(file !== undefined && {file}),
        buildArgs: siblings ? [...image.buildArgs, siblings.buildArg] : image.buildArgs,
        ...(image.target !== undefined && {target: image.target}),
        labels,
        tags: plan.localTags,
        platforms: plan.platform !== undefined ? [plan.platform] : image.arch,
        env: options.buildExtraEnv,
        ...(options.squash && {squash: true}),
        ...(options.pushTargets && {pushTags: options.pushTargets(plan)})
      },
      sink
    );
  } finally {
    await siblings?.remove();
  }
}

/**
 * Buildset registry: `<registry>/<final host>/<final path>:<final tag>`, every tag; a platform
 * job's build only under its record tag, for the merge to assemble.
 */
export function buildsetTargets(plan: ImagePlan, registry: string): string[] {
  // Zuul's layout: docker.io images un-namespaced, so dockerd's registry-mirrors finds them.
  const repo = buildsetRepository(registry, plan.image.repository);
  const tags = plan.recordTag !== undefined ? [plan.recordTag] : plan.image.tags;
  return tags.map(tag => formatReference(withTag(repo, tag)));
}

async function pushToBuildset(
  options: BuildStepOptions,
  plan: ImagePlan,
  built: BuiltImage,
  sink: LineSink
): Promise<PushRecord[]> {
  const pushed: PushRecord[] = [];
  for (const ref of buildsetTargets(plan, (options.buildset as BuildsetRegistryEnv).registry)) {
    pushed.push({ref, digest: await options.engine.push(built, ref, sink)});
    sink(`pushed ${ref}@${pushed[pushed.length - 1].digest} to the buildset registry`, 'stdout');
  }
  return pushed;
}
