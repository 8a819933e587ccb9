import {RegistryError} from './errors.js';
import {digestLike} from './digest.js';
import {SendResponse, drain, readBody} from './http.js';
import {nextLink} from './link.js';
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
    readonly scopes: readonly string[]
  ) {}

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
    const mediaType = (header(res, 'content-type') ?? '').split(';')[0].trim();
    return {digest, mediaType, size: Number(header(res, 'content-length') ?? 0)};
  }

  /**
   * GET a manifest by tag or digest, keeping the exact bytes; the digest is computed from the
   * bytes and must equal the requested digest and the registry's `Docker-Content-Digest`.
   */
  async getManifest(reference: string): Promise<RawManifest> {
    const request = {
      ...this.base('GET manifest', 'GET', `manifests/${reference}`),
      headers: {accept: MANIFEST_ACCEPT}
    };
    return this.transport.request(request, async res => {
      const bytes = await readBody(res.body, MANIFEST_LIMIT);
      const claimed = reference.includes(':') ? reference : header(res, 'docker-content-digest');
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
  }

  /** PUT manifest bytes under a tag or digest; fails if the registry computes another digest. */
  async putManifest(reference: string, manifest: RawManifest): Promise<void> {
    const res = await this.transport.request({
      ...this.base('PUT manifest', 'PUT', `manifests/${reference}`),
      headers: {'content-type': manifest.mediaType, 'content-length': manifest.bytes.length},
      body: () => manifest.bytes,
      expect: [200, 201, 202]
    });
    await drain(res.body);
    const stored = header(res, 'docker-content-digest');
    if (stored !== undefined && stored !== manifest.digest) {
      throw this.error(
        'PUT manifest',
        `registry stored ${stored}, expected ${manifest.digest}`,
        false
      );
    }
  }

  /** DELETE a manifest by tag or digest; returns the status (202 deleted, 404 absent). */
  async deleteManifest(
    reference: string,
    expect: readonly number[] = [200, 202, 404]
  ): Promise<number> {
    const res = await this.transport.request({
      ...this.base('DELETE manifest', 'DELETE', `manifests/${reference}`),
      expect
    });
    await drain(res.body);
    return res.status;
  }

  /**
   * Every tag, following `Link` pagination. A next link may be relative (the distribution
   * spec's `</v2/...>`) or absolute; each is resolved against the URL of the page that sent it.
   */
  async listTags(pageSize = 1000): Promise<string[]> {
    const tags: string[] = [];
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
            tags?: string[] | null;
          };
          const pageUrl = new URL(path as string, await this.transport.origin()).toString();
          return {tags: body.tags ?? [], next: nextLink(header(res, 'link'), pageUrl)};
        }
      );
      tags.push(...page.tags);
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
    return this.transport.request({...this.base('GET blob', 'GET', `blobs/${digest}`), retry});
  }

  /** GET a small blob (an image config) into memory, verifying its digest. */
  async readBlob(digest: string, limit: number): Promise<Buffer> {
    return this.transport.request(this.base('GET blob', 'GET', `blobs/${digest}`), async res => {
      const bytes = await readBody(res.body, limit);
      const actual = digestLike(digest, bytes);
      if (actual !== digest)
        throw this.error('GET blob', `received ${actual}, expected ${digest}`, true);
      return bytes;
    });
  }

  /** A request template for this repository. */
  base(operation: string, method: string, suffix: string) {
    return {
      operation,
      method,
      repository: this.name,
      path: `/v2/${this.name}/${suffix}`,
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
