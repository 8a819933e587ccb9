/** Control characters, line separators, bidirectional marks and overrides, the BOM. */
/* eslint-disable no-control-regex -- matching control characters is the point here */
const UNSAFE =
  /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
/* eslint-enable no-control-regex */

/**
 * Text that came from outside imagegate (a registry's tag list, error body or header, a GitHub
 * API answer, an input value) made safe for one log line: control characters, line and
 * paragraph separators and bidirectional overrides are written as escapes (`\n`, `\u001b`,
 * `\u202e`), so the text can neither start a new line — which the runner would read as a
 * workflow command such as `::add-mask::` or `::warning::` — nor move the terminal's cursor or
 * reorder what a reader sees. Long text is cut, so a hostile megabyte cannot flood the log.
 */
export function escapeOutside(text: string, maxLength = 200): string {
  const escaped = text.replace(UNSAFE, c => {
    const named: Record<string, string> = {'\n': '\\n', '\r': '\\r', '\t': '\\t'};
    return named[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
  const chars = [...escaped];
  return chars.length > maxLength ? `${chars.slice(0, maxLength).join('')}…` : escaped;
}

/** `escapeOutside` in double quotes, for naming a value in a message: `"1/../x"`. */
export function quoteOutside(text: string, maxLength = 200): string {
  return `"${escapeOutside(text, maxLength)}"`;
}

/**
 * A log message with every line that the runner would take for a workflow command (a line
 * whose first non-blank characters are `::`) defused by a zero-width space after its first
 * colon: the reader sees the same text, the runner sees no command. For lines imagegate relays
 * whole (build output), where escaping every character would make the log unreadable.
 */
export function defuseCommands(message: string): string {
  return message.replace(/^(\s*):(?=:)/gm, '$1:\u200b');
}
