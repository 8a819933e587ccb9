import {join} from 'node:path';
import {type FileEditJournal} from './file-edits.js';
import {type SystemPaths} from '../paths.js';

/** What configuring a runtime needs to know about the running buildset registry. */
export interface RegistryEndpoint {
  /** `host:port` clients push to and pull from (authenticated). */
  readonly registry: string;
  readonly username: string;
  readonly password: string;
  /** PEM of the CA that signed the registry certificate. */
  readonly caCert: string;
  /** `127.0.0.1:port` of the anonymous read-only plain-HTTP twin dockerd mirrors through. */
  readonly mirror?: string;
}

/** `{"auth": base64(user:password)}`, the docker config / containers auth file entry. */
export function authEntry(username: string, password: string): {auth: string} {
  return {auth: Buffer.from(`${username}:${password}`).toString('base64')};
}

/** Parse a JSON config file that may be absent or empty; anything but an object is an error. */
export function parseJsonObject(text: string | undefined, path: string): Record<string, unknown> {
  if (text === undefined || text.trim() === '') return {};
  const value: unknown = JSON.parse(text);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error(`${path} does not hold a JSON object`);
  }
  return value as Record<string, unknown>;
}

/** Add our `auths` entry to a docker-style auth file (docker config.json, containers auth.json). */
export async function addAuth(
  journal: FileEditJournal,
  path: string,
  registry: string,
  endpoint: RegistryEndpoint
): Promise<void> {
  const config = parseJsonObject(await journal.read(path), path);
  const auths = {...(config.auths as Record<string, unknown> | undefined)};
  auths[registry] = authEntry(endpoint.username, endpoint.password);
  const text = `${JSON.stringify({...config, auths}, null, '\t')}\n`;
  await journal.write(path, text, 'json-auth', {key: registry}, 0o600);
}

/** The URL daemon.json lists for the read-only twin. */
export function mirrorUrl(endpoint: RegistryEndpoint): string {
  return `http://${endpoint.mirror}`;
}

/** `registry-mirrors` with ours first and every existing entry kept (Zuul replaces them). */
export function mergeMirrors(daemon: Record<string, unknown>, ours: string): unknown[] {
  const existing = Array.isArray(daemon['registry-mirrors']) ? daemon['registry-mirrors'] : [];
  return [ours, ...existing.filter(m => m !== ours)];
}

/**
 * Configure the docker engine: the CA under certs.d, our credentials
 * in the CLI config, and (when docker.io is mirrored) the read-only twin first in
 * `registry-mirrors`. Returns whether daemon.json changed, i.e. whether dockerd must reload.
 */
export async function configureDocker(
  journal: FileEditJournal,
  paths: SystemPaths,
  endpoint: RegistryEndpoint,
  mirrorDockerHub: boolean
): Promise<boolean> {
  const ca = join(paths.dockerCertsDir, endpoint.registry, 'ca.crt');
  await journal.write(ca, endpoint.caCert, 'owned');
  await addAuth(journal, paths.dockerConfig, endpoint.registry, endpoint);
  if (!mirrorDockerHub || !endpoint.mirror) return false;
  const url = mirrorUrl(endpoint);
  const daemon = parseJsonObject(await journal.read(paths.daemonJson), paths.daemonJson);
  const addedList = !Array.isArray(daemon['registry-mirrors']);
  const text = `${JSON.stringify({...daemon, 'registry-mirrors': mergeMirrors(daemon, url)}, null, 2)}\n`;
  await journal.write(paths.daemonJson, text, 'json-mirror', {key: url, addedList});
  return true;
}
