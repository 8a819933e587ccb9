import {mirrorLocation} from './namespaces.js';

/** The builder this action creates and selects. */
export const BUILDER_NAME = 'imagegate';

const quote = (s: string) => JSON.stringify(s);

/**
 * buildkitd.toml for the builder: every namespace mirrored to the buildset registry (BuildKit,
 * unlike dockerd, mirrors any registry), and the registry's CA trusted.
 */
export function buildkitdToml(
  registry: string,
  namespaces: readonly string[],
  caCertPath: string
): string {
  const lines = ['# Written by the imagegate buildset-registry action.'];
  for (const ns of namespaces) {
    lines.push(`[registry.${quote(ns)}]`, `  mirrors = [${quote(mirrorLocation(registry, ns))}]`);
  }
  lines.push(`[registry.${quote(registry)}]`, `  ca = [${quote(caCertPath)}]`);
  return `${lines.join('\n')}\n`;
}

/** `docker buildx create` for our builder: docker-container driver on the host network, selected. */
export function buildxCreateArgs(configPath: string): string[] {
  return [
    'buildx',
    'create',
    '--name',
    BUILDER_NAME,
    '--driver',
    'docker-container',
    '--driver-opt',
    'network=host',
    '--buildkitd-config',
    configPath,
    '--use',
    '--bootstrap'
  ];
}

/** `docker buildx rm` for our builder (post); buildx then falls back to the default builder. */
export function buildxRemoveArgs(): string[] {
  return ['buildx', 'rm', '--force', BUILDER_NAME];
}

/** `docker buildx version`: whether buildx exists on this machine at all. */
export function buildxVersionArgs(): string[] {
  return ['buildx', 'version'];
}
