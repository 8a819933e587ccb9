import {type Command} from './command.js';
import {type EngineProfile} from './profile.js';

/** One image build as data; paths are relative to `cwd` as in Zuul (`chdir: <context>`). */
export interface BuildSpec {
  /** Absolute context directory: the command runs there. */
  readonly cwd: string;
  /** Build-context argument relative to `cwd` (Zuul's `path`). */
  readonly contextPath: string;
  /** `-f`, relative to `cwd`; omitted lets the engine pick its default file. */
  readonly file?: string;
  readonly buildArgs: readonly string[];
  readonly target?: string;
  readonly labels: Readonly<Record<string, string>>;
  /** Full local references to tag the result with. */
  readonly tags: readonly string[];
  /** Platforms for this command; buildkit/classic get at most one per command. */
  readonly platforms: readonly string[];
  /** Where the engine writes the image (or manifest list) id. */
  readonly iidFile: string;
  /** Added to the build command's environment (`build-extra-env`). */
  readonly env?: Readonly<Record<string, string>>;
  /** buildx with several platforms: push these references from the builder directly. */
  readonly pushTags?: readonly string[];
  /** buildx: `--metadata-file`, which records the pushed digest. */
  readonly metadataFile?: string;
  /** podman `--squash`: the layers this build adds become one. */
  readonly squash?: boolean;
}

/**
 * The build-context argument as the engine must see it: a relative path always starts with
 * `./` (or is `.`), so no directory name can be read as an option (`--volume=/:/host`).
 */
export function contextArgument(path: string): string {
  if (path === '.' || path.startsWith('./') || path.startsWith('/')) return path;
  return `./${path}`;
}

/** Compose the build command for the profile's path; pure, so it is table-tested. */
export function buildCommand(profile: EngineProfile, spec: BuildSpec): Command {
  const context = contextArgument(spec.contextPath);
  const common = [
    ...(spec.file !== undefined ? ['-f', spec.file] : []),
    ...(spec.target !== undefined ? ['--target', spec.target] : []),
    ...spec.buildArgs.flatMap(arg => ['--build-arg', arg]),
    ...Object.entries(spec.labels).flatMap(([k, v]) => ['--label', `${k}=${v}`]),
    '--iidfile',
    spec.iidFile
  ];
  const platform = spec.platforms.length > 0 ? ['--platform', spec.platforms.join(',')] : [];
  const tags = (refs: readonly string[]) => refs.flatMap(t => ['--tag', t]);
  let args: string[];
  let env: Record<string, string> = {};
  switch (profile.kind) {
    case 'buildx': {
      const multi = spec.platforms.length > 1;
      const push = spec.pushTags ?? [];
      // A multi-platform result cannot be loaded into the docker store: it is pushed (or, with
      // nothing to push, kept in the builder's cache, which is what a check build needs).
      const output = !multi
        ? ['--load']
        : push.length > 0
          ? ['--push']
          : ['--output', 'type=image,push=false'];
      args = [
        'buildx',
        'build',
        context,
        ...common,
        ...tags(multi ? push : spec.tags),
        ...(multi && push.length === 0 ? tags(spec.tags) : []),
        ...platform,
        ...(spec.metadataFile !== undefined ? ['--metadata-file', spec.metadataFile] : []),
        '--progress=plain',
        ...output
      ];
      break;
    }
    case 'buildkit':
      args = ['build', context, ...common, ...tags(spec.tags), ...platform, '--progress=plain'];
      env = {DOCKER_BUILDKIT: '1'};
      break;
    case 'classic':
      args = ['build', context, ...common, ...tags(spec.tags), ...platform];
      env = {DOCKER_BUILDKIT: '0'};
      break;
    case 'podman': {
      const multi = spec.platforms.length > 1;
      // --no-cache: otherwise podman reuses FROM-scratch layers across platforms and the list
      // ends up holding the native platform only (seen with podman 4.3).
      // A single named platform needs --no-cache too: the layer cache ignores --platform, so an
      // arm64 build after an amd64 one of the same context returns the amd64 image.
      const output = multi
        ? ['--manifest', spec.tags[0], '--no-cache']
        : [...tags(spec.tags), ...(spec.platforms.length === 1 ? ['--no-cache'] : [])];
      const squash = spec.squash ? ['--squash'] : [];
      args = ['build', context, ...common, ...squash, ...output, ...platform];
      break;
    }
  }
  return {
    command: profile.binary,
    args,
    cwd: spec.cwd,
    env: {...spec.env, ...env}
  };
}
