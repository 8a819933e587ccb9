import {RepositoryName} from '../../model/reference.js';
import {CredentialLookup} from '../auth.js';
import {RegistryError} from '../errors.js';
import {sameOriginLink} from '../same-origin.js';
import {RestContext, parseApiDate, restCall} from './rest.js';
import {DeleteOutcome, TagApi, TagInfo} from './tag-api.js';

/** Docker Hub's web API root; tests point it at a local fixture. */
export const DOCKER_HUB_API = 'https://hub.docker.com';

/**
 * Docker Hub tags through `hub.docker.com/v2`: the registry API cannot delete tags there
 * (docker/hub-feedback#2360), so log in (`POST /v2/users/login` → JWT) and use the tag endpoints.
 */
export class DockerHubTagApi implements TagApi {
  readonly kind = 'docker-hub';
  readonly knowsTagTimes = true;
  private jwt?: Promise<string>;

  constructor(
    private readonly ctx: RestContext,
    private readonly credentials: CredentialLookup | undefined,
    private readonly baseUrl: string = DOCKER_HUB_API
  ) {}

  /** `DELETE /v2/repositories/<ns>/<repo>/tags/<tag>/`. */
  async deleteTag(repository: RepositoryName, tag: string): Promise<DeleteOutcome> {
    const res = await restCall(this.ctx, {
      ...this.call(
        repository,
        'delete tag (Docker Hub API)',
        'DELETE',
        `tags/${encodeURIComponent(tag)}/`
      ),
      headers: await this.auth(repository),
      expect: [200, 202, 204, 404]
    });
    return res.status === 404 ? 'absent' : 'deleted';
  }

  /** The tag's `last_updated`. */
  async tagUpdatedAt(repository: RepositoryName, tag: string): Promise<Date | undefined> {
    const res = await restCall(this.ctx, {
      ...this.call(
        repository,
        'get tag (Docker Hub API)',
        'GET',
        `tags/${encodeURIComponent(tag)}/`
      ),
      headers: await this.auth(repository),
      expect: [200, 404]
    });
    if (res.status === 404) return undefined;
    return parseApiDate((res.body as {last_updated?: unknown}).last_updated);
  }

  /** Every tag with its `last_updated`, following `next` pages. */
  async listTags(repository: RepositoryName): Promise<TagInfo[]> {
    const tags: TagInfo[] = [];
    let url: string | undefined = this.call(repository, '', 'GET', 'tags/?page_size=100').url;
    while (url) {
      const res = await restCall(this.ctx, {
        ...this.call(repository, 'list tags (Docker Hub API)', 'GET', ''),
        url,
        headers: await this.auth(repository),
        expect: [200]
      });
      const page = res.body as {
        next?: string | null;
        results?: {name: string; last_updated?: string; digest?: string}[];
      };
      for (const t of Array.isArray(page.results) ? page.results : []) {
        tags.push({
          name: t.name,
          updatedAt: parseApiDate(t.last_updated),
          ...(typeof t.digest === 'string' && {digest: t.digest})
        });
      }
      // The Hub JWT goes with every page: follow `next` only on the API's own origin.
      const refuse = (reason: string) =>
        new RegistryError({
          operation: 'list tags (Docker Hub API)',
          registry: repository.registry,
          repository: repository.repository,
          reason,
          temporary: false
        });
      url =
        typeof page.next === 'string' && page.next !== ''
          ? sameOriginLink(page.next, url, refuse)
          : undefined;
    }
    return tags;
  }

  private call(repository: RepositoryName, operation: string, method: string, suffix: string) {
    // Hub repositories are exactly namespace/name ("library/alpine").
    const [namespace, ...rest] = repository.repository.split('/');
    const path = `${encodeURIComponent(namespace)}/${encodeURIComponent(rest.join('/'))}`;
    return {
      operation,
      registry: repository.registry,
      repository: repository.repository,
      method,
      url: `${this.baseUrl}/v2/repositories/${path}/${suffix}`
    };
  }

  private async auth(repository: RepositoryName): Promise<Record<string, string>> {
    const credentials = this.credentials?.(repository.registry);
    if (!credentials) {
      throw new RegistryError({
        operation: 'log in to Docker Hub API',
        registry: repository.registry,
        reason: 'no credentials for docker.io',
        temporary: false
      });
    }
    this.jwt ??= restCall(this.ctx, {
      operation: 'log in to Docker Hub API',
      registry: repository.registry,
      method: 'POST',
      url: `${this.baseUrl}/v2/users/login`,
      json: {username: credentials.username, password: credentials.password},
      expect: [200]
    }).then(
      res => String((res.body as {token?: unknown}).token ?? ''),
      error => {
        this.jwt = undefined;
        throw error;
      }
    );
    return {authorization: `JWT ${await this.jwt}`};
  }
}
