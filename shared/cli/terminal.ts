import {type Reporter} from '../model/report.js';
import {type StepLog} from '../model/log.js';
import {type Cell, cellText} from '../model/report.js';

/** Where the CLI writes; injected so tests capture it. */
export interface Terminal {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** Interactive: progress marks and a boxed table; otherwise plain lines. */
  readonly tty: boolean;
}

/** Step logs on a terminal: one line per step of progress, warnings on stderr. */
export function terminalLog(terminal: Terminal, secrets: Set<string>): StepLog {
  const redact = (text: string): string =>
    [...secrets].reduce((t, s) => t.split(s).join('***'), text);
  return {
    info: message => terminal.out(redact(terminal.tty ? `  ${message}` : message)),
    warning: message => terminal.err(redact(`warning: ${message}`)),
    group: async (title, fn) => {
      terminal.out(redact(terminal.tty ? `▸ ${title}` : `== ${title}`));
      const started = Date.now();
      const result = await fn();
      if (terminal.tty) terminal.out(`  done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      return result;
    }
  };
}

/** Outputs collected for --json (as values, not JSON text); tables printed as text. */
export function terminalReporter(
  terminal: Terminal,
  outputs: Record<string, string | object>
): Reporter {
  return {
    output: (name, value) => {
      outputs[name] = value;
    },
    table: async ({heading, header, rows, note}) => {
      terminal.out(formatTable(heading, header, rows, terminal.tty));
      if (note) terminal.out(note);
    }
  };
}

/** A fixed-width table; TTYs get box-drawing rules, pipes get tab-free plain columns. */
export function formatTable(
  heading: string,
  header: readonly string[],
  rows: readonly (readonly Cell[])[],
  tty: boolean
): string {
  const all = [header, ...rows].map(r => r.map(cellText));
  const widths = header.map((_, i) => Math.max(...all.map(r => (r[i] ?? '').length)));
  const line = (r: readonly string[]): string =>
    r
      .map((c, i) => (c ?? '').padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  const rule = widths.map(w => (tty ? '─' : '-').repeat(w)).join('  ');
  return [tty ? `\n${heading}` : heading, line(all[0]), rule, ...all.slice(1).map(line)].join('\n');
}
