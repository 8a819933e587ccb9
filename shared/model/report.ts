/**
 * A report table as data, rendered by each face: the job summary as HTML, the CLI as plain
 * columns. Cells say what they hold instead of carrying markup, so no renderer ever shows
 * another's syntax (backticks in HTML, `<br>` on a terminal).
 */

/** Text, a machine value shown as code (a digest, a reference), or several lines. */
export type Cell = string | {readonly code: string} | {readonly lines: readonly string[]};

/** One table of a report: a heading, the column names, the rows and an optional note below. */
export interface ReportTable {
  readonly heading: string;
  readonly header: readonly string[];
  readonly rows: readonly (readonly Cell[])[];
  readonly note?: string;
}

/** A cell as plain text (lines joined with ", "). */
export function cellText(cell: Cell): string {
  if (typeof cell === 'string') return cell;
  return 'code' in cell ? cell.code : cell.lines.join(', ');
}

/** Escape text for HTML element content (the tables have no attributes). */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function cellHtml(cell: Cell): string {
  if (typeof cell === 'string') return escapeHtml(cell);
  if ('code' in cell) return `<code>${escapeHtml(cell.code)}</code>`;
  return cell.lines.map(escapeHtml).join('<br>');
}

/** The table as HTML: every element closed, every text escaped (valid for the job summary). */
export function tableHtml(table: ReportTable): string {
  const row = (cells: string[], tag: 'th' | 'td'): string =>
    `<tr>${cells.map(c => `<${tag}>${c}</${tag}>`).join('')}</tr>`;
  const parts = [
    `<h3>${escapeHtml(table.heading)}</h3>`,
    `<table><thead>${row(table.header.map(escapeHtml), 'th')}</thead><tbody>${table.rows
      .map(r => row(r.map(cellHtml), 'td'))
      .join('')}</tbody></table>`
  ];
  if (table.note) parts.push(`<p>${escapeHtml(table.note)}</p>`);
  return `${parts.join('\n')}\n`;
}

/** Where a command reports its results: step outputs and the job summary, or a terminal. */
export interface Reporter {
  /** A step output; objects and lists are JSON (one encoding, by the face). */
  output(name: string, value: string | object): void;
  table(table: ReportTable): Promise<void>;
}
