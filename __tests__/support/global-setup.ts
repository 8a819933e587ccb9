/**
 * Jest globalSetup (runs once, in the parent process, before the workers are forked):
 * creates the run directory and exports it, so every worker and every process a test
 * starts inherits IMAGEGATE_TEST_RUN_DIR (see run-dir.ts).
 * Jest loads this file outside its ESM module map: builtins only, no local imports.
 */
import {mkdirSync, mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';

export default function globalSetup(): void {
  const dir = mkdtempSync(join(tmpdir(), 'imagegate-run-'));
  mkdirSync(join(dir, 'pids'));
  process.env.IMAGEGATE_TEST_RUN_DIR = dir;
}
