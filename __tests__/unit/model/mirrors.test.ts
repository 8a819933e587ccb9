import {parseMirrors} from '../../../shared/model/mirrors.js';

describe('parseMirrors', () => {
  test('reads Zuul keys with defaults', () => {
    const [entry] = parseMirrors(
      '- {src_repository: quay.io/org/app, src_tag: v1, dest_repository: ghcr.io/o/app}'
    );
    expect(entry.tags).toEqual({kind: 'list', tags: ['v1']});
    expect(entry.destinationRegistry).toBeUndefined();
    expect(entry.noClobber).toBe(false);
  });

  test('accepts a tag regex and a platform filter', () => {
    const [entry] = parseMirrors(
      '- {src_repository: a/b, tags: "/^v[0-9]+$/", dest_repository: c/d, platforms: [linux/arm64], no_clobber: true}'
    );
    expect(entry.tags.kind).toBe('regex');
    expect(entry.platforms).toEqual(['linux/arm64']);
  });

  // prettier-ignore
  test.each([
    ['{}', 'mirrors: must be a list'],
    ['- {dest_repository: a/b, src_tag: x}', 'mirrors[0].src_repository: is required'],
    ['- {src_repository: a/b, src_tag: x}', 'mirrors[0].dest_repository: is required'],
    ['- {src_repository: a/b, dest_repository: c/d}', 'mirrors[0].src_tag: is required'],
    ['- {src_repository: a/b, src_tag: x, tags: [y], dest_repository: c/d}', 'mirrors[0].tags: cannot be combined'],
    ['- {src_repository: a/b, tags: "/([/", dest_repository: c/d}', 'mirrors[0].tags: is not a valid regular expression'],
    ['- {src_repository: a/b, tags: [v1, v2], dest_tag: x, dest_repository: c/d}', 'mirrors[0].dest_tag: needs exactly one source tag'],
    ['- {src_repository: a/b, src_tag: "x!", dest_repository: c/d}', 'mirrors[0].src_tag: "x!" is not a valid tag'],
    ['- {src_repository: a/b, src_tag: x, dest_repository: c/D}', 'mirrors[0].dest_repository: "c/D": repository names must be lowercase'],
    ['- {src_repository: a/b, src_tag: x, dest_repository: c/d, platforms: [amd64]}', 'mirrors[0].platforms[0]'],
    ['- {src_repository: a/b, src_tag: x, dest_repository: c/d, no_clobber: "yes"}', 'mirrors[0].no_clobber: must be true or false'],
    ['- {src_repository: a/b, src_tag: x, dest_repository: c/d, src_digest: sha256:12}', 'mirrors[0].src_digest'],
    ['- {src_repo: a/b, src_tag: x, dest_repository: c/d}', 'mirrors[0].src_repo: unknown key (did you mean "src_repository"?)']
  ])('%s → %s', (text, message) => {
    expect(() => parseMirrors(text)).toThrow(message);
  });
});
