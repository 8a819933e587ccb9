import {chmod, mkdir, writeFile} from 'node:fs/promises';
import {join} from 'node:path';
import {randomBytes} from 'node:crypto';
import {registrySans} from './addresses.js';
import {type ContainerSpec, freePort, startContainer, waitForRegistry} from './container.js';
import {type BuildsetDeps} from './deps.js';
import {generateRegistryTls} from './pki.js';
import {httpSecret, registryConfig} from './registry-config.js';
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

/**
 * Generate the password (masked at once), htpasswd, CA and server certificate, write the
 * configuration under the root directory, start the registry (and its read-only twin), and
 * wait until `/v2/` answers.
 */
export async function startRegistry(
  deps: BuildsetDeps,
  req: StartRequest
): Promise<StartedRegistry> {
  const password = randomPassword();
  deps.mask(password);
  const dirs = {
    tls: join(req.rootDir, 'tls'),
    auth: join(req.rootDir, 'auth'),
    secret: join(req.rootDir, 'secret'),
    certDir: join(req.rootDir, 'certs'),
    config: join(req.rootDir, 'config')
  };
  for (const dir of [...Object.values(dirs), req.storageDir]) await mkdir(dir, {recursive: true});
  await chmod(dirs.secret, 0o700);
  const passwordFile = join(dirs.secret, 'password');
  await writeFile(passwordFile, password, {mode: 0o600});
  await writeFile(join(dirs.auth, 'htpasswd'), htpasswdLine(REGISTRY_USER, password), {
    mode: 0o600
  });

  const placement = deps.placement;
  // The registry listens where its clients are: loopback (this job's steps) and the host's
  // container bridges (the job's containers); the certificate names the same addresses.
  const addresses = deps.addresses();
  const sans = registrySans(placement ? [placement.ip] : [], addresses);
  const tls = await generateRegistryTls(sans, deps.now());
  await writeFile(join(dirs.tls, 'ca.crt'), tls.caCert);
  await writeFile(join(dirs.tls, 'server.crt'), tls.serverCert);
  await writeFile(join(dirs.tls, 'server.key'), tls.serverKey, {mode: 0o600});
  await writeFile(join(dirs.certDir, 'ca.crt'), tls.caCert);

  const secret = httpSecret();
  const suffix = randomBytes(4).toString('hex');
  const labels = {'dev.imagegate.buildset-registry': suffix};
  const primaryConfig = join(dirs.config, 'primary.yml');
  await writeFile(primaryConfig, registryConfig('primary', secret), {mode: 0o600});
  const port = placement ? 5000 : await freePort();
  const host = placement ? placement.ip : '127.0.0.1';
  const common = {image: req.image, tlsDir: dirs.tls, storageDir: req.storageDir, labels};
  const specs: ContainerSpec[] = [
    {
      ...common,
      name: `imagegate-buildset-${suffix}`,
      configFile: primaryConfig,
      authDir: dirs.auth,
      ...(placement
        ? {network: {name: placement.network, ip: placement.ip}}
        : {publish: {port, addresses: ['127.0.0.1', ...addresses]}})
    }
  ];
  let mirror: string | undefined;
  if (req.withMirror) {
    const mirrorConfig = join(dirs.config, 'mirror.yml');
    await writeFile(mirrorConfig, registryConfig('mirror', secret), {mode: 0o600});
    const mirrorPort = await freePort();
    mirror = `127.0.0.1:${mirrorPort}`;
    // Anonymous plain HTTP, so only on loopback: dockerd on this host is its only client.
    specs.push({
      ...common,
      name: `imagegate-buildset-${suffix}-mirror`,
      configFile: mirrorConfig,
      publish: {port: mirrorPort, addresses: ['127.0.0.1']}
    });
  }
  for (const spec of specs) req.onContainer(spec.name);
  await Promise.all(specs.map(spec => startContainer(deps.runner, req.engine, spec)));
  const registry = `${host}:${port}`;
  await Promise.all([
    waitForRegistry(`https://${registry}`, tls.caCert, 401),
    ...(mirror ? [waitForRegistry(`http://${mirror}`, undefined, 200)] : [])
  ]);
  return {
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
