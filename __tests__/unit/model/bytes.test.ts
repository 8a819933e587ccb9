import {formatBytes} from '../../../shared/model/bytes.js';

test.each([
  [0, '0 B'],
  [999, '999 B'],
  [1000, '1.0 kB'],
  [104_857_600, '104.9 MB'],
  [1 << 30, '1.1 GB']
])('formatBytes(%d) = %s', (bytes, text) => {
  expect(formatBytes(bytes)).toBe(text);
});
