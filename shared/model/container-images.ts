import {posix} from 'node:path';
import {InputError, InputErrors} from './errors.js';
import {
  capture,
  optionalString,
  pushIf,
  quoteHint,
  stringList,
  templateProblem
} from './entry-fields.js';
import {tagProblem} from './grammar.js';
import {quoteOutside} from './outside-text.js';
import {absolutePathProblem, confinedPathProblem} from './paths.js';
import {formatReference, parseRepositoryName, type RepositoryName} from './reference.js';
import {
  describeType,
  isMapping,
  parseStructuredInput,
  unknownKeyErrors
} from './structured-input.js';

/** One entry of `container-images`, validated and with defaults applied. */
export interface ContainerImage {
  /** Where the entry came from, e.g. `container-images[2]`, for messages. */
  readonly field: string;
  /** Build directory relative to the working directory (Zuul's `context`). */
  readonly context?: string;
  /** Build-context argument relative to `context` (default `.`). */
  readonly path: string;
  readonly containerFilename?: string;
  /** Key into the registry credentials; defaults to the repository's host. */
  readonly registry: string;
  /** The repository as the user wrote it (credential regexes match this, as in Zuul). */
  readonly repositoryInput: string;
  readonly repository: RepositoryName;
  readonly tags: readonly string[];
  readonly buildArgs: readonly string[];
  readonly target?: string;
  readonly siblings: readonly string[];
  readonly labels: Readonly<Record<string, string>>;
  /** Platforms such as `linux/arm64`; empty means the builder's native platform. */
  readonly arch: readonly string[];
}

export interface ParseContainerImagesOptions {
  /** Input name used in messages (default `container-images`). */
  readonly field?: string;
  /** Build and upload need `context`; promote does not. */
  readonly requireContext?: boolean;
  /** Told about keys that are accepted but do nothing here (Zuul's Quay repository keys). */
  readonly warn?: (field: string, message: string) => void;
}

/**
 * Keys of Zuul lists that only its ensure-quay-repo role reads (to create the repository on
 * Quay); imagegate pushes into repositories that exist, so they are accepted and ignored.
 */
const IGNORED_KEYS = ['namespace', 'repo_shortname', 'repo_description', 'visibility'] as const;

const KEYS = [
  'context',
  'path',
  'container_filename',
  'registry',
  'repository',
  'tags',
  'build_args',
  'target',
  'siblings',
  'labels',
  'arch',
  // docker_images' name for container_filename, accepted as is.
  'dockerfile',
  ...IGNORED_KEYS
] as const;

/** Names users bring from build-push-action and friends. */
const KEY_ALIASES: Record<string, string> = {
  file: 'container_filename',
  containerfile: 'container_filename',
  buildargs: 'build_args',
  build_arg: 'build_args',
  platforms: 'arch',
  platform: 'arch',
  image: 'repository',
  name: 'repository',
  tag: 'tags',
  label: 'labels'
};

const BUILD_ARG_RE = /^[A-Za-z_][A-Za-z0-9_]*=/;
const LABEL_KEY_RE = /^[A-Za-z0-9][A-Za-z0-9._/-]*$/;
/** `os/arch[/variant]`, lower case, as `arch` entries and `platforms` inputs are written. */
export const PLATFORM_RE = /^[a-z0-9]+\/[a-z0-9_]+(?:\/[a-z0-9]+)?$/;
/** A Dockerfile stage name (what `FROM ... AS <name>` accepts). */
const TARGET_RE = /^[A-Za-z][A-Za-z0-9_.-]{0,127}$/;

/**
 * A value that reaches the engine's argv (build-context path, file, target, tag, build arg) must
 * not look like an option: `path: --volume=/:/host` would be read by podman as a flag.
 */
function optionProblem(value: string): string | undefined {
  return value.trimStart().startsWith('-')
    ? `${quoteOutside(value)} starts with "-", which the container engine would read as an option`
    : undefined;
}

/**
 * Parse and validate the `container-images` input (YAML or JSON text). Collects every problem and
 * throws InputErrors whose messages name the exact field, e.g.
 * `container-images[2].tags[0]: "Latest!" is not a valid tag`.
 */
export function parseContainerImages(
  text: string,
  options: ParseContainerImagesOptions = {}
): ContainerImage[] {
  const field = options.field ?? 'container-images';
  const value = parseStructuredInput(text, field);
  if (!Array.isArray(value)) {
    throw new InputError(field, `must be a list of images, got ${describeType(value)}`);
  }
  if (value.length === 0) throw new InputError(field, 'must list at least one image');
  const errors: InputError[] = [];
  const images: ContainerImage[] = [];
  value.forEach((entry, i) => {
    const image = parseEntry(entry, `${field}[${i}]`, options, errors);
    if (image) images.push(image);
  });
  for (const e of duplicateTags(images)) errors.push(e);
  if (errors.length > 0) throw new InputErrors(errors);
  return images;
}

function parseEntry(
  entry: unknown,
  field: string,
  options: ParseContainerImagesOptions,
  errors: InputError[]
): ContainerImage | undefined {
  if (!isMapping(entry)) {
    errors.push(
      new InputError(
        field,
        `must be a mapping with at least "repository", got ${describeType(entry)}`
      )
    );
    return undefined;
  }
  const before = errors.length;
  for (const e of unknownKeyErrors(entry, KEYS, KEY_ALIASES, field)) errors.push(e);
  const at = (key: string): string => `${field}.${key}`;
  for (const key of IGNORED_KEYS) {
    if (key in entry)
      options.warn?.(at(key), 'is read by Zuul to create a Quay repository; imagegate ignores it');
  }
  const context = optionalString(entry, 'context', field, errors);
  if (context === undefined && options.requireContext && !('context' in entry)) {
    errors.push(
      new InputError(
        at('context'),
        'is required to build an image (a directory relative to the working directory)'
      )
    );
  }
  const contextProblem =
    context !== undefined ? (optionProblem(context) ?? confinedPathProblem(context)) : undefined;
  pushIf(errors, at('context'), contextProblem);
  const path = optionalString(entry, 'path', field, errors) ?? '.';
  // `path` is relative to the context; report it only when the context itself is fine.
  if (contextProblem === undefined) {
    pushIf(errors, at('path'), optionProblem(path) ?? contextRelativeProblem(path, context));
  }
  const containerFilename = readContainerFilename(entry, field, errors);
  if (containerFilename !== undefined) {
    pushIf(
      errors,
      at(containerFilename.key),
      optionProblem(containerFilename.value) ??
        contextRelativeProblem(containerFilename.value, context)
    );
  }
  const repositoryInput = optionalString(entry, 'repository', field, errors);
  let repository: RepositoryName | undefined;
  if (repositoryInput === undefined) {
    if (!('repository' in entry))
      errors.push(new InputError(at('repository'), 'is required (e.g. "quay.io/org/app")'));
  } else {
    repository = capture(errors, () => parseRepositoryName(repositoryInput, at('repository')));
  }
  const registry = optionalString(entry, 'registry', field, errors) ?? repository?.registry ?? '';
  const tags = stringList(entry, 'tags', field, errors, ['latest']);
  tags.forEach((tag, i) => pushIf(errors, `${at('tags')}[${i}]`, tagProblem(tag)));
  const buildArgs = stringList(entry, 'build_args', field, errors, []);
  buildArgs.forEach((arg, i) => {
    if (!BUILD_ARG_RE.test(arg)) {
      errors.push(
        new InputError(`${at('build_args')}[${i}]`, `${quoteOutside(arg)} must look like KEY=VALUE`)
      );
    }
  });
  const target = optionalString(entry, 'target', field, errors);
  if (target !== undefined && !TARGET_RE.test(target)) {
    errors.push(
      new InputError(
        at('target'),
        `${quoteOutside(target)} is not a build stage name (a letter, then letters, digits, "_", "." or "-")`
      )
    );
  }
  const siblings = stringList(entry, 'siblings', field, errors, []);
  siblings.forEach((s, i) =>
    pushIf(
      errors,
      `${at('siblings')}[${i}]`,
      optionProblem(s) ?? confinedPathProblem(s, 'the workspace')
    )
  );
  const labels = parseLabels(entry.labels, at('labels'), errors);
  const arch = stringList(entry, 'arch', field, errors, []);
  arch.forEach((p, i) => {
    if (!PLATFORM_RE.test(p)) {
      errors.push(
        new InputError(
          `${at('arch')}[${i}]`,
          `${quoteOutside(p)} is not a platform like "linux/amd64" or "linux/arm/v7"`
        )
      );
    }
  });
  if (errors.length > before || repository === undefined || repositoryInput === undefined)
    return undefined;
  return {
    field,
    ...(context !== undefined && {context}),
    path,
    ...(containerFilename !== undefined && {containerFilename: containerFilename.value}),
    registry,
    repositoryInput,
    repository,
    tags,
    buildArgs,
    ...(target !== undefined && {target}),
    siblings,
    labels,
    arch
  };
}

/**
 * A path relative to the context that must stay inside the working directory: checked alone
 * first (an absolute path is never joined to the context), then joined to the context.
 */
function contextRelativeProblem(value: string, context: string | undefined): string | undefined {
  const base = context ?? '.';
  return (
    absolutePathProblem(value, `the context (${base})`, base) ??
    confinedPathProblem(posix.join(base, value))
  );
}

/** `container_filename`, or docker_images' `dockerfile` (one of them), with the key used. */
function readContainerFilename(
  entry: Record<string, unknown>,
  field: string,
  errors: InputError[]
): {key: string; value: string} | undefined {
  if ('container_filename' in entry && 'dockerfile' in entry) {
    errors.push(
      new InputError(
        `${field}.dockerfile`,
        "is docker_images' name for container_filename; give only one of them"
      )
    );
    return undefined;
  }
  const key = 'dockerfile' in entry ? 'dockerfile' : 'container_filename';
  const value = optionalString(entry, key, field, errors);
  return value === undefined ? undefined : {key, value};
}

function parseLabels(value: unknown, field: string, errors: InputError[]): Record<string, string> {
  const labels: Record<string, string> = {};
  const add = (key: string, val: string, at: string): void => {
    const template = templateProblem(val);
    if (!LABEL_KEY_RE.test(key)) {
      errors.push(new InputError(at, `${quoteOutside(key)} is not a valid label key`));
    } else if (template !== undefined) {
      errors.push(new InputError(at, template));
    } else {
      labels[key] = val;
    }
  };
  if (value === undefined || value === null) return labels;
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      const at = `${field}[${i}]`;
      if (typeof item !== 'string') {
        errors.push(new InputError(at, `must be a "key=value" string, got ${describeType(item)}`));
      } else if (!item.includes('=')) {
        errors.push(new InputError(at, `${quoteOutside(item)} must look like key=value`));
      } else {
        add(item.slice(0, item.indexOf('=')), item.slice(item.indexOf('=') + 1), at);
      }
    });
  } else if (isMapping(value)) {
    for (const [key, val] of Object.entries(value)) {
      const at = `${field}.${key}`;
      if (typeof val !== 'string') {
        errors.push(
          new InputError(at, `must be a string, got ${describeType(val)}${quoteHint(val)}`)
        );
      } else {
        add(key, val, at);
      }
    }
  } else {
    errors.push(
      new InputError(
        field,
        `must be a list of "key=value" or a mapping, got ${describeType(value)}`
      )
    );
  }
  return labels;
}

function duplicateTags(images: ContainerImage[]): InputError[] {
  const seen = new Map<string, string>();
  const errors: InputError[] = [];
  for (const image of images) {
    image.tags.forEach((tag, i) => {
      const key = formatReference({...image.repository, tag});
      const first = seen.get(key);
      if (first !== undefined) {
        errors.push(
          new InputError(`${image.field}.tags[${i}]`, `${key} is already produced by ${first}`)
        );
      } else {
        seen.set(key, `${image.field}.tags[${i}]`);
      }
    });
  }
  return errors;
}
