/** imagegate's version, sent in `User-Agent`; a unit test keeps it equal to package.json's. */
export const IMAGEGATE_VERSION = '0.1.0';

/** The `User-Agent` header value registries see (they log it; Docker Hub groups pulls by it). */
export const USER_AGENT = `imagegate/${IMAGEGATE_VERSION}`;
