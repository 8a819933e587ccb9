import * as runner from './workflow-commands.js';
import {existsSync, readFileSync} from 'node:fs';
import {homedir} from 'node:os';
import {join} from 'node:path';
import {
  CredentialStore,
  type RegistryCredential,
  parseDockerConfigAuths
} from '../model/credentials.js';

/**
 * Build the credential store from the `registry-credentials` input (parsed and masked as it was
 * read) and the docker config left by `docker login` / docker/login-action, whose secrets are
 * masked the moment they are read.
 */
export function loadCredentials(
  explicit: readonly RegistryCredential[],
  env: NodeJS.ProcessEnv = process.env,
  mask: (secret: string) => void = runner.setSecret
): CredentialStore {
  const configPath = join(env.DOCKER_CONFIG || join(homedir(), '.docker'), 'config.json');
  const fromDocker = existsSync(configPath)
    ? parseDockerConfigAuths(readFileSync(configPath, 'utf8'), mask)
    : [];
  return new CredentialStore([...explicit, ...fromDocker]);
}
