import {type InputSource} from '../inputs/reader.js';
import {randomUUID} from 'node:crypto';
import {appendFileSync, existsSync} from 'node:fs';
import {EOL} from 'node:os';

/**
 * The runner's side of an action, in the encoding @actions/core uses (workflow commands on
 * stdout, `GITHUB_OUTPUT` and the job summary as files), for the few calls the actions make.
 * Not @actions/core itself: importing it loads its OIDC client and with it undici, about
 * 200 ms of every step's start on the runner, for a feature imagegate never uses.
 */

/** Annotation properties a warning or error may carry. */
export interface AnnotationProperties {
  readonly title?: string;
}

/** An input as the runner passes it (`INPUT_<NAME>`, spaces as `_`), trimmed; '' when unset. */
export function getInput(name: string, env: NodeJS.ProcessEnv = process.env): string {
  return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

/**
 * A step output: a `name<<delimiter` block in `GITHUB_OUTPUT` (the runner's file command); a
 * value that is not a string is written as JSON.
 */
export function setOutput(name: string, value: unknown): void {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
  const file = process.env.GITHUB_OUTPUT ?? '';
  if (file) {
    fileCommand(file, 'OUTPUT', keyValue(name, text));
    return;
  }
  process.stdout.write(EOL);
  issue('set-output', text, {name});
}

/** Hide `secret` in every later line of the job's log. */
export function setSecret(secret: string): void {
  issue('add-mask', secret);
}

/** A plain log line. */
export function info(message: string): void {
  process.stdout.write(message + EOL);
}

/** A line shown only with step debug logging on. */
export function debug(message: string): void {
  issue('debug', message);
}

/** A warning annotation. */
export function warning(message: string, properties: AnnotationProperties = {}): void {
  issue('warning', message, {...properties});
}

/** An error annotation. */
export function error(message: string, properties: AnnotationProperties = {}): void {
  issue('error', message, {...properties});
}

/** Fail the step with `message` (exit code 1 once the process ends). */
export function setFailed(message: string): void {
  process.exitCode = 1;
  error(message);
}

/** Run `fn` inside a collapsible log group. */
export async function group<T>(title: string, fn: () => Promise<T>): Promise<T> {
  issue('group', title);
  try {
    return await fn();
  } finally {
    issue('endgroup', '');
  }
}

/** Append raw HTML or Markdown to the job summary (`GITHUB_STEP_SUMMARY`). */
export function appendSummary(text: string): void {
  const file = process.env.GITHUB_STEP_SUMMARY ?? '';
  if (!file) throw new Error('GITHUB_STEP_SUMMARY is not set; the job summary cannot be written');
  appendFileSync(file, text, {encoding: 'utf8'});
}

/** `::name key=value,…::message`, with the runner's escapes so no value can end the command. */
function issue(name: string, message: string, properties: Record<string, string> = {}): void {
  const props = Object.entries(properties)
    .filter(([, value]) => value)
    .map(([key, value]) => `${key}=${escapeProperty(value)}`)
    .join(',');
  process.stdout.write(`::${name}${props ? ` ${props}` : ''}::${escapeData(message)}${EOL}`);
}

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** A `name<<delimiter` block; the random delimiter must not occur in the name or value. */
function keyValue(name: string, value: string): string {
  const delimiter = `ghadelimiter_${randomUUID()}`;
  if (name.includes(delimiter) || value.includes(delimiter)) {
    throw new Error(`Unexpected input: the output ${name} contains the delimiter ${delimiter}`);
  }
  return `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}`;
}

function fileCommand(file: string, command: string, message: string): void {
  if (!existsSync(file)) throw new Error(`Missing file at path: ${file} (GITHUB_${command})`);
  appendFileSync(file, `${message}${EOL}`, {encoding: 'utf8'});
}

/** Inputs as the runner passes them (`INPUT_<NAME>`), trimmed; '' when unset. */
export const actionInputSource: InputSource = name => getInput(name);
