import { z } from 'zod';
import { NO_CONTROL_CHARACTERS, describeControlCharacter } from './text.js';

/** A free-text field of a stored file (comment, name, note): any text without control characters. */
export function freeText(): z.ZodString {
  return z.string().regex(NO_CONTROL_CHARACTERS, { error: (issue) => describeControlCharacter(String(issue.input)) ?? 'innehåller ett styrtecken' });
}
