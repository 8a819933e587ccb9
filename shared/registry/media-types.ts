/**
 * Manifest media types the client reads and writes
 * (https://github.com/opencontainers/image-spec/blob/main/media-types.md,
 * https://distribution.github.io/distribution/spec/manifest-v2-2/).
 */
export const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
export const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
export const DOCKER_MANIFEST = 'application/vnd.docker.distribution.manifest.v2+json';
export const DOCKER_MANIFEST_LIST = 'application/vnd.docker.distribution.manifest.list.v2+json';
/** The OCI empty descriptor's media type, used by the untag placeholder. */
export const OCI_EMPTY = 'application/vnd.oci.empty.v1+json';

/** Every manifest type, for `Accept`; a registry picks the stored one and never converts. */
export const MANIFEST_ACCEPT = [
  OCI_INDEX,
  DOCKER_MANIFEST_LIST,
  OCI_MANIFEST,
  DOCKER_MANIFEST
].join(', ');

/** Whether the media type is a multi-platform index (OCI index or Docker manifest list). */
export function isIndex(mediaType: string | undefined): boolean {
  return mediaType === OCI_INDEX || mediaType === DOCKER_MANIFEST_LIST;
}

/** Whether the media type is a single-platform image manifest. */
export function isImageManifest(mediaType: string | undefined): boolean {
  return mediaType === OCI_MANIFEST || mediaType === DOCKER_MANIFEST;
}
