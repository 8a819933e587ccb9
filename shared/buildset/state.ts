import {type FileEdit} from './configure/file-edits.js';

/** Name of the one state entry main saves (JSON) and post reads. */
export const STATE_NAME = 'imagegate-buildset';

/**
 * Everything post needs to undo main, saved after every resource main creates so post cleans up
 * even when main failed half-way. Holds no secret: the password lives in `passwordFile`.
 */
export interface BuildsetState {
  readonly version: 1;
  readonly rootDir: string;
  readonly storageDir: string;
  readonly engine: 'docker' | 'podman';
  /** Containers started (names). */
  readonly containers: readonly string[];
  readonly registry?: string;
  readonly passwordFile?: string;
  readonly caCert?: string;
  readonly edits: readonly FileEdit[];
  /** The mirror added to daemon.json: post reloads dockerd until it is gone. */
  readonly dockerMirror?: string;
  readonly builder?: string;
  /** JSON map `repository:tag` → digest after populate; post pushes what differs. */
  readonly snapshotFile?: string;
  readonly namespaces: readonly string[];
  readonly share: 'none' | 'save' | 'restore';
  /** share: save of one part of a distributed build: saved under the part's key, never published. */
  readonly sharePart?: string;
  readonly intermediate?: string;
  /** Every configuration step and populate finished. */
  readonly mainCompleted: boolean;
}

/** Where state goes: `core.saveState`/`core.getState` on the runner, a map in tests. */
export interface StateStore {
  save(name: string, value: string): void;
  get(name: string): string;
}

/** Save the state (replacing any earlier value). */
export function saveBuildsetState(store: StateStore, state: BuildsetState): void {
  store.save(STATE_NAME, JSON.stringify(state));
}

/** The state main saved; undefined when main saved none (it failed before creating anything). */
export function loadBuildsetState(store: StateStore): BuildsetState | undefined {
  const text = store.get(STATE_NAME);
  if (!text) return undefined;
  const value = JSON.parse(text) as BuildsetState;
  if (value.version !== 1)
    throw new Error(`unknown buildset state version ${String(value.version)}`);
  return value;
}
