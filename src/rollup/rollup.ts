import { m as tr } from '../ui/i18n.js';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { z } from 'zod';
import { InvalidInputError, UsageError } from '../errors.js';
import { freeText } from '../io/free-text.js';
import { parseJsonText, readTextFile } from '../io/json-file.js';
import { shownPath } from '../io/paths.js';
import { idFromName } from '../import/services.js';
import { buildActions, type Handlingsplan } from '../plan/actions.js';
import { openReview, yearRegister, type Review } from '../review.js';
import { resolveWorkspace } from '../store/workspace.js';

/**
 * A city's roll-up: a folder with rollup.json listing member workspaces (one per förvaltning or
 * bolag, as paths relative to it). Members are read, never written; each is judged by its own
 * catalogue version and register.
 */
export const RollupFile = z.strictObject({
  $schema: z.string().optional(),
  name: freeText().trim().min(1),
  members: z.array(z.strictObject({ path: z.string().trim().min(1) })).min(1),
});
export type RollupFile = z.infer<typeof RollupFile>;

export const rollupPath = (dir: string): string => join(dir, 'rollup.json');

export interface Member {
  /** The organisation id: the register's own, else derived from its name. */
  id: string;
  name: string;
  path: string;
  review: Review;
}

export function readRollup(dir: string): RollupFile {
  const path = rollupPath(dir);
  try {
    return parseJsonText(readTextFile(path, shownPath(path)), shownPath(path), RollupFile);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new UsageError(`Ingen samlad vy i ${dir} (rollup.json saknas).`, 'Skapa en med efterlev rollup init --member MAPP …');
    throw err;
  }
}

/** Opens every member read-only and refuses two members with the same organisation id. */
export async function openMembers(dir: string, rollup: RollupFile, year: number): Promise<Member[]> {
  const members: Member[] = [];
  for (const m of rollup.members) {
    const path = isAbsolute(m.path) ? m.path : resolve(dir, m.path);
    const review = await openReview(resolveWorkspace(path), { readOnly: true });
    const organisation = yearRegister(review, year).organisation;
    members.push({ id: organisation.id ?? idFromName(organisation.name), name: organisation.name, path, review });
  }
  const seen = new Map<string, Member>();
  const clashes = members.flatMap((m) => {
    const other = seen.get(m.id);
    seen.set(m.id, m);
    return other === undefined ? [] : [{ file: shownPath(rollupPath(dir)), message: tr().r_sameOrganisationId(m.id, other.path, m.path) }];
  });
  if (clashes.length > 0) throw new InvalidInputError(clashes);
  return members;
}

export interface MemberYear {
  member: Member;
  plan: Handlingsplan;
}

export async function rollupYear(members: readonly Member[], year: number): Promise<MemberYear[]> {
  const out: MemberYear[] = [];
  for (const member of members) out.push({ member, plan: await buildActions(member.review, year, {}) });
  return out;
}

/** A member's path as rollup.json keeps it: relative to the roll-up folder. */
export const memberPath = (dir: string, member: string): string => relative(dir, resolve(member)) || '.';

export const rollupDir = (file: string): string => dirname(file);
