import {nextLink} from '../../../shared/registry/link.js';

const base = 'http://127.0.0.1:5000/v2/a/tags/list?n=2';

// prettier-ignore
test.each([
  ['</v2/a/tags/list?last=b&n=2>; rel="next"', 'http://127.0.0.1:5000/v2/a/tags/list?last=b&n=2'],
  ['<https://api.github.com/x?page=2>; rel="next", <https://api.github.com/x?page=9>; rel="last"', 'https://api.github.com/x?page=2'],
  ['<https://api.github.com/x?page=1>; rel="prev"', undefined],
  ['<https://h/x?page=3>; rel="prev next"', 'https://h/x?page=3'],
  [undefined, undefined]
])('nextLink(%j)', (header, expected) => {
  expect(nextLink(header, base)).toBe(expected);
});
