import {type RegistryCredential} from '../model/credentials.js';
import {type RunnerContext} from '../model/runner-context.js';
import {type ChangeIdentity} from '../model/change.js';
import {InputError} from '../model/errors.js';
import {parseReference} from '../model/reference.js';
import {type RegistryLocation} from '../model/registry-location.js';
import {
  CONTAINER_COMMANDS,
  type ContainerCommand,
  readChangeIdentity,
  readIntermediateRegistry
} from './common.js';
import {type InputReader} from './reader.js';

export const RUNTIMES = ['docker', 'buildx', 'podman'] as const;
export type Runtime = (typeof RUNTIMES)[number];
export const SHARE_MODES = ['none', 'save', 'restore'] as const;
export type ShareMode = (typeof SHARE_MODES)[number];
export const DEFAULT_NAMESPACES = ['docker.io', 'quay.io', 'ghcr.io', 'gcr.io', 'registry.k8s.io'];

/** Everything the buildset-registry step needs, validated. */
export interface BuildsetRegistryInputs {
  readonly registryImage: string;
  readonly containerCommand: ContainerCommand;
  /** Runtimes to configure; undefined means every runtime found on the machine. */
  readonly configure?: readonly Runtime[];
  readonly namespaces: readonly string[];
  readonly intermediateRegistry?: RegistryLocation;
  readonly registryCredentials: readonly RegistryCredential[];
  readonly requireDependencies: boolean;
  readonly share: ShareMode;
  /**
   * Distributed builds: with `save`, the part this job saves (its platform); with `restore`,
   * every part to restore into one storage. Empty: the run's one shared storage.
   */
  readonly shareParts?: readonly string[];
  readonly restartDocker: boolean;
  readonly githubToken: string;
  readonly identity: ChangeIdentity;
}

/** Read and validate the buildset-registry action's inputs. */
export function readBuildsetRegistryInputs(
  reader: InputReader,
  ctx: RunnerContext
): BuildsetRegistryInputs {
  const registryImage = reader.string('registry-image', 'docker.io/library/registry:2');
  parseReference(registryImage, 'registry-image');
  const intermediateRegistry = readIntermediateRegistry(reader, false, '');
  const share = reader.choice('share', SHARE_MODES, 'none');
  return {
    registryImage,
    containerCommand: reader.choice('container-command', CONTAINER_COMMANDS, 'docker'),
    ...readConfigure(reader.list('configure')),
    namespaces: reader.list('namespaces', DEFAULT_NAMESPACES).map((ns, i) => checkNamespace(ns, i)),
    ...(intermediateRegistry && {intermediateRegistry}),
    registryCredentials: reader.credentials(),
    requireDependencies: reader.boolean('require-dependencies', false),
    share,
    shareParts: readShareParts(reader.list('share-parts'), share),
    restartDocker: reader.boolean('restart-docker', false),
    githubToken: reader.string('github-token'),
    identity: readChangeIdentity(reader, ctx)
  };
}

function readConfigure(items: string[]): {configure?: Runtime[]} {
  if (items.length === 0 || (items.length === 1 && items[0] === 'all')) return {};
  if (items.length === 1 && items[0] === 'none') return {configure: []};
  items.forEach((item, i) => {
    if (!(RUNTIMES as readonly string[]).includes(item)) {
      throw new InputError(
        `configure[${i}]`,
        `"${item}" is not one of: all, none, ${RUNTIMES.join(', ')}`
      );
    }
  });
  return {configure: items as Runtime[]};
}

/** Part names (platforms, usually) are cache-key material: a plain spelling, one part to save. */
function readShareParts(parts: string[], share: ShareMode): string[] {
  parts.forEach((part, i) => {
    if (!/^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$/.test(part))
      throw new InputError(`share-parts[${i}]`, `"${part}" is not a part name like linux/arm64`);
  });
  if (parts.length > 0 && share === 'none')
    throw new InputError(
      'share-parts',
      "needs share: save (this job's part) or restore (the parts)"
    );
  if (parts.length > 1 && share === 'save')
    throw new InputError('share-parts', "share: save saves this job's one part; name only it");
  return parts;
}

function checkNamespace(ns: string, i: number): string {
  if (!/^[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:[0-9]+)?$/.test(ns)) {
    throw new InputError(`namespaces[${i}]`, `"${ns}" is not a registry host like "quay.io"`);
  }
  return ns;
}
