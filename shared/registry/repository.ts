import {REPOSITORY_PATH_RE, digestProblem, tagProblem} from '../model/grammar.js';
import {quoteOutside} from '../model/outside-text.js';
import {RegistryError} from './errors.js';
import {digestLike} from './digest.js';
import {SendResponse, drain, readBody} from './http.js';
import {nextLink} from './link.js';
import {type ManifestCache} from './manifest-cache.js';
import {RepositoryWrites} from './repository-writes.js';
import {sameOriginLink} from './same-origin.js';
import {MANIFEST_ACCEPT} from './media-types.js';
import {Transport, header} from './transport.js';
import {RawManifest, manifestMediaType, manifestProblem} from './types.js';

/** A manifest's identity as a HEAD reports it. */
export interface ManifestHead {
  readonly digest: string;
  readonly mediaType: string;
  readonly size: number;
}

// Manifests are small; the distribution spec suggests registries cap them at 4 MiB.
const MANIFEST_LIMIT = 4 * 1024 * 1024;
const TAGS_LIMIT = 16 * 1024 * 1024;
// A million tags at distribution's page size; a registry that pages on and on is refused.
const MAX_TAG_PAGES = 1000;

/** One URL path segment: percent-encoded, keeping the `:` of a digest (RFC 3986 allows it). */
function pathSegment(text: string): string {
  return encodeURIComponent(text).replace(/%3A/gi, ':');
}

/**
 * Manifest and tag operations on one repository
 * (https://github.com/opencontainers/distribution-spec/blob/main/spec.md). Token scopes are fixed
 * per instance so every request reuses one cached token.
 */
export class Repository {
  constructor(
    readonly transport: Transport,
    readonly registry: string,
    readonly name: string,
    readonly scopes: readonly string[],
    private readonly manifests?: ManifestCache,
    /** Shared by every client of this repository in the client (see RepositoryWrites). */
    private readonly writes: RepositoryWrites = new RepositoryWrites()
  ) {
    // Names reach URL paths: only the distribution grammar, so no `..` or `?` can steer a request.
    if (!REPOSITORY_PATH_RE.test(name)) {
      throw this.error('open repository', `${quoteOutside(name)} is not a repository name`, false);
    }
  }

  /** HEAD a manifest by tag or digest; undefined when it does not exist. */
  async headManifest(reference: string): Promise<ManifestHead | undefined> {
    const res = await this.transport.request({
      ...this.base('HEAD manifest', 'HEAD', `manifests/${reference}`),
      headers: {accept: MANIFEST_ACCEPT},
      expect: [200, 404]
    });
    await drain(res.body);
    if (res.status === 404) return undefined;
    const digest = header(res, 'docker-content-digest');
    if (!digest) {
      // Some registries omit the digest on HEAD; GET gives the bytes to hash.
      const raw = await this.getManifest(reference);
      return {digest: raw.digest, mediaType: raw.mediaType, size: raw.bytes.length};
    }
    const problem = digestProblem(digest);
    if (problem) throw this.error('HEAD manifest', `Docker-Content-Digest: ${problem}`, false);
    const size = Number(header(res, 'content-length') ?? 0);
    if (!Number.isSafeInteger(size) || size < 0) {
      throw this.error('HEAD manifest', 'the Content-Length is not a byte count', false);
    }
    const mediaType = (header(res, 'content-type') ?? '').split(';')[0].trim();
    return {digest, mediaType, size};
  }

  /**
   * GET a manifest by tag or digest, keeping the exact bytes; the digest is computed from the
   * bytes and must equal the requested digest and the registry's `Docker-Content-Digest`. A
   * digest this run already read from this repository is not fetched again.
   */
  async getManifest(reference: string): Promise<RawManifest> {
    const manifest = await this.readManifest(reference, false);
    if (!manifest) throw this.error('GET manifest', `${reference} does not exist`, false);
    return manifest;
  }

  /** GET a manifest like getManifest; undefined when it does not exist (404). */
  findManifest(reference: string): Promise<RawManifest | undefined> {
    return this.readManifest(reference, true);
  }

  /** Same repository (transport, cache), other token scopes (e.g. a mount's source too). */
  withScopes(scopes: readonly string[]): Repository {
    return new Repository(
      this.transport,
      this.registry,
      this.name,
      scopes,
      this.manifests,
      this.writes
    );
  }

  private async readManifest(
    reference: string,
    missingOk: boolean
  ): Promise<RawManifest | undefined> {
    const byDigest = reference.includes(':');
    const cached = byDigest ? this.manifests?.get(this.registry, this.name, reference) : undefined;
    if (cached) return cached;
    const request = {
      ...this.base('GET manifest', 'GET', `manifests/${reference}`),
      headers: {accept: MANIFEST_ACCEPT},
      ...(missingOk && {expect: [200, 404]})
    };
    const manifest = await this.transport.request(request, async res => {
      if (res.status === 404) {
        await drain(res.body);
        return undefined;
      }
      // A registry announcing a giant manifest is refused before a byte is read.
      if (Number(header(res, 'content-length') ?? 0) > MANIFEST_LIMIT) {
        res.body.destroy();
        throw this.error(
          'GET manifest',
          `the manifest is larger than ${MANIFEST_LIMIT} bytes`,
          false
        );
      }
      const bytes = await readBody(res.body, MANIFEST_LIMIT);
      const claimed = byDigest ? reference : header(res, 'docker-content-digest');
      const bad = claimed !== undefined ? digestProblem(claimed) : undefined;
      if (bad) throw this.error('GET manifest', `Docker-Content-Digest: ${bad}`, false);
      const digest = digestLike(claimed ?? 'sha256:', bytes);
      if (claimed !== undefined && claimed !== digest) {
        // A truncated or altered body; retrying fetches it again.
        throw this.error(
          'GET manifest',
          `received bytes hash to ${digest}, expected ${claimed}`,
          true
        );
      }
      let parsed: unknown;
      try {
        parsed = JSON.parse(bytes.toString('utf8'));
      } catch {
        throw this.error('GET manifest', `${reference} is not valid JSON`, true);
      }
      const mediaType = manifestMediaType(parsed, header(res, 'content-type'));
      const problem = manifestProblem(parsed, mediaType);
      if (problem) throw this.error('GET manifest', `${reference}: ${problem}`, false);
      return {digest, mediaType, bytes, parsed: parsed as RawManifest['parsed']};
    });
    if (manifest) this.manifests?.put(this.registry, this.name, manifest);
    return manifest;
  }

  /** PUT manifest bytes under a tag or digest; fails if the registry computes another digest. */
  async putManifest(reference: string, manifest: RawManifest): Promise<void> {
    const res = await this.writes.put(async () => {
      const answer = await this.transport.request({
        ...this.base('PUT manifest', 'PUT', `manifests/${reference}`),
        headers: {'content-type': manifest.mediaType, 'content-length': manifest.bytes.length},
        body: () => manifest.bytes,
        expect: [200, 201, 202]
      });
      await drain(answer.body);
      return answer;
    });
    const stored = header(res, 'docker-content-digest');
    if (stored !== undefined && stored !== manifest.digest) {
      throw this.error(
        'PUT manifest',
        `registry stored ${stored}, expected ${manifest.digest}`,
        false
      );
    }
  }

  /**
   * DELETE a manifest by tag or digest; returns the status (202 deleted, 404 absent). It runs
   * alone among this client's manifest writes to the repository (see RepositoryWrites).
   */
  async deleteManifest(
    reference: string,
    expect: readonly number[] = [200, 202, 404]
  ): Promise<number> {
    const send = async (): Promise<number> => {
      const res = await this.transport.request({
        ...this.base('DELETE manifest', 'DELETE', `manifests/${reference}`),
        expect
      });
      await drain(res.body);
      return res.status;
    };
    return this.writes.delete(send);
  }

  /**
   * Every tag, following `Link` pagination. A next link may be relative (the distribution
   * spec's `</v2/...>`) or absolute; each is resolved against the URL of the page that sent it.
   */
  async listTags(pageSize = 1000): Promise<string[]> {
    const tags: string[] = [];
    let pages = 0;
    const seen = new Set<string>();
    let path: string | undefined = `/v2/${this.name}/tags/list?n=${pageSize}`;
    while (path !== undefined) {
      const page: {tags: string[]; next?: string} = await this.transport.request(
        {...this.base('list tags', 'GET', ''), path, expect: [200, 404]},
        async res => {
          if (res.status === 404) {
            await drain(res.body);
            return {tags: []};
          }
          const body = JSON.parse((await readBody(res.body, TAGS_LIMIT)).toString('utf8')) as {
            tags?: unknown;
          };
          const origin = await this.transport.origin();
          // Each next link is resolved against the page that sent it (relative or absolute).
          const pageUrl = new URL(path as string, origin).toString();
          const next = nextLink(header(res, 'link'), pageUrl);
          // Names are checked by the caller; anything but strings is not a tag list at all.
          const tags = body.tags ?? [];
          if (!Array.isArray(tags) || tags.some(t => typeof t !== 'string')) {
            throw this.error(
              'list tags',
              'the "tags" of the answer is not a list of strings',
              false
            );
          }
          // The next page stays on this registry: a Link elsewhere would take our requests along.
          const refuse = (reason: string) => this.error('list tags', reason, false);
          return {tags, next: next && sameOriginLink(next, origin, refuse)};
        }
      );
      for (const tag of page.tags) tags.push(tag); // no spread: a page may hold 10^5 names
      if (page.next !== undefined && (++pages >= MAX_TAG_PAGES || seen.has(page.next))) {
        const why = seen.has(page.next)
          ? 'a page links back to an earlier one'
          : `more than ${MAX_TAG_PAGES} pages`;
        throw this.error('list tags', `${why}; the tag list does not end`, false);
      }
      if (page.next !== undefined) seen.add(page.next);
      path = page.next;
    }
    return tags;
  }

  /** HEAD a blob; true when the repository holds it. */
  async hasBlob(digest: string): Promise<boolean> {
    const res = await this.transport.request({
      ...this.base('HEAD blob', 'HEAD', `blobs/${digest}`),
      expect: [200, 404]
    });
    await drain(res.body);
    return res.status === 200;
  }

  /** GET a blob as a stream (redirects followed without credentials); the caller reads it. */
  getBlob(digest: string, retry = true): Promise<SendResponse> {
    return this.transport.request({
      ...this.base('GET blob', 'GET', `blobs/${digest}`),
      retry,
      crossOriginRedirects: true
    });
  }

  /** GET a small blob (an image config) into memory, verifying its digest. */
  async readBlob(digest: string, limit: number): Promise<Buffer> {
    const request = {
      ...this.base('GET blob', 'GET', `blobs/${digest}`),
      crossOriginRedirects: true
    };
    return this.transport.request(request, async res => {
      const bytes = await readBody(res.body, limit);
      const actual = digestLike(digest, bytes);
      if (actual !== digest)
        throw this.error('GET blob', `received ${actual}, expected ${digest}`, true);
      return bytes;
    });
  }

  /**
   * A request template for this repository. A manifest or blob reference in `suffix` must be a
   * tag or a digest: one read from a registry (`1/../../victim/app/manifests/latest`) would
   * otherwise move the request to another repository.
   */
  base(operation: string, method: string, suffix: string) {
    const [, kind, reference] = /^(manifests|blobs)\/([^?]*)$/.exec(suffix) ?? [];
    if (reference !== undefined && suffix !== 'blobs/uploads/') {
      const problem =
        kind === 'blobs' || reference.includes(':')
          ? digestProblem(reference)
          : tagProblem(reference);
      if (problem) throw this.error(operation, problem, false);
      suffix = `${kind}/${pathSegment(reference)}`;
    }
    return {
      operation,
      method,
      repository: this.name,
      path: `/v2/${this.name.split('/').map(pathSegment).join('/')}/${suffix}`,
      scopes: this.scopes,
      expect: [200] as readonly number[]
    };
  }

  /** A RegistryError about this repository. */
  error(operation: string, reason: string, temporary: boolean): RegistryError {
    return new RegistryError({
      operation,
      registry: this.registry,
      repository: this.name,
      reason,
      temporary
    });
  }
}
