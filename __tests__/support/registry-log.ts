/**
 * Read what a test registry was asked, from its access log: proves claims like "no blob was
 * uploaded during the retag" or "nothing was written" from the registry's side.
 */
import {readFileSync, statSync} from 'node:fs';
import {type TestRegistry} from './registry.js';

/** Current end of the log; pass it to `requestsSince` to see only later requests. */
export function logMark(reg: TestRegistry): number {
  return statSync(reg.logFile).size;
}

/** `METHOD /path STATUS` for every request logged after `mark`. */
export function requestsSince(reg: TestRegistry, mark: number): string[] {
  const text = readFileSync(reg.logFile).subarray(mark).toString('utf8');
  return [
    ...text.matchAll(/"(GET|HEAD|PUT|POST|PATCH|DELETE) ([^ "]+) HTTP\/[0-9.]+" ([0-9]{3})/g)
  ].map(m => `${m[1]} ${m[2].replace(/\?.*$/, '')} ${m[3]}`);
}

/** The requests that change registry state (anything but GET and HEAD). */
export function writesSince(reg: TestRegistry, mark: number): string[] {
  return requestsSince(reg, mark).filter(r => !/^(GET|HEAD) /.test(r));
}
