/**
 * The `rel="next"` target of a `Link` header (RFC 8288), resolved against `base`; undefined on
 * the last page. distribution sends `</v2/<name>/tags/list?last=x&n=100>; rel="next"`.
 */
export function nextLink(header: string | undefined, base: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(/,(?=\s*<)/)) {
    const match = /^\s*<([^>]*)>(.*)$/.exec(part);
    if (!match) continue;
    const rels = /;\s*rel\s*=\s*"?([^";]+)"?/i.exec(match[2]);
    if (rels && rels[1].toLowerCase().split(/\s+/).includes('next')) {
      return new URL(match[1], base).toString();
    }
  }
  return undefined;
}
