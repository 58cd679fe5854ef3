import chalk from 'chalk';
import type { Status } from '../engine/score.js';
import type { Severity } from '../catalog/schema.js';
import { decimal, t, type Lang } from './i18n.js';

/** chalk ignores NO_COLOR on a terminal: the CLI calls this once with its decision. */
export function setColor(enabled: boolean): void {
  if (!enabled) chalk.level = 0;
}

const STATUS_COLOR: Record<Status, (s: string) => string> = {
  enligt_plan: chalk.green,
  mellan: chalk.yellow,
  stor: chalk.red,
  ej_bedomd: chalk.dim,
};

export function statusLabel(status: Status, lang: Lang): string {
  return STATUS_COLOR[status](t(`status_${status}`, lang));
}

export function severityLabel(severity: Severity, lang: Lang): string {
  const color = severity === 'stor' ? chalk.red : severity === 'mellan' ? chalk.yellow : chalk.cyan;
  return color(t(`severity_${severity}`, lang));
}

/** A ten-cell bar for a 0–100 score, in the status colour. */
export function scoreBar(score: number | null, status: Status, width = 10): string {
  if (score === null) return ' '.repeat(width);
  const full = Math.round((score / 100) * width);
  return STATUS_COLOR[status]('█'.repeat(full)) + chalk.dim('░'.repeat(width - full));
}

export function formatScore(score: number | null, lang: Lang): string {
  if (score === null) return chalk.dim('–');
  return decimal(score.toFixed(1), lang);
}

export function formatDelta(delta: number, lang: Lang): string {
  const shown = decimal(Math.abs(delta).toFixed(1), lang);
  if (delta > 0) return chalk.green(`↑ +${shown}`);
  if (delta < 0) return chalk.red(`↓ −${shown}`);
  return chalk.dim('→ 0');
}

export const bold = chalk.bold;
export const dim = chalk.dim;

const SPARK = '▁▂▃▄▅▆▇█';

/** A small chart of 0–100 scores, one cell a year; a gap where a year has no score. */
export function sparkline(scores: readonly (number | null)[]): string {
  return scores.map((s) => (s === null ? ' ' : SPARK[Math.min(7, Math.floor((s / 100) * 8))]!)).join('');
}
