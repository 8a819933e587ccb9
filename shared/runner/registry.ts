import {readFileSync} from 'node:fs';
import {type CredentialStore} from '../model/credentials.js';
import {proxyFromEnv} from '../model/proxy-env.js';
import {Registry} from '../registry/index.js';
import {type CommandIO} from './io.js';

/** Environment variable naming extra CA files (PEM, comma-separated) registries may use. */
export const REGISTRY_CA_ENV = 'IMAGEGATE_REGISTRY_CA_FILES';

/**
 * The registry client as commands use it: credentials from the store, client chatter as debug
 * lines, the GitHub API (for GHCR package versions) from the context, extra CAs from the
 * environment, the Quay API token from the quay.io credential.
 */
export function createRegistry(
  store: CredentialStore,
  io: Pick<CommandIO, 'ctx' | 'log' | 'debug' | 'env'>,
  options: {githubToken?: string; concurrency?: number} = {}
): Registry {
  const {githubToken, concurrency} = options;
  const caFiles = (io.env[REGISTRY_CA_ENV] ?? '').split(',').filter(f => f.trim() !== '');
  const quay = store.find('quay.io');
  return new Registry({
    credentials: store.lookup,
    ...(caFiles.length > 0 && {ca: caFiles.map(f => readFileSync(f.trim(), 'utf8'))}),
    logger: {debug: io.debug, info: m => io.log.info(m), warning: m => io.log.warning(m)},
    ...(io.ctx.apiUrl && {githubApiUrl: io.ctx.apiUrl}),
    proxy: proxyFromEnv(io.env),
    ...(githubToken && {githubToken}),
    ...(quay?.apiToken && {quayToken: quay.apiToken}),
    ...(concurrency !== undefined && {concurrency})
  });
}
