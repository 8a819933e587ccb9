/** Decides, for a URL, which proxy (if any) the traffic goes through. */
export type ProxyResolver = (url: URL) => URL | undefined;

/**
 * The proxy rules of the runner and @actions/http-client, read from `env`: HTTPS_PROXY for
 * https and HTTP_PROXY for http (the lower-case variables win), none for loopback hosts, and
 * none for a NO_PROXY entry that is `*`, the host, the host:port, or a parent domain
 * (`example.com` and `.example.com` both cover `registry.example.com`). A proxy value without a
 * scheme means http.
 */
export function proxyFromEnv(env: NodeJS.ProcessEnv): ProxyResolver {
  return url => {
    if (bypassed(url, env.no_proxy || env.NO_PROXY || '')) return undefined;
    const value =
      url.protocol === 'https:'
        ? env.https_proxy || env.HTTPS_PROXY
        : env.http_proxy || env.HTTP_PROXY;
    if (!value) return undefined;
    try {
      return new URL(value);
    } catch {
      return /^https?:\/\//.test(value) ? undefined : new URL(`http://${value}`);
    }
  };
}

function bypassed(url: URL, noProxy: string): boolean {
  const host = url.hostname.toUpperCase();
  if (isLoopback(host)) return true;
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  const hosts = [host, `${host}:${port}`];
  return noProxy
    .split(',')
    .map(entry => entry.trim().toUpperCase())
    .filter(entry => entry !== '')
    .some(
      entry =>
        entry === '*' ||
        hosts.some(
          h =>
            h === entry || h.endsWith(`.${entry}`) || (entry.startsWith('.') && h.endsWith(entry))
        )
    );
}

function isLoopback(host: string): boolean {
  return (
    host === 'LOCALHOST' ||
    host.startsWith('127.') ||
    host.startsWith('[::1]') ||
    host.startsWith('[0:0:0:0:0:0:0:1]')
  );
}
