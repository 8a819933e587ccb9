/**
 * How the buildset-registry action tells later steps of the job about the active buildset
 * registry: environment variables (written to GITHUB_ENV). Build and upload push what they
 * build there too, under the final names, so consumer jobs find the images.
 */
export const BuildsetEnv = {
  /** `host:port` of the active buildset registry; unset means none. */
  Registry: 'IMAGEGATE_BUILDSET_REGISTRY',
  Username: 'IMAGEGATE_BUILDSET_REGISTRY_USERNAME',
  /** Masked by the action that sets it. */
  Password: 'IMAGEGATE_BUILDSET_REGISTRY_PASSWORD',
  /** A directory holding the registry's `ca.crt` (podman/skopeo `--cert-dir`). */
  CertDir: 'IMAGEGATE_BUILDSET_REGISTRY_CERT_DIR'
} as const;

/** The active buildset registry as the environment describes it. */
export interface BuildsetRegistryEnv {
  readonly registry: string;
  readonly username?: string;
  readonly password?: string;
  readonly certDir?: string;
}

/** Read the buildset registry variables; undefined when no buildset registry is active. */
export function readBuildsetRegistryEnv(env: NodeJS.ProcessEnv): BuildsetRegistryEnv | undefined {
  const registry = env[BuildsetEnv.Registry]?.trim();
  if (!registry) return undefined;
  const username = env[BuildsetEnv.Username]?.trim();
  const password = env[BuildsetEnv.Password];
  const certDir = env[BuildsetEnv.CertDir]?.trim();
  return {
    registry,
    ...(username && password && {username, password}),
    ...(certDir && {certDir})
  };
}
