/** imagegate's proxy rules are the runner's: checked case by case against @actions/http-client. */
import {getProxyUrl} from '@actions/http-client/lib/proxy';
import {proxyFromEnv} from '../../../shared/model/proxy-env.js';

const ENVS: Record<string, string>[] = [
  {},
  {HTTPS_PROXY: 'http://proxy:3128'},
  {HTTPS_PROXY: 'proxy:3128', HTTP_PROXY: 'http://plain:8080'},
  {https_proxy: 'http://lower:1', HTTPS_PROXY: 'http://upper:2'},
  {HTTPS_PROXY: 'http://u:p%40ss@proxy:3128', NO_PROXY: 'example.com'},
  {HTTPS_PROXY: 'http://proxy:3128', NO_PROXY: '.example.com, ghcr.io:443'},
  {HTTPS_PROXY: 'http://proxy:3128', HTTP_PROXY: 'http://proxy:3128', no_proxy: '*'},
  {HTTPS_PROXY: 'http://proxy:3128', NO_PROXY: 'registry.example.com:5000'}
];
const URLS = [
  'https://ghcr.io/v2/',
  'https://registry.example.com/v2/',
  'https://registry.example.com:5000/v2/',
  'https://example.com/v2/',
  'http://192.0.2.2:5000/v2/',
  'https://127.0.0.1:5000/v2/',
  'http://localhost:8080/',
  'https://[::1]:5000/v2/',
  'https://api.github.com/repos/o/r'
];

describe.each(ENVS)('with %j', env => {
  test.each(URLS)('%s', url => {
    const saved = {...process.env};
    for (const key of [
      'HTTPS_PROXY',
      'https_proxy',
      'HTTP_PROXY',
      'http_proxy',
      'NO_PROXY',
      'no_proxy'
    ])
      delete process.env[key];
    Object.assign(process.env, env);
    try {
      const expected = getProxyUrl(new URL(url))?.href;
      expect(proxyFromEnv(env)(new URL(url))?.href).toBe(expected);
    } finally {
      process.env = saved;
    }
  });
});
