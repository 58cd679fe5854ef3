import { existsSync, readdirSync } from 'node:fs';
import { MAX_YEAR, MIN_YEAR } from './year.js';
import type { Workspace } from './workspace.js';

/** Years that have an answers/<year>/ folder, ascending. */
export function yearsWithAnswers(ws: Workspace): number[] {
  if (!existsSync(ws.answersDir)) return [];
  return readdirSync(ws.answersDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && /^\d{4}$/.test(d.name))
    .map((d) => Number(d.name))
    .filter((y) => y >= MIN_YEAR && y <= MAX_YEAR)
    .sort((a, b) => a - b);
}
