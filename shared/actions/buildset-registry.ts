import * as core from '@actions/core';
import {readRunnerContext} from '../action/context.js';
import {readBuildsetRegistryInputs} from '../inputs/buildset-registry.js';
import {InputReader, actionInputSource} from '../inputs/reader.js';
import {notImplementedYet, printPlan} from './plan.js';

/** The buildset-registry action's main step: start and configure the per-change registry. */
export async function buildsetRegistryAction(): Promise<void> {
  const inputs = readBuildsetRegistryInputs(
    new InputReader(actionInputSource),
    readRunnerContext()
  );
  printPlan('Buildset registry plan', [
    `start ${inputs.registryImage} with ${inputs.containerCommand} (TLS, htpasswd, deletion enabled)`,
    `configure: ${inputs.configure ? inputs.configure.join(', ') || 'nothing' : 'every runtime found'}`,
    `namespaces: ${inputs.namespaces.join(', ')}`,
    `share: ${inputs.share}`
  ]);
  notImplementedYet('buildset-registry');
}

/** The buildset-registry action's post step: clean up whatever main created. */
export async function buildsetRegistryPost(): Promise<void> {
  core.info('imagegate buildset-registry post: nothing to clean up');
}
