import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {type BuildSpec, buildCommand} from './build-argv.js';
import {nativePlatform, platformRef, registryOf} from './platform.js';
import {type Command, type CommandRunner, type LineSink, runChecked} from './command.js';
import {
  type EngineProfile,
  type RegistryAccess,
  buildsPlatformsTogether,
  canCrossBuild
} from './profile.js';
import {
  type AuthScope,
  loginCommand,
  manifestCreateCommand,
  manifestPushCommand,
  parsePushDigest,
  pushCommand,
  tagCommand,
  untagCommand
} from './registry-argv.js';
import {DEFAULT_PUSH_DELAYS_MS, type Sleep, realSleep, withRetries} from './retry.js';

/** Side effects and settings of a ContainerEngine. */
export interface ContainerEngineOptions {
  readonly runner: CommandRunner;
  readonly profile: EngineProfile;
  /** Scratch space for id files and the temporary login; removed by dispose(). */
  readonly tmpDir: string;
  readonly sleep?: Sleep;
  readonly pushDelaysMs?: readonly number[];
  readonly log?: (message: string) => void;
  /** TLS settings per registry host (default: insecure only for loopback). */
  readonly access?: (registry: string) => RegistryAccess;
  /**
   * Removes a temporary per-platform tag after the list is pushed (tag-only delete through the
   * registry API). Without it those tags stay, which is fine in a throw-away buildset registry.
   */
  readonly removeTag?: (ref: string) => Promise<void>;
  /**
   * Writes the index of a multi-platform image through the registry API (target reference,
   * platform images by digest); returns its digest. Without it, `docker manifest` is used.
   */
  readonly writeIndex?: (
    target: string,
    members: readonly {digest: string; platform: string}[]
  ) => Promise<string>;
}

/** What a build left in the local store. */
export interface BuiltImage {
  readonly imageId: string;
  /** Every local reference the build tagged. */
  readonly localTags: readonly string[];
  readonly platforms: readonly string[];
  /** docker without buildx, several platforms: one local image per platform. */
  readonly platformImages?: readonly {platform: string; ref: string}[];
  /** podman with several platforms: localTags name a manifest list. */
  readonly manifestList: boolean;
  /** buildx with several platforms: pushed by the build itself, digest per reference. */
  readonly pushedByBuild?: Readonly<Record<string, string>>;
}

function defaultAccess(registry: string): RegistryAccess {
  const host = registry.replace(/:[0-9]+$/, '');
  return {insecure: host === 'localhost' || /^127\./.test(host) || host === '[::1]'};
}

/**
 * A container engine bound to one detected profile: build, login, push. Every command goes
 * through the injected runner; logins live in a temporary DOCKER_CONFIG / auth file.
 */
export class ContainerEngine {
  private readonly runner: CommandRunner;
  private readonly scope: AuthScope;
  private readonly scratch: string;
  private counter = 0;
  /** Per-platform local tags (`<ref>__linux-arm64`) this engine created; dispose() removes them. */
  private readonly platformTags = new Set<string>();

  constructor(private readonly options: ContainerEngineOptions) {
    this.runner = options.runner;
    this.scratch = mkdtempSync(join(options.tmpDir, 'imagegate-engine-'));
    this.scope = {
      dockerConfig: join(this.scratch, 'docker-config'),
      authFile: join(this.scratch, 'auth.json')
    };
    // podman refuses an --authfile that does not exist; docker creates its config on login.
    mkdirSync(this.scope.dockerConfig, {mode: 0o700});
    writeFileSync(this.scope.authFile, '{"auths": {}}\n', {mode: 0o600});
  }

  get profile(): EngineProfile {
    return this.options.profile;
  }

  /** Build one image (every platform of it) and tag it with spec.tags. */
  async build(
    spec: Omit<BuildSpec, 'iidFile' | 'metadataFile'>,
    sink?: LineSink
  ): Promise<BuiltImage> {
    const {profile} = this.options;
    const platforms = spec.platforms;
    if (
      platforms.length > 0 &&
      !canCrossBuild(profile.kind) &&
      platforms.some(p => p !== nativePlatform())
    ) {
      throw new Error(
        `the docker classic builder cannot build for ${platforms.join(', ')}; use BuildKit (docker buildx or DOCKER_BUILDKIT) or podman`
      );
    }
    if (platforms.length <= 1 || buildsPlatformsTogether(profile.kind)) {
      const iidFile = this.file('iid');
      const metadataFile = profile.kind === 'buildx' ? this.file('metadata.json') : undefined;
      await runChecked(
        this.runner,
        buildCommand(profile, {...spec, iidFile, ...(metadataFile && {metadataFile})}),
        sink
      );
      const multi = platforms.length > 1;
      if (multi && profile.kind === 'podman') {
        for (const tag of spec.tags.slice(1))
          await runChecked(this.runner, tagCommand(profile, spec.tags[0], tag));
      }
      return {
        imageId: readFileSync(iidFile, 'utf8').trim(),
        localTags: spec.tags,
        platforms,
        manifestList: multi && profile.kind === 'podman',
        ...(multi &&
          profile.kind === 'buildx' && {
            pushedByBuild: buildxDigests(metadataFile, spec.pushTags ?? [])
          })
      };
    }
    // docker without buildx: one build per platform, then the local tags name the native one.
    const platformImages: {platform: string; ref: string}[] = [];
    let imageId = '';
    for (const platform of platforms) {
      const ref = platformRef(spec.tags[0], platform);
      const iidFile = this.file('iid');
      const prefixed: LineSink | undefined =
        sink && ((line, stream) => sink(`[${platform}] ${line}`, stream));
      this.platformTags.add(ref);
      await runChecked(
        this.runner,
        buildCommand(profile, {...spec, tags: [ref], platforms: [platform], iidFile}),
        prefixed
      );
      platformImages.push({platform, ref});
      if (platform === nativePlatform() || imageId === '')
        imageId = readFileSync(iidFile, 'utf8').trim();
    }
    const main = platformImages.find(p => p.platform === nativePlatform()) ?? platformImages[0];
    for (const tag of spec.tags) await runChecked(this.runner, tagCommand(profile, main.ref, tag));
    return {imageId, localTags: spec.tags, platforms, platformImages, manifestList: false};
  }

  /** Log in to `registry` in the temporary config; the password goes through stdin. */
  async login(registry: string, username: string, password: string): Promise<void> {
    const {profile} = this.options;
    await runChecked(
      this.runner,
      loginCommand(profile, this.scope, registry, username, password, this.access(registry))
    );
  }

  /** Push `image` to `target` with every platform; returns the digest the registry reported. */
  async push(image: BuiltImage, target: string, sink?: LineSink): Promise<string> {
    const pushed = image.pushedByBuild?.[target];
    if (pushed !== undefined) return pushed;
    const {profile} = this.options;
    const access = this.access(registryOf(target));
    if (profile.kind === 'podman') {
      const digestFile = this.file('digest');
      const command = pushCommand(profile, this.scope, image.localTags[0], target, access, {
        digestFile,
        manifestList: image.manifestList
      });
      await this.retried(command, sink);
      return readFileSync(digestFile, 'utf8').trim();
    }
    if (!image.platformImages) return this.dockerPush(image.localTags[0], target, sink);
    const repository = target.slice(0, target.lastIndexOf(':'));
    const members: {digest: string; platform: string}[] = [];
    const temporary: string[] = [];
    for (const {platform, ref} of image.platformImages) {
      // Each platform goes up under its own temporary tag, never under the target tag: in release
      // mode the final tag must not point at a single-platform image, not even for seconds.
      const staging = platformRef(target, platform);
      temporary.push(staging);
      this.platformTags.add(staging);
      members.push({digest: await this.dockerPush(ref, staging, sink), platform});
    }
    if (this.options.writeIndex) {
      const digest = await this.options.writeIndex(target, members);
      await runChecked(this.runner, tagCommand(profile, image.localTags[0], target));
      await this.removeTemporaryTags(temporary);
      return digest;
    }
    await runChecked(
      this.runner,
      manifestCreateCommand(
        profile,
        this.scope,
        target,
        members.map(m => `${repository}@${m.digest}`),
        access
      ),
      sink
    );
    const result = await this.retried(
      manifestPushCommand(profile, this.scope, target, access),
      sink
    );
    await runChecked(this.runner, tagCommand(profile, image.localTags[0], target));
    const digest = parsePushDigest(result);
    if (!digest) throw new Error(`docker manifest push ${target} did not report a digest`);
    await this.removeTemporaryTags(temporary);
    return digest;
  }

  /**
   * Remove the per-platform local tags (kept until now: every push of the image needs them),
   * the temporary login and the scratch files. A tag that cannot be removed is a warning.
   */
  async dispose(): Promise<void> {
    const tags = [...this.platformTags];
    this.platformTags.clear();
    try {
      if (tags.length > 0) {
        const result = await this.runner.run(untagCommand(this.options.profile, tags));
        if (result.code !== 0) {
          this.options.log?.(`could not remove the temporary local tags: ${result.stderr.trim()}`);
        }
      }
    } finally {
      rmSync(this.scratch, {recursive: true, force: true});
    }
  }

  private async removeTemporaryTags(refs: readonly string[]): Promise<void> {
    const {removeTag, log} = this.options;
    if (!removeTag) return;
    for (const ref of refs) {
      try {
        await removeTag(ref);
      } catch (e) {
        log?.(`could not remove the temporary tag ${ref}: ${(e as Error).message}`);
      }
    }
  }

  private async dockerPush(source: string, target: string, sink?: LineSink): Promise<string> {
    const {profile} = this.options;
    if (source !== target) await runChecked(this.runner, tagCommand(profile, source, target));
    const output = await this.retried(
      pushCommand(profile, this.scope, source, target, this.access(registryOf(target)), {
        digestFile: ''
      }),
      sink
    );
    const digest = parsePushDigest(output);
    if (!digest) throw new Error(`docker push ${target} did not report a digest`);
    return digest;
  }

  private async retried(command: Command, sink?: LineSink): Promise<string> {
    const result = await withRetries(
      () => runChecked(this.runner, command, sink),
      this.options.pushDelaysMs ?? DEFAULT_PUSH_DELAYS_MS,
      this.options.sleep ?? realSleep,
      (error, next, delay) =>
        this.options.log?.(`${(error as Error).message}; attempt ${next} in ${delay / 1000} s`)
    );
    return result.stdout;
  }

  private access(registry: string): RegistryAccess {
    return (this.options.access ?? defaultAccess)(registry);
  }

  private file(name: string): string {
    return join(this.scratch, `${++this.counter}-${name}`);
  }
}

function buildxDigests(
  metadataFile: string | undefined,
  refs: readonly string[]
): Record<string, string> {
  if (!metadataFile || refs.length === 0) return {};
  const metadata = JSON.parse(readFileSync(metadataFile, 'utf8')) as Record<string, unknown>;
  const digest = metadata['containerimage.digest'];
  return typeof digest === 'string' ? Object.fromEntries(refs.map(r => [r, digest])) : {};
}
