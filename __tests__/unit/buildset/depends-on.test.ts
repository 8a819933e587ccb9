import {parseDependsOn} from '../../../shared/github/depends-on.js';

describe('Depends-On parsing', () => {
  it('reads URLs, owner/repo#N and #N (the base repository), once each', () => {
    const body = [
      'Fixes things.',
      'Depends-On: https://github.com/acme/lib/pull/12',
      'depends-on: acme/tools#3',
      '  Depends-On: #7  ',
      'Depends-On: https://github.com/acme/lib/pull/12/',
      'Depends-On: nonsense',
      'Not a Depends-On: acme/x#1'
    ].join('\r\n');
    expect(parseDependsOn(body, {owner: 'acme', repo: 'app'})).toEqual([
      {owner: 'acme', repo: 'lib', change: 12},
      {owner: 'acme', repo: 'tools', change: 3},
      {owner: 'acme', repo: 'app', change: 7}
    ]);
  });

  it('handles an empty or null body', () => {
    expect(parseDependsOn(null, {owner: 'a', repo: 'b'})).toEqual([]);
    expect(parseDependsOn('', {owner: 'a', repo: 'b'})).toEqual([]);
  });
});
