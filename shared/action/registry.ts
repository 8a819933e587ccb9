import * as core from '@actions/core';
import {readFileSync} from 'node:fs';
import {type CredentialStore} from '../model/credentials.js';
import {Registry} from '../registry/index.js';
import {type RunnerContext} from './context.js';

/** Environment variable naming extra CA files (PEM, comma-separated) registries may use. */
export const REGISTRY_CA_ENV = 'IMAGEGATE_REGISTRY_CA_FILES';

/**
 * The registry engine as actions use it: credentials from the store, engine logs as debug lines,
 * the GitHub API (for GHCR package versions) from the runner, extra CAs from the environment.
 */
export function createActionRegistry(
  store: CredentialStore,
  ctx: RunnerContext,
  options: {githubToken?: string; concurrency?: number} = {},
  env: NodeJS.ProcessEnv = process.env
): Registry {
  const {githubToken, concurrency} = options;
  const caFiles = (env[REGISTRY_CA_ENV] ?? '').split(',').filter(f => f.trim() !== '');
  const quay = store.find('quay.io');
  return new Registry({
    credentials: store.lookup,
    ...(caFiles.length > 0 && {ca: caFiles.map(f => readFileSync(f.trim(), 'utf8'))}),
    logger: {debug: m => core.debug(m), info: m => core.info(m), warning: m => core.warning(m)},
    githubApiUrl: ctx.apiUrl,
    ...(githubToken && {githubToken}),
    ...(quay?.apiToken && {quayToken: quay.apiToken}),
    ...(concurrency !== undefined && {concurrency})
  });
}
