import {DOCKER_HUB, RepositoryName} from '../model/reference.js';
import {DockerHubTagApi} from './adapters/docker-hub.js';
import {GhcrTagApi} from './adapters/ghcr.js';
import {OciTagApi} from './adapters/oci.js';
import {QuayTagApi} from './adapters/quay.js';
import {RestContext} from './adapters/rest.js';
import {TagApi, TagInfo} from './adapters/tag-api.js';
import {CredentialLookup} from './auth.js';
import {RegistryContext} from './context.js';

/** Which tag API a registry gets. */
export type TagApiKind = 'oci' | 'docker-hub' | 'quay' | 'ghcr';

/** The options TagApis reads (a subset of RegistryOptions). */
export interface TagApiOptions {
  readonly credentials?: CredentialLookup;
  /** Tag API per registry host; defaults: docker.io → docker-hub, quay.io → quay, ghcr.io → ghcr. */
  readonly tagApis?: Readonly<Record<string, TagApiKind>>;
  readonly dockerHubApiUrl?: string;
  readonly quayApiUrl?: string;
  readonly quayToken?: string;
  /** GitHub REST API root (`GITHUB_API_URL`) and token for GHCR package versions. */
  readonly githubApiUrl?: string;
  readonly githubToken?: string;
}

// Registries whose registry API cannot delete a tag: Docker Hub (Hub API), Quay (its tag API),
// GHCR (untag, then delete the package version through the GitHub REST API).
const DEFAULT_KINDS: Readonly<Record<string, TagApiKind>> = {
  [DOCKER_HUB]: 'docker-hub',
  'quay.io': 'quay',
  'ghcr.io': 'ghcr'
};

/** Picks and caches the tag API adapter for each registry host. */
export class TagApis {
  private readonly oci: OciTagApi;
  private readonly apis = new Map<TagApiKind, TagApi>();

  constructor(
    ctx: RegistryContext,
    private readonly rest: RestContext & {options: TagApiOptions}
  ) {
    this.oci = new OciTagApi(ctx);
  }

  /** The adapter for a registry host. */
  for(registry: string): TagApi {
    const {options} = this.rest;
    const kind = options.tagApis?.[registry] ?? DEFAULT_KINDS[registry] ?? 'oci';
    if (kind === 'oci') return this.oci;
    let api = this.apis.get(kind);
    if (!api) {
      if (kind === 'docker-hub') {
        api = new DockerHubTagApi(this.rest, options.credentials, options.dockerHubApiUrl);
      } else if (kind === 'quay') {
        api = new QuayTagApi(this.rest, options.quayToken, options.quayApiUrl);
      } else {
        const token = options.githubToken ?? options.credentials?.(registry)?.password;
        api = new GhcrTagApi(this.rest, this.oci, token, options.githubApiUrl);
      }
      this.apis.set(kind, api);
    }
    return api;
  }

  /** Tags with update times from adapters that can list them (Docker Hub, Quay). */
  async listTagInfo(repository: RepositoryName): Promise<TagInfo[] | undefined> {
    const api = this.for(repository.registry) as TagApi & {
      listTags?(r: RepositoryName): Promise<TagInfo[]>;
    };
    return api.listTags ? api.listTags(repository) : undefined;
  }
}
