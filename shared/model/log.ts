/**
 * How steps talk to the person watching: the action maps this onto workflow commands (groups,
 * warnings as annotations), the CLI onto its terminal. Steps never print directly.
 */
export interface StepLog {
  info(message: string): void;
  warning(message: string): void;
  /** Run `fn` inside a collapsible group titled `title`. */
  group<T>(title: string, fn: () => Promise<T>): Promise<T>;
}
