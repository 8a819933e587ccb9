import {RepositoryName} from '../../model/reference.js';
import {RegistryError} from '../errors.js';
import {nextLink} from '../link.js';
import {sameOriginLink} from '../same-origin.js';
import {withRetry} from '../retry.js';
import {isTemporaryFailure} from '../transport.js';
import {OciTagApi} from './oci.js';
import {RestContext, parseApiDate, restCall} from './rest.js';
import {DeleteOutcome, TagApi} from './tag-api.js';

/** The GitHub REST API root (`GITHUB_API_URL`); tests point it at a local fixture. */
export const GITHUB_API = 'https://api.github.com';

interface PackageVersion {
  readonly id: number;
  readonly name: string;
  readonly updated_at?: string;
  readonly metadata?: {container?: {tags?: string[]}};
}

/**
 * GHCR tags: the registry answers 405 to every DELETE (skopeo#1880), so untag — PUT a unique
 * placeholder under the tag — then delete the placeholder's package version through the GitHub
 * Packages REST API (`/orgs|users/<owner>/packages/container/<pkg>/versions`).
 */
export class GhcrTagApi implements TagApi {
  readonly kind = 'ghcr';
  readonly knowsTagTimes = true;
  // Whether each owner is an organisation or a user, learnt once.
  private readonly ownerKinds = new Map<string, 'orgs' | 'users'>();

  constructor(
    private readonly ctx: RestContext,
    private readonly oci: OciTagApi,
    private readonly token: string | undefined,
    private readonly baseUrl: string = GITHUB_API
  ) {}

  /**
   * Untag, then delete the placeholder version (never the version other tags share). A tag
   * already on a placeholder (an earlier delete that did not finish) only needs the version
   * deleted.
   */
  async deleteTag(repository: RepositoryName, tag: string): Promise<DeleteOutcome> {
    const versions = await this.versions(repository);
    if (!versions.some(v => v.metadata?.container?.tags?.includes(tag))) return 'absent';
    const placeholder =
      (await this.oci.placeholderAt(repository, tag)) ??
      (await this.oci.placeholderUnder(repository, tag));
    // The REST listing can lag the registry by a moment; look again a few times.
    const version = await withRetry(
      async () => {
        const found = (await this.versions(repository)).find(v => v.name === placeholder);
        if (found) return found;
        throw new RegistryError({
          operation: 'find placeholder version (GitHub API)',
          registry: repository.registry,
          repository: repository.repository,
          reason: `no package version ${placeholder} yet`,
          temporary: true
        });
      },
      this.ctx.retry,
      this.ctx.clock,
      {isTemporary: isTemporaryFailure}
    );
    if (!Number.isSafeInteger(version.id) || version.id <= 0) {
      throw this.refuse(repository, 'the package version has no numeric id');
    }
    await restCall(this.ctx, {
      ...(await this.call(
        repository,
        'delete package version (GitHub API)',
        'DELETE',
        `/${version.id}`
      )),
      expect: [204, 404]
    });
    return 'deleted';
  }

  /** `updated_at` of the package version carrying the tag. */
  async tagUpdatedAt(repository: RepositoryName, tag: string): Promise<Date | undefined> {
    const version = (await this.versions(repository)).find(v =>
      v.metadata?.container?.tags?.includes(tag)
    );
    return parseApiDate(version?.updated_at);
  }

  /** Every package version, newest first, following `Link` pages. */
  async versions(repository: RepositoryName): Promise<PackageVersion[]> {
    const all: PackageVersion[] = [];
    let url: string | undefined = (await this.call(repository, '', 'GET', '?per_page=100')).url;
    while (url) {
      const res = await restCall(this.ctx, {
        ...(await this.call(repository, 'list package versions (GitHub API)', 'GET', '')),
        url,
        expect: [200]
      });
      const page = res.body ?? [];
      if (!Array.isArray(page))
        throw this.refuse(repository, 'the answer is not a list of versions');
      for (const version of page as PackageVersion[]) all.push(version);
      // The GitHub token goes with every page: follow the Link only on the API's own origin.
      const next = nextLink(res.link, url);
      url = next && sameOriginLink(next, url, reason => this.refuse(repository, reason));
    }
    return all;
  }

  private refuse(repository: RepositoryName, reason: string): RegistryError {
    return new RegistryError({
      operation: 'list package versions (GitHub API)',
      registry: repository.registry,
      repository: repository.repository,
      reason,
      temporary: false
    });
  }

  private async call(
    repository: RepositoryName,
    operation: string,
    method: string,
    suffix: string
  ) {
    if (!this.token) {
      throw new RegistryError({
        operation,
        registry: repository.registry,
        repository: repository.repository,
        reason: 'no GitHub token for the Packages API',
        temporary: false
      });
    }
    const [owner, ...rest] = repository.repository.split('/');
    // The package name is the path after the owner, with "/" escaped (owner/a/b → "a%2Fb").
    const pkg = encodeURIComponent(rest.join('/'));
    const headers = {
      authorization: `Bearer ${this.token}`,
      accept: 'application/vnd.github+json',
      'x-github-api-version': '2022-11-28'
    };
    const base = (kind: string) =>
      `${this.baseUrl}/${kind}/${owner}/packages/container/${pkg}/versions`;
    let kind = this.ownerKinds.get(owner);
    if (!kind) {
      // Organisation first; a 404 there means the owner is a user.
      const probe = await restCall(this.ctx, {
        operation: 'find package owner (GitHub API)',
        registry: repository.registry,
        repository: repository.repository,
        method: 'GET',
        url: `${base('orgs')}?per_page=1`,
        headers,
        expect: [200, 404]
      });
      kind = probe.status === 200 ? 'orgs' : 'users';
      this.ownerKinds.set(owner, kind);
    }
    const {registry} = repository;
    return {
      operation,
      registry,
      repository: repository.repository,
      method,
      url: `${base(kind)}${suffix}`,
      headers
    };
  }
}
