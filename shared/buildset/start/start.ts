import {chmodSync, mkdirSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {randomBytes} from 'node:crypto';
import {registrySans} from './addresses.js';
import {
  type ContainerSpec,
  freePort,
  startOnPresentAddresses,
  startMirrorProcess,
  waitForRegistry
} from './container.js';
import {type BuildsetDeps} from '../deps.js';
import {dockerSocket} from './docker-socket.js';
import {generateRegistryTls} from './pki.js';
import {MIRROR_PORT_IN_CONTAINER, httpSecret, registryConfig} from './registry-config.js';
import {REGISTRY_USER, htpasswdLine, randomPassword} from './secrets.js';

/** A running buildset registry, as main reports it. */
export interface StartedRegistry {
  readonly host: string;
  readonly port: number;
  /** `host:port`. */
  readonly registry: string;
  readonly username: string;
  readonly password: string;
  readonly passwordFile: string;
  readonly caCert: string;
  readonly caCertFile: string;
  /** Directory holding only ca.crt (podman/skopeo `--cert-dir`). */
  readonly certDir: string;
  /** The anonymous read-only twin for dockerd's `registry-mirrors`, when started. */
  readonly mirror?: string;
}

export interface StartRequest {
  readonly rootDir: string;
  readonly storageDir: string;
  readonly image: string;
  readonly engine: 'docker' | 'podman';
  readonly withMirror: boolean;
  /** Called with each container name before it is started, so post can remove it. */
  readonly onContainer: (name: string) => void;
}

/** A registry whose files are written and whose coordinates are known, not yet running. */
export interface PreparedRegistry extends StartedRegistry {
  /** Run the registry (and its read-only twin) and wait until both answer `/v2/`. */
  readonly launch: () => Promise<void>;
  /**
   * Start the twin again and wait for it, after a dockerd restart brought the container back
   * (the twin is a second process in the registry's container, which a restart does not rerun).
   */
  readonly restartMirror: () => Promise<void>;
}

/**
 * Generate the password (masked at once), htpasswd, CA and server certificate (P-256: under a
 * millisecond), and write the configuration under the root directory: everything the runtimes
 * are configured with, ready in milliseconds, so configuring overlaps `launch()`, which starts
 * the one container. The files are written synchronously: nothing else runs yet, and a busy
 * runner's thread pool added tens of milliseconds per awaited write.
 */
export async function prepareRegistry(
  deps: BuildsetDeps,
  req: StartRequest
): Promise<PreparedRegistry> {
  const password = randomPassword();
  deps.mask(password);
  const dirs = {
    tls: join(req.rootDir, 'tls'),
    auth: join(req.rootDir, 'auth'),
    secret: join(req.rootDir, 'secret'),
    certDir: join(req.rootDir, 'certs'),
    config: join(req.rootDir, 'config')
  };
  for (const dir of [...Object.values(dirs), req.storageDir]) mkdirSync(dir, {recursive: true});
  chmodSync(dirs.secret, 0o700);
  const passwordFile = join(dirs.secret, 'password');
  writeFileSync(passwordFile, password, {mode: 0o600});
  writeFileSync(join(dirs.auth, 'htpasswd'), htpasswdLine(REGISTRY_USER, password), {mode: 0o600});

  const placement = deps.placement;
  // The registry listens where its clients are: loopback (this job's steps) and the host's
  // container bridges (the job's containers); the certificate names the same addresses.
  const addresses = deps.addresses();
  const sans = registrySans(placement ? [placement.ip] : [], addresses);
  const tls = generateRegistryTls(sans, deps.now());
  writeFileSync(join(dirs.tls, 'ca.crt'), tls.caCert);
  writeFileSync(join(dirs.tls, 'server.crt'), tls.serverCert);
  writeFileSync(join(dirs.tls, 'server.key'), tls.serverKey, {mode: 0o600});
  writeFileSync(join(dirs.certDir, 'ca.crt'), tls.caCert);

  const secret = httpSecret();
  const suffix = randomBytes(4).toString('hex');
  const primaryConfig = join(dirs.config, 'primary.yml');
  writeFileSync(primaryConfig, registryConfig('primary', secret), {mode: 0o600});
  const [port, mirrorPort] = await Promise.all([
    placement ? 5000 : freePort(),
    req.withMirror ? freePort() : undefined
  ]);
  const host = placement ? placement.ip : '127.0.0.1';
  let mirrorConfig: string | undefined;
  if (mirrorPort !== undefined) {
    mirrorConfig = join(dirs.config, 'mirror.yml');
    writeFileSync(mirrorConfig, registryConfig('mirror', secret), {mode: 0o600});
  }
  const spec: ContainerSpec = {
    name: `imagegate-buildset-${suffix}`,
    image: req.image,
    tlsDir: dirs.tls,
    storageDir: req.storageDir,
    labels: {'dev.imagegate.buildset-registry': suffix},
    configFile: primaryConfig,
    authDir: dirs.auth,
    ...(placement
      ? {network: {name: placement.network, ip: placement.ip}}
      : {publish: {port, addresses: ['127.0.0.1', ...addresses]}}),
    // The twin is anonymous plain HTTP, so only on loopback: dockerd on this host is its only
    // client. It runs in the same container: a second container cost half a second more.
    ...(mirrorConfig &&
      mirrorPort !== undefined && {
        mirror: {
          port: mirrorPort,
          containerPort: MIRROR_PORT_IN_CONTAINER,
          configFile: mirrorConfig
        }
      })
  };
  const mirror = mirrorPort === undefined ? undefined : `127.0.0.1:${mirrorPort}`;
  req.onContainer(spec.name);
  const registry = `${host}:${port}`;
  const startMirror = async () => {
    if (!mirror) return;
    await startMirrorProcess(deps.runner, req.engine, spec, dockerSocket(deps.env));
    await waitForRegistry(`http://${mirror}`, undefined, 200);
  };
  return {
    launch: async () => {
      await startOnPresentAddresses(deps.runner, req.engine, spec, deps.addresses);
      await Promise.all([waitForRegistry(`https://${registry}`, tls.caCert, 401), startMirror()]);
    },
    restartMirror: startMirror,
    host,
    port,
    registry,
    username: REGISTRY_USER,
    password,
    passwordFile,
    caCert: tls.caCert,
    caCertFile: join(dirs.certDir, 'ca.crt'),
    certDir: dirs.certDir,
    ...(mirror && {mirror})
  };
}
