import {type ProxyResolver} from '../model/proxy-env.js';
import {tagProblem} from '../model/grammar.js';
import {quoteOutside} from '../model/outside-text.js';
import {ImageReference, RepositoryName, formatReference} from '../model/reference.js';
import {ArtifactContent, getArtifact, putArtifact} from './artifact.js';
import {IndexMember, putIndex} from './index-writer.js';
import {pullScope} from './auth.js';
import {RegistryContext} from './context.js';
import {withContext} from './errors.js';
import {CopyResult, copyDigest, copyImage} from './copy.js';
import {HttpClient} from './http.js';
import {ImageConfigInfo, readImageConfig} from './image-config.js';
import {Limiter} from './limiter.js';
import {BlobLedger} from './blob-ledger.js';
import {RegistryCapabilities} from './capabilities.js';
import {ManifestCache} from './manifest-cache.js';
import {RepositoryWrites} from './repository-writes.js';
import {parsePlatform} from './platform.js';
import {ManifestContent, inspectManifest} from './inspect.js';
import {ManifestHead, Repository} from './repository.js';
import {RetagResult, retagImage} from './retag.js';
import {Clock, DEFAULT_RETRY_POLICY, RetryPolicy, systemClock} from './retry.js';
import {TagApiOptions, TagApis} from './tag-apis.js';
import {Logger, Transport} from './transport.js';
import {USER_AGENT} from './version.js';
import {DeleteOutcome, TagInfo} from './adapters/tag-api.js';

export type {CopyResult, TagOutcome} from './copy.js';
export type {RetagResult} from './retag.js';
export type {ArtifactContent} from './artifact.js';
export type {ImageConfigInfo} from './image-config.js';
export type {IndexMember} from './index-writer.js';
export type {ManifestHead} from './repository.js';
export type {ManifestContent, ManifestKind} from './inspect.js';
export type {Credentials, CredentialLookup} from './auth.js';
export type {Logger} from './transport.js';
export type {Clock, RetryPolicy} from './retry.js';
export type {DeleteOutcome, TagInfo} from './adapters/tag-api.js';
export type {TagApiKind} from './tag-apis.js';
export {RegistryError} from './errors.js';
export type {OciErrorDetail} from './errors.js';

/** Engine settings; every field is optional and every side effect can be replaced. */
export interface RegistryOptions extends TagApiOptions {
  /** Extra trusted CA certificates (PEM), e.g. the buildset registry's. */
  readonly ca?: string | Buffer | readonly (string | Buffer)[];
  /** Hosts that may be reached over plain HTTP if HTTPS fails (loopback hosts always may). */
  readonly insecure?: readonly string[];
  /** Hosts known to speak plain HTTP: no HTTPS probe (they must be loopback or in `insecure`). */
  readonly plainHttp?: readonly string[];
  /**
   * Concurrent blob transfers per destination registry (default 8: an image's layers in one
   * wave, as a registry tens of milliseconds away needs; docker pushes 5, skopeo copies 6).
   */
  readonly concurrency?: number;
  /**
   * Connections per registry (default 16): the pool every request to that registry shares;
   * work beyond it waits for a free connection.
   */
  readonly connections?: number;
  readonly retry?: Partial<RetryPolicy>;
  /** The proxy for each URL, e.g. `proxyFromEnv(process.env)`; default: connect directly. */
  readonly proxy?: ProxyResolver;
  /** Socket idle timeout per request (default 60 s). */
  readonly timeoutMs?: number;
  /** Upload blobs larger than this in PATCH chunks of this size (default: one streamed PUT). */
  readonly chunkSize?: number;
  readonly logger?: Logger;
  readonly clock?: Clock;
  readonly userAgent?: string;
}

/** How long ago a tag moved, and who said so. */
export interface TagAge {
  readonly updatedAt: Date;
  readonly ageMs: number;
  /** The registry API that keeps the time: `docker-hub`, `quay` or `ghcr`. */
  readonly source: string;
}

/** Run a use case, prefixing RegistryErrors with what it was doing. */
async function contextual<T>(context: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw withContext(error, context);
  }
}

/** Connections per registry: enough for parallel images, few enough for any registry's limits. */
const DEFAULT_CONNECTIONS = 32;
/** Blob transfers per destination registry at once. */
const DEFAULT_CONCURRENCY = 8;

const silentLogger: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warning: () => undefined
};

/**
 * The registry client's facade: copy, retag, tag-only delete, tag listing and image inspection
 * over the distribution API, with one connection pool, token cache and limiter set per instance.
 * Call `close()` when done so keep-alive sockets do not hold the process open.
 */
export class Registry {
  private readonly http: HttpClient;
  private readonly transports = new Map<string, Transport>();
  private readonly limiters = new Map<string, Limiter>();
  private readonly ctx: RegistryContext;
  private readonly tagApis: TagApis;

  constructor(private readonly options: RegistryOptions = {}) {
    this.http = new HttpClient({
      ca: options.ca,
      timeoutMs: options.timeoutMs,
      maxSockets: options.connections ?? DEFAULT_CONNECTIONS,
      ...(options.proxy && {proxy: options.proxy})
    });
    const clock = options.clock ?? systemClock;
    const logger = options.logger ?? silentLogger;
    const retry = {...DEFAULT_RETRY_POLICY, ...options.retry};
    const capabilities = new RegistryCapabilities();
    const manifests = new ManifestCache();
    // Manifest writes per repository, ordered so a DELETE never overlaps another write.
    const writes = new Map<string, RepositoryWrites>();
    const writesTo = (name: RepositoryName): RepositoryWrites => {
      const key = formatReference({registry: name.registry, repository: name.repository});
      let order = writes.get(key);
      if (!order) writes.set(key, (order = new RepositoryWrites()));
      return order;
    };
    this.ctx = {
      repository: (name, scopes) =>
        new Repository(
          this.transport(name.registry),
          name.registry,
          name.repository,
          scopes,
          manifests,
          writesTo(name)
        ),
      limiter: registry => {
        let limiter = this.limiters.get(registry);
        if (!limiter)
          this.limiters.set(
            registry,
            (limiter = new Limiter(options.concurrency ?? DEFAULT_CONCURRENCY))
          );
        return limiter;
      },
      blobs: {retry, clock, logger, chunkSize: options.chunkSize, capabilities},
      ledger: new BlobLedger(),
      capabilities,
      clock,
      logger
    };
    this.tagApis = new TagApis(this.ctx, {
      http: this.http,
      retry,
      clock,
      userAgent: options.userAgent ?? USER_AGENT,
      options
    });
  }

  /**
   * Copy `source` to `dest` under `tags` (none: by digest only), keeping the digest; with
   * `platforms` (`linux/amd64`…) only those entries of an index are copied.
   */
  copy(
    source: ImageReference,
    dest: RepositoryName,
    tags: readonly string[],
    options: {platforms?: readonly string[]} = {}
  ): Promise<CopyResult> {
    const platforms = options.platforms?.map((p, i) => parsePlatform(p, `platforms[${i}]`));
    const context = `copying ${formatReference(source)} to ${formatReference(dest)}`;
    return contextual(context, () =>
      copyImage(this.ctx, source, dest, tags, platforms ? {platforms} : {})
    );
  }

  /** The digest `copy(source, …, {platforms})` would write, found without writing anything. */
  copyDigest(
    source: ImageReference,
    options: {platforms?: readonly string[]} = {}
  ): Promise<string> {
    const platforms = options.platforms?.map((p, i) => parsePlatform(p, `platforms[${i}]`));
    return contextual(`resolving ${formatReference(source)}`, () =>
      copyDigest(this.ctx, source, platforms ? {platforms} : {})
    );
  }

  /**
   * Point `tags` of `repository` at what `source` (tag or digest) names; no blob traffic. With
   * `digest`, tags already holding it are left alone; `checked` says the caller has just read
   * the tags and none holds it, so they are not read again.
   */
  retag(
    repository: RepositoryName,
    source: string,
    tags: readonly string[],
    options: {digest?: string; checked?: boolean} = {}
  ): Promise<RetagResult> {
    const context = `tagging ${formatReference(repository)}:${source} as ${tags.join(', ')}`;
    return contextual(context, () =>
      retagImage(this.ctx, repository, source, tags, options.digest, options.checked)
    );
  }

  /** Delete only the tag `ref.tag` (never a digest other tags may share). */
  deleteTag(ref: ImageReference & {tag: string}): Promise<DeleteOutcome> {
    const api = this.tagApis.for(ref.registry);
    return contextual(`deleting tag ${formatReference(ref)}`, () => api.deleteTag(ref, ref.tag));
  }

  /**
   * Delete only these tags of one repository (never a digest other tags may share), together:
   * on a registry that cannot delete a tag, one placeholder and one DELETE for all of them.
   * `known`: what each tag held when the caller just read it (an image or index, or a
   * placeholder), so it is not read again; a tag that changed meanwhile is still only ever
   * moved to a placeholder and removed. Outcomes in the order of `tags`.
   */
  deleteTags(
    repository: RepositoryName,
    tags: readonly string[],
    known: readonly (ManifestContent | undefined)[] = []
  ): Promise<DeleteOutcome[]> {
    const api = this.tagApis.for(repository.registry);
    const name = {registry: repository.registry, repository: repository.repository};
    const context = `deleting tags ${tags.join(', ')} of ${formatReference(name)}`;
    return contextual(context, () =>
      api.deleteTags
        ? api.deleteTags(name, tags, known)
        : Promise.all(tags.map(tag => api.deleteTag(name, tag)))
    );
  }

  /**
   * Every valid tag of a repository (empty when the repository does not exist). Names that are
   * not tags (`1/../../victim/app/manifests/latest`, a line break) are left out with one
   * warning naming them, escaped: they never reach a URL, a command or a log line as they are.
   */
  async listTags(repository: RepositoryName): Promise<string[]> {
    const repo = this.ctx.repository(repository, [pullScope(repository.repository)]);
    return this.validTags(repository, await repo.listTags(), t => t);
  }

  /** Tags with their last-update times, where the registry's own API offers them. */
  async listTagInfo(repository: RepositoryName): Promise<TagInfo[] | undefined> {
    const infos = await this.tagApis.listTagInfo(repository);
    return infos && this.validTags(repository, infos, t => t.name);
  }

  private validTags<T>(
    repository: RepositoryName,
    items: readonly T[],
    name: (t: T) => string
  ): T[] {
    const isTag = (t: T): boolean => {
      const n: unknown = name(t);
      return typeof n === 'string' && tagProblem(n) === undefined;
    };
    const invalid = items.filter(t => !isTag(t));
    if (invalid.length === 0) return [...items];
    const shown = invalid.slice(0, 5).map(t => quoteOutside(String(name(t)), 80));
    const more = invalid.length > 5 ? ` and ${invalid.length - 5} more` : '';
    this.ctx.logger.warning(
      `${formatReference(repository)}: the registry listed ${invalid.length} name${invalid.length === 1 ? '' : 's'} that ${invalid.length === 1 ? 'is' : 'are'} not a valid tag, skipped: ${shown.join(', ')}${more}`
    );
    return items.filter(isTag);
  }

  /** Digest, media type and size of what `ref` names; undefined when it does not exist. */
  resolve(ref: ImageReference, options: {read?: boolean} = {}): Promise<ManifestHead | undefined> {
    const repo = this.ctx.repository(ref, [pullScope(ref.repository)]);
    const reference = ref.digest ?? ref.tag ?? 'latest';
    if (!options.read) return repo.headManifest(reference);
    // GET instead of HEAD for a caller that copies next: the client keeps the manifest, so the
    // copy does not ask for it again (one round trip less).
    return repo
      .findManifest(reference)
      .then(raw => raw && {digest: raw.digest, mediaType: raw.mediaType, size: raw.bytes.length});
  }

  /**
   * What `ref` holds: an image, an index, an empty index or imagegate's untag placeholder (an
   * index is fetched to tell); undefined when it does not exist. `read`: GET the manifest
   * rather than HEAD it, for a caller that reads it next anyway (the client keeps it).
   */
  inspect(
    ref: ImageReference,
    options: {read?: boolean} = {}
  ): Promise<ManifestContent | undefined> {
    const repo = this.ctx.repository(ref, [pullScope(ref.repository)]);
    return contextual(`inspecting ${formatReference(ref)}`, () =>
      inspectManifest(repo, ref.digest ?? ref.tag ?? 'latest', options)
    );
  }

  /** Labels, `created`, os and architecture from the image config (an index: `platform` or the first image). */
  imageConfig(ref: ImageReference, platform?: string): Promise<ImageConfigInfo> {
    return readImageConfig(
      this.ctx,
      ref,
      platform === undefined ? undefined : parsePlatform(platform)
    );
  }

  /**
   * Whether the registry's own API keeps a time per tag (Docker Hub, Quay, GHCR); elsewhere only
   * a staging record can say when a tag was pushed.
   */
  knowsTagTimes(registry: string): boolean {
    return this.tagApis.for(registry).knowsTagTimes;
  }

  /**
   * How old the tag is, by the registry API's own update time; undefined where the registry has
   * no such API or does not know the tag. Never the image's `created`: that is its build date.
   */
  async tagAge(ref: ImageReference & {tag: string}): Promise<TagAge | undefined> {
    const api = this.tagApis.for(ref.registry);
    const updatedAt = await api.tagUpdatedAt(ref, ref.tag);
    if (!updatedAt) return undefined;
    return {updatedAt, ageMs: this.ctx.clock.now() - updatedAt.getTime(), source: api.kind};
  }

  /** Store a small document as an OCI artifact under `ref.tag`; returns its manifest digest. */
  putArtifact(ref: RepositoryName & {tag: string}, content: ArtifactContent): Promise<string> {
    const context = `writing artifact ${formatReference(ref)}`;
    return contextual(context, () => putArtifact(this.ctx, ref, content));
  }

  /** The payload of an `artifactType` artifact under `ref.tag`; undefined when the tag is absent. */
  getArtifact(
    ref: RepositoryName & {tag: string},
    artifactType: string,
    limit: number
  ): Promise<Buffer | undefined> {
    const context = `reading artifact ${formatReference(ref)}`;
    return contextual(context, () => getArtifact(this.ctx, ref, artifactType, limit));
  }

  /** Assemble an index from platform images already in the repository and tag it. */
  putIndex(ref: RepositoryName & {tag: string}, members: readonly IndexMember[]): Promise<string> {
    return contextual(`writing index ${formatReference(ref)}`, () =>
      putIndex(this.ctx, ref, members)
    );
  }

  /**
   * Start talking to `registries` now (connection, TLS handshake, the `/v2/` probe that finds
   * the scheme and the auth challenge) while the caller still works out what to ask them, e.g.
   * the merged change from the GitHub API. `connections`: how many requests the caller will
   * send at once (up to the pool size), so that many connections pay their handshakes now, side
   * by side. Sends no credentials and writes nothing; a failure here is left to the first real
   * request, which probes again.
   */
  warmUp(registries: Iterable<string>, connections = 1): void {
    const count = Math.max(
      1,
      Math.min(connections, this.options.connections ?? DEFAULT_CONNECTIONS)
    );
    for (const registry of new Set(registries)) {
      this.transport(registry)
        .warmUp(count)
        .catch(() => undefined);
    }
  }

  /** Close pooled connections. */
  close(): void {
    this.http.close();
  }

  private transport(registry: string): Transport {
    let transport = this.transports.get(registry);
    if (!transport) {
      const {options} = this;
      transport = new Transport({
        registry,
        http: this.http,
        clock: this.ctx.clock,
        retry: this.ctx.blobs.retry,
        logger: this.ctx.logger,
        userAgent: options.userAgent ?? USER_AGENT,
        credentials: options.credentials,
        insecure: options.insecure?.includes(registry),
        ...(options.plainHttp?.includes(registry) && {scheme: 'http' as const})
      });
      this.transports.set(registry, transport);
    }
    return transport;
  }
}
