import {readFileSync} from 'node:fs';
import {IMAGEGATE_VERSION, USER_AGENT} from '../../../shared/registry/version.js';

test('the User-Agent version matches package.json', () => {
  const pkg = JSON.parse(
    readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')
  ) as {
    version: string;
  };
  expect(IMAGEGATE_VERSION).toBe(pkg.version);
  expect(USER_AGENT).toBe(`imagegate/${pkg.version}`);
});
