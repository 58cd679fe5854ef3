// One dependency, the message catalogues (loaded on every run anyway): the CLI's output functions use this module on every run, --version included.
import { m as messages } from '../ui/i18n.js';

/**
 * Characters no stored text may hold: C0 controls except TAB and LF, DEL, C1, and the bidi
 * overrides and isolates that can make text read differently from what it is ("Trojan source").
 * A terminal acts on them (ESC moves the cursor, sets the title, writes OSC 8 links), so they
 * are refused on the way in and escaped on the way out.
 */
const CONTROL_RANGES = '\\u0000-\\u0008\\u000b-\\u001f\\u007f-\\u009f\\u202a-\\u202e\\u2066-\\u2069';
const CONTROL = new RegExp(`[${CONTROL_RANGES}]`);
/** The whole string free of them; the same pattern goes into the JSON Schemas. */
export const NO_CONTROL_CHARACTERS = new RegExp(`^[^${CONTROL_RANGES}]*$`);

const codePoint = (c: string): string => 'U+' + c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');

/** Why a text cannot be stored, naming the first control character and its 1-based place; undefined when it can. */
export function describeControlCharacter(text: string): string | undefined {
  const at = CONTROL.exec(text);
  if (at === null) return undefined;
  const place = [...text.slice(0, at.index)].length + 1;
  return messages().tx_controlCharacter(codePoint(at[0]), place);
}

/** CR LF as Windows and pasted text have it, as LF; a lone CR stays and is refused. */
export function normaliseLineBreaks(text: string): string {
  return text.includes('\r\n') ? text.replace(/\r\n/g, '\n') : text;
}

// An SGR colour sequence (what chalk writes) is kept; any other control character is shown escaped.
const UNSAFE_OUTPUT = new RegExp(`\\u001b\\[[0-9;]*m|[${CONTROL_RANGES}]`, 'g');

/** The last safety net before the terminal: nothing printed can move the cursor, set the title or write a link. */
export function terminalSafe(text: string): string {
  if (!CONTROL.test(text)) return text;
  return text.replace(UNSAFE_OUTPUT, (m) => (m.length > 1 ? m : '\\u' + m.charCodeAt(0).toString(16).padStart(4, '0')));
}
