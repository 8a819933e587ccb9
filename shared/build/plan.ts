import {existsSync, readFileSync, realpathSync, statSync} from 'node:fs';
import {join, relative, sep} from 'node:path';
import {type ChangeIdentity, changeTag} from '../model/change.js';
import {type ContainerImage} from '../model/container-images.js';
import {InputError, InputErrors} from '../model/errors.js';
import {formatReference, withTag} from '../model/reference.js';
import {baseImages} from './dockerfile.js';
import {checkAcyclic, dependencies} from './order.js';
import {SIBLINGS_DIR} from './siblings.js';

/** One image, checked against the filesystem and ready to build. */
export interface ImagePlan {
  readonly image: ContainerImage;
  /** Absolute context directory (`<working-directory>/<context>`). */
  readonly contextDir: string;
  /** `-f` relative to the context, when one is configured. */
  readonly file?: string;
  /** The Dockerfile the engine will read (for messages and FROM ordering). */
  readonly dockerfile: string;
  /** `<repo>:<tag>` and `<repo>:<change tag>` for every tag, full references. */
  readonly localTags: readonly string[];
  /** Indexes of images of the list this one is built FROM. */
  readonly dependsOn: readonly number[];
  /** A platform job's build of one platform of the image (see platform-plans.ts). */
  readonly platform?: string;
  /** The per-platform record tag this build is pushed under (platform jobs only). */
  readonly recordTag?: string;
}

/** What plan() needs to know beyond the images. */
export interface PlanOptions {
  readonly images: readonly ContainerImage[];
  readonly identity: ChangeIdentity;
  readonly workingDirectory: string;
  /** Siblings are relative to the workspace. */
  readonly workspace: string;
  readonly containerFilename?: string;
  readonly command: 'docker' | 'podman';
}

/** The tags an image gets locally: each final tag and its change tag, as Zuul does. */
export function localTagsOf(image: ContainerImage, identity: ChangeIdentity): string[] {
  return image.tags.flatMap(tag => [tag, changeTag(identity, tag)]);
}

/**
 * Check every image against the filesystem before anything builds (context inside the working
 * directory also after symlinks, Dockerfile present, no leftover siblings folder, siblings
 * present) and order the images by FROM. Throws InputErrors listing every problem.
 */
export function planBuilds(options: PlanOptions): ImagePlan[] {
  const errors: InputError[] = [];
  const root = realOrSelf(options.workingDirectory);
  const partial = options.images.map(image => checkImage(image, options, root, errors));
  if (errors.length > 0) throw new InputErrors(errors);
  const ready = partial as {contextDir: string; file?: string; dockerfile: string}[];
  const tagsOf = (image: ContainerImage) => localTagsOf(image, options.identity);
  const bases = ready.map((p, i) =>
    baseImages(readFileSync(p.dockerfile, 'utf8'), options.images[i].buildArgs)
  );
  const deps = dependencies(options.images, bases, tagsOf);
  checkAcyclic(options.images, deps);
  return options.images.map((image, i) => ({
    image,
    ...ready[i],
    localTags: tagsOf(image).map(t => formatReference(withTag(image.repository, t))),
    dependsOn: deps[i]
  }));
}

function checkImage(
  image: ContainerImage,
  options: PlanOptions,
  root: string,
  errors: InputError[]
): {contextDir: string; file?: string; dockerfile: string} | undefined {
  const at = (key: string) => `${image.field}.${key}`;
  const contextDir = join(options.workingDirectory, image.context ?? '.');
  if (!isDirectory(contextDir)) {
    errors.push(
      new InputError(at('context'), `"${image.context}" is not a directory (${contextDir})`)
    );
    return undefined;
  }
  if (!inside(root, realOrSelf(contextDir))) {
    errors.push(
      new InputError(
        at('context'),
        `"${image.context}" leaves the working directory through a symbolic link`
      )
    );
    return undefined;
  }
  const buildContext = join(contextDir, image.path);
  if (!isDirectory(buildContext) || !inside(root, realOrSelf(buildContext))) {
    errors.push(
      new InputError(
        at('path'),
        `"${image.path}" is not a directory inside the working directory (${buildContext})`
      )
    );
    return undefined;
  }
  const file = image.containerFilename ?? options.containerFilename;
  const candidates =
    file !== undefined
      ? [join(contextDir, file)]
      : options.command === 'podman'
        ? [join(buildContext, 'Containerfile'), join(buildContext, 'Dockerfile')]
        : [join(buildContext, 'Dockerfile')];
  const dockerfile = candidates.find(f => existsSync(f) && statSync(f).isFile());
  if (dockerfile === undefined) {
    const field = image.containerFilename !== undefined ? at('container_filename') : image.field;
    errors.push(new InputError(field, `no ${file ?? 'Dockerfile'} at ${candidates.join(' or ')}`));
  } else if (!inside(root, realOrSelf(dockerfile))) {
    errors.push(
      new InputError(
        at('container_filename'),
        `${dockerfile} leaves the working directory through a symbolic link`
      )
    );
  }
  if (existsSync(join(contextDir, SIBLINGS_DIR))) {
    errors.push(
      new InputError(
        at('context'),
        `${join(contextDir, SIBLINGS_DIR)} already exists; imagegate gives each build its own ${SIBLINGS_DIR} (in a copy of the context), so it must not be part of the checkout`
      )
    );
  }
  image.siblings.forEach((s, i) => {
    if (!existsSync(join(options.workspace, s))) {
      errors.push(
        new InputError(
          `${at('siblings')}[${i}]`,
          `"${s}" does not exist in the workspace (${join(options.workspace, s)})`
        )
      );
    }
  });
  if (dockerfile === undefined) return undefined;
  return {contextDir, ...(file !== undefined && {file}), dockerfile};
}

function isDirectory(path: string): boolean {
  return existsSync(path) && statSync(path).isDirectory();
}

function realOrSelf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !rel.startsWith(sep));
}
