import {randomBytes} from 'node:crypto';
import {IN_CONTAINER} from './container.js';

/** The twin's port inside the container (the primary has the image's 5000). */
export const MIRROR_PORT_IN_CONTAINER = 5001;

/**
 * The registry's config.yml (JSON is YAML): filesystem storage with deletion enabled, and either
 * TLS + htpasswd (the read-write registry) or, for the twin dockerd mirrors through, plain HTTP,
 * no auth and read-only storage. dockerd sends a mirror the client's docker.io credentials,
 * never ours, so a mirror can only be anonymous; and dockerd's embedded BuildKit speaks plain
 * HTTP to loopback registries. The twin, a second process in the registry's container, listens
 * on its own port, published on 127.0.0.1 only.
 */
export function registryConfig(kind: 'primary' | 'mirror', httpSecret: string): string {
  const config = {
    version: '0.1',
    log: {level: 'info', formatter: 'text', accesslog: {disabled: false}},
    storage: {
      filesystem: {rootdirectory: IN_CONTAINER.storage},
      delete: {enabled: true},
      maintenance: {
        uploadpurging: {enabled: false},
        ...(kind === 'mirror' && {readonly: {enabled: true}})
      }
    },
    http: {
      addr: kind === 'primary' ? ':5000' : `:${MIRROR_PORT_IN_CONTAINER}`,
      secret: httpSecret,
      ...(kind === 'primary' && {
        tls: {
          certificate: `${IN_CONTAINER.tls}/server.crt`,
          key: `${IN_CONTAINER.tls}/server.key`
        }
      })
    },
    ...(kind === 'primary' && {
      auth: {htpasswd: {realm: 'imagegate-buildset', path: `${IN_CONTAINER.auth}/htpasswd`}}
    })
  };
  return `${JSON.stringify(config, null, 2)}\n`;
}

/** A random secret for the registry's upload-state HMAC (shared by both containers). */
export function httpSecret(): string {
  return randomBytes(24).toString('hex');
}
