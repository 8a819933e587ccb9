import {quoteOutside} from '../model/outside-text.js';

/**
 * A pagination link (`Link: <...>; rel="next"`, a JSON `next`) as given, when it points to the
 * same origin (scheme, host and port) as `base`. A link to anywhere else would carry the request
 * — and the token some APIs send with every page — to a host the registry picked; `refuse`
 * builds the error for that.
 */
export function sameOriginLink(
  next: string,
  base: string,
  refuse: (reason: string) => Error
): string {
  let url: URL;
  try {
    url = new URL(next, base);
  } catch {
    throw refuse(`the next-page link ${quoteOutside(next)} is not a URL`);
  }
  if (url.origin !== new URL(base).origin) {
    throw refuse(
      `the next-page link ${quoteOutside(next)} leaves ${new URL(base).origin}; pagination is only followed on the same origin`
    );
  }
  return url.toString();
}
