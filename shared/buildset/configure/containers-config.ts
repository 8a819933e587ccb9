import {join} from 'node:path';
import {type RegistryEndpoint, addAuth} from './docker-config.js';
import {type FileEditJournal} from './file-edits.js';
import {mirrorLocation} from './namespaces.js';
import {type SystemPaths} from '../paths.js';

/** Our drop-in's name: read last (drop-ins load in lexical order), so it wins for its prefixes. */
export const DROP_IN_NAME = 'zz-imagegate-buildset.conf';

const quote = (s: string) => JSON.stringify(s);

/**
 * A registries.conf (v2) drop-in: for each namespace the buildset registry as the first mirror,
 * the upstream itself (`location`) as the fall-back when the mirror lacks an image.
 */
export function registriesDropIn(registry: string, namespaces: readonly string[]): string {
  const lines = ['# Written by the imagegate buildset-registry action; removed by its post step.'];
  for (const ns of namespaces) {
    lines.push(
      '',
      '[[registry]]',
      `prefix = ${quote(ns)}`,
      `location = ${quote(ns)}`,
      '',
      '[[registry.mirror]]',
      `location = ${quote(mirrorLocation(registry, ns))}`
    );
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Configure podman, buildah and skopeo (containers/image): the drop-in, our CA in containers
 * certs.d and the credentials in the containers auth file.
 */
export async function configureContainers(
  journal: FileEditJournal,
  paths: SystemPaths,
  endpoint: RegistryEndpoint,
  namespaces: readonly string[]
): Promise<void> {
  const dropIn = registriesDropIn(endpoint.registry, namespaces);
  await journal.write(join(paths.registriesConfDir, DROP_IN_NAME), dropIn, 'owned');
  const ca = join(paths.containersCertsDir, endpoint.registry, 'ca.crt');
  await journal.write(ca, endpoint.caCert, 'owned');
  await addAuth(journal, paths.containersAuthFile, endpoint.registry, endpoint);
}
