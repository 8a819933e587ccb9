import * as runner from './workflow-commands.js';
import {existsSync, readFileSync} from 'node:fs';
import {homedir} from 'node:os';
import {join} from 'node:path';
import {
  CredentialStore,
  parseDockerConfigAuths,
  parseRegistryCredentials
} from '../model/credentials.js';

/**
 * Build the credential store from the `registry-credentials` text and the docker config left by
 * `docker login` / docker/login-action. Every secret is masked the moment it is read.
 */
export function loadCredentials(
  registryCredentialsText: string,
  env: NodeJS.ProcessEnv = process.env,
  mask: (secret: string) => void = runner.setSecret
): CredentialStore {
  const explicit =
    registryCredentialsText.trim() === ''
      ? []
      : parseRegistryCredentials(registryCredentialsText, mask);
  const configPath = join(env.DOCKER_CONFIG || join(homedir(), '.docker'), 'config.json');
  const fromDocker = existsSync(configPath)
    ? parseDockerConfigAuths(readFileSync(configPath, 'utf8'), mask)
    : [];
  return new CredentialStore([...explicit, ...fromDocker]);
}
