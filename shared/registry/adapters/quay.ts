import {RepositoryName} from '../../model/reference.js';
import {RegistryError} from '../errors.js';
import {RestContext, parseApiDate, restCall} from './rest.js';
import {DeleteOutcome, TagApi, TagInfo} from './tag-api.js';

/** Quay's API root; tests point it at a local fixture. */
export const QUAY_API = 'https://quay.io';

/**
 * Quay tags through `/api/v1` with an OAuth bearer token (an application token with
 * `repo:write`; robot credentials only work on the registry API). Red Hat Quay API reference:
 * `deleteFullTag`, `listRepoTags`.
 */
export class QuayTagApi implements TagApi {
  readonly kind = 'quay';
  readonly knowsTagTimes = true;

  constructor(
    private readonly ctx: RestContext,
    private readonly token: string | undefined,
    private readonly baseUrl: string = QUAY_API
  ) {}

  /** `DELETE /api/v1/repository/<ns>/<repo>/tag/<tag>` → 204. */
  async deleteTag(repository: RepositoryName, tag: string): Promise<DeleteOutcome> {
    const res = await restCall(this.ctx, {
      ...this.call(repository, 'delete tag (Quay API)', 'DELETE', `tag/${encodeURIComponent(tag)}`),
      expect: [200, 202, 204, 404]
    });
    return res.status === 404 ? 'absent' : 'deleted';
  }

  /** The active tag's `last_modified`. */
  async tagUpdatedAt(repository: RepositoryName, tag: string): Promise<Date | undefined> {
    const query = `tag/?specificTag=${encodeURIComponent(tag)}&onlyActiveTags=true`;
    const res = await restCall(this.ctx, {
      ...this.call(repository, 'get tag (Quay API)', 'GET', query),
      expect: [200]
    });
    const tags = (res.body as {tags?: {name: string; last_modified?: string}[]}).tags ?? [];
    return parseApiDate(tags.find(t => t.name === tag)?.last_modified);
  }

  /** Every active tag with `last_modified`, following `has_additional` pages. */
  async listTags(repository: RepositoryName): Promise<TagInfo[]> {
    const tags: TagInfo[] = [];
    for (let page = 1; ; page++) {
      const res = await restCall(this.ctx, {
        ...this.call(
          repository,
          'list tags (Quay API)',
          'GET',
          `tag/?onlyActiveTags=true&limit=100&page=${page}`
        ),
        expect: [200]
      });
      const body = res.body as {
        tags?: {name: string; last_modified?: string; manifest_digest?: string}[];
        has_additional?: boolean;
      };
      for (const t of body.tags ?? []) {
        tags.push({
          name: t.name,
          updatedAt: parseApiDate(t.last_modified),
          ...(t.manifest_digest && {digest: t.manifest_digest})
        });
      }
      if (!body.has_additional) return tags;
    }
  }

  private call(repository: RepositoryName, operation: string, method: string, suffix: string) {
    if (!this.token) {
      throw new RegistryError({
        operation,
        registry: repository.registry,
        repository: repository.repository,
        reason: 'no Quay API token configured',
        temporary: false
      });
    }
    const path = repository.repository.split('/').map(encodeURIComponent).join('/');
    return {
      operation,
      registry: repository.registry,
      repository: repository.repository,
      method,
      url: `${this.baseUrl}/api/v1/repository/${path}/${suffix}`,
      headers: {authorization: `Bearer ${this.token}`}
    };
  }
}
