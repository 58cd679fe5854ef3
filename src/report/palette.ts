import type { Status } from '../engine/score.js';

/**
 * The report's status colours, one place for the HTML and Word reports alike. Colour is never the
 * only cue: every status also has its own pattern (solid, stripes, cross-hatch) and its word, so a
 * page printed in black and white still tells enligt plan, mellan and stor apart.
 */

/** Bar and swatch fill. */
export const STATUS_FILL: Record<Status, string> = { enligt_plan: '#2e7d32', mellan: '#f9a825', stor: '#c62828', ej_bedomd: '#ffffff' };

/** The status word's colour in tables: at least 4.5:1 against white and against its tint (WCAG AA). */
export const STATUS_TEXT: Record<Status, string> = { enligt_plan: '#1b5e20', mellan: '#6d5200', stor: '#b71c1c', ej_bedomd: '#424949' };

/** The background of a status cell. */
export const STATUS_TINT: Record<Status, string> = { enligt_plan: '#e8f5e9', mellan: '#fff4cc', stor: '#fde4e4', ej_bedomd: '#ffffff' };

/** The pattern drawn over the fill: what tells the statuses apart in grey. */
export const STATUS_PATTERN: Record<Status, 'solid' | 'stripes' | 'crosshatch' | 'none'> = { enligt_plan: 'solid', mellan: 'stripes', stor: 'crosshatch', ej_bedomd: 'none' };

/** The stripes' colour: dark on yellow, white on red. */
export const PATTERN_INK: Record<Status, string> = { enligt_plan: '#ffffff', mellan: '#4e3b00', stor: '#ffffff', ej_bedomd: '#424949' };

/** A series without status (last year): a light bar with a dark outline, unlike any status. */
export const NEUTRAL_FILL = '#eceff1';
export const NEUTRAL_STROKE = '#37474f';

export const INK = '#1c2833';
export const MUTED = '#455a64';
export const NOTICE = '#b71c1c';
/** Table header shading. */
export const HEAD_FILL = '#e5e8e8';
