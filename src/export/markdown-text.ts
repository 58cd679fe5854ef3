/**
 * Text from the workspace (comments, names, notes, observations) as Markdown that renders as
 * exactly that text: no raw HTML, no link, image or autolink, no emphasis or code. HTML
 * renderers escape on their own; this is for the Markdown outputs only.
 */

const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

// One pass, so a backslash in the text is escaped before anything else is and cannot undo
// an escape (`\|` in the text stays a backslash and a pipe, even inside a table cell).
const SPECIAL = /[\\`*[\]~#|&<>@]|_|:(?=\/\/)|(?<=\bwww)\./gi;
const WORD = /[\p{L}\p{N}]/u;

function escapeChar(c: string, at: number, text: string): string {
  if (c in ENTITY) return ENTITY[c]!;
  // An underscore inside a word cannot open or close emphasis: snake_case stays readable.
  if (c === '_' && WORD.test(text[at - 1] ?? '') && WORD.test(text[at + 1] ?? '')) return c;
  return '\\' + c;
}

/** Inline Markdown for a text: escaped, line breaks as <br>. Safe at the start of a paragraph or list item too. */
export function mdText(text: string): string {
  return text
    .replace(SPECIAL, escapeChar)
    .replace(/^(\s*)([-+=])/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/, '$1\\$2')
    .replace(/\r\n|\r|\n/g, '<br>');
}

/** A GFM table cell: the text escaped (pipes included), never empty. */
export function mdCell(text: string): string {
  return mdText(text) || ' ';
}
