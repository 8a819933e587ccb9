import {readFileSync} from 'node:fs';
import {mkdir} from 'node:fs/promises';
import {join} from 'node:path';
import {type CommandRunner, runChecked} from '../engine/command.js';
import {inspectCommand, parseInspect, saveCommand} from '../engine/image-files.js';
import {nativePlatform} from '../engine/platform.js';
import {type EngineProfile} from '../engine/profile.js';
import {type StepLog} from '../model/log.js';
import {platformSlug} from '../model/platform-records.js';
import {familiarName} from '../model/reference.js';
import {finalBaseImage} from './dockerfile.js';
import {type SourceFacts, imageLabels} from './labels.js';
import {type ImagePlan} from './plan.js';
import {type ImageResult} from './step.js';

/** The image a build started from, as the local store knows it. */
export interface BaseImageInfo {
  /** As the Dockerfile names it (after ARG substitution). */
  readonly name: string;
  /** The manifest digest it was pulled (or pushed) by, when the store knows one. */
  readonly digest?: string;
  readonly imageId?: string;
}

/** What the build record of one build holds beyond its result. */
export interface BuildDetails {
  readonly labels: Readonly<Record<string, string>>;
  /** Undefined for `FROM scratch`. */
  readonly baseImage?: BaseImageInfo;
  /** With `archive: true`: the OCI layout tarball of each platform image. */
  readonly archives?: readonly {readonly platform: string; readonly path: string}[];
}

/** Side effects and settings for gathering details. */
export interface DetailOptions {
  readonly runner: CommandRunner;
  readonly profile: EngineProfile;
  readonly facts: SourceFacts;
  readonly log: StepLog;
  /** Where archives go; undefined: no archives. */
  readonly archiveDir?: string;
}

/**
 * For every built image: the labels it got, its base image's identity (best effort: a base the
 * store does not list, e.g. one BuildKit pulled into its own cache, has a name only) and, when
 * asked, an OCI layout tarball per platform image.
 */
export async function gatherDetails(
  results: readonly ImageResult[],
  options: DetailOptions
): Promise<Map<ImagePlan, BuildDetails>> {
  const details = new Map<ImagePlan, BuildDetails>();
  if (options.archiveDir) await mkdir(options.archiveDir, {recursive: true});
  for (const result of results) {
    if (result.status !== 'built' || !result.built) continue;
    const {plan} = result;
    const {labels} = imageLabels(plan.image.labels, options.facts);
    const baseImage = await inspectBase(plan, options);
    const archives = options.archiveDir
      ? await saveArchives(result, options.archiveDir, options)
      : undefined;
    details.set(plan, {labels, ...(baseImage && {baseImage}), ...(archives && {archives})});
  }
  return details;
}

async function inspectBase(
  plan: ImagePlan,
  options: DetailOptions
): Promise<BaseImageInfo | undefined> {
  const name = finalBaseImage(
    readFileSync(plan.dockerfile, 'utf8'),
    plan.image.buildArgs,
    plan.image.target
  );
  if (name === undefined) return undefined;
  const result = await options.runner.run(inspectCommand(options.profile, name));
  if (result.code !== 0) return {name};
  const repository = name.replace(/(@.*|:[^:/]*)$/, '');
  return {name, ...parseInspect(result.stdout, repository)};
}

async function saveArchives(
  result: ImageResult,
  dir: string,
  options: DetailOptions
): Promise<{platform: string; path: string}[]> {
  const {plan} = result;
  const built = result.built!;
  // docker without buildx keeps one local image per platform; otherwise one image was built.
  const images = built.platformImages ?? [
    {
      platform: plan.platform ?? plan.image.arch[0] ?? nativePlatform(),
      ref: built.localTags[0]
    }
  ];
  const out: {platform: string; path: string}[] = [];
  for (const {platform, ref} of images) {
    const name = `${familiarName(plan.image.repository).replace(/[/:]/g, '_')}_${plan.image.tags[0]}_${platformSlug(platform)}.tar`;
    const path = join(dir, name);
    await options.log.group(`Saving ${ref} (${platform}) as ${path}`, async () => {
      await runChecked(options.runner, saveCommand(options.profile, ref, path), line =>
        options.log.info(line)
      );
    });
    out.push({platform, path});
  }
  return out;
}
