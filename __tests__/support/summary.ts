/**
 * The job summary GitHub renders: HTML. A summary is valid when an HTML parser reads it back to
 * the very same text (an unclosed element or an unescaped character would be re-serialised
 * differently) and when no markdown syntax sits inside the HTML, where nothing would render it.
 */
import {parseFragment, serialize} from 'parse5';

export function expectValidSummary(summary: string): void {
  const html = summary.trim();
  expect(html).not.toBe('');
  expect(serialize(parseFragment(html))).toBe(html);
  expect(html).not.toContain('`');
}
