import { existsSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../errors.js';
import { LANGS, m, msg, outputLang, type Lang } from '../ui/i18n.js';
import { writeFileAtomically } from '../io/files.js';
import { readTextFile } from '../io/json-file.js';
import { shownPath } from '../io/paths.js';
import { PACKAGE_ROOT, type Workspace } from '../store/workspace.js';
import { git, line } from './git.js';

/**
 * `efterlev git setup`: tells git to merge the workspace's files with `efterlev git merge-file`.
 * Two parts: .gitattributes (in the workspace, committed, so every clone names the driver) and
 * the driver's command in the repository's own config (never committed: git does not run
 * commands a repository brings with it, so every reviewer runs setup in their clone).
 */

export const DRIVER = 'efterlev';

/**
 * The files the driver merges, relative to the workspace. Named one kind at a time rather than
 * answers/**: the journal of an interrupted write (answers/.journal/) is never merged.
 */
export const MERGED_FILES: readonly { pattern: string }[] = [
  { pattern: 'answers/[0-9][0-9][0-9][0-9]/*.json' }, // the answers per service and year
  { pattern: 'answers/plan/*.json' }, // the follow-up of the action plans
  { pattern: 'answers/incidents/*.json' }, // the incident registers
  { pattern: 'answers/observations/*.json' }, // the special observations
  { pattern: 'answers/register/*.json' }, // the years' service registers
  { pattern: 'answers/services.json' }, // the service register
];

/** The block's first and last lines, in the language setup was last run in: either is recognised, so a run in the other language rewrites the block rather than adding one. */
const BEGINS = LANGS.map((l) => msg(l).gs_begin);
const ENDS = LANGS.map((l) => msg(l).gs_end);

/**
 * What efterlev leaves in the workspace only while it writes, never to be committed: a lock folder
 * beside the file it writes (`<fil>.lock`), the unique temp file renamed over it
 * (`.<fil>.<slump>.tmp`), and the journal of a write touching several files (answers/.journal/).
 */
export const IGNORED_FILES: readonly string[] = ['answers/.journal/', 'answers/**/*.lock/', 'answers/**/.*.tmp'];

const attributes = (lang: Lang): string[] => [msg(lang).gs_attributes, ...MERGED_FILES.map((f) => `${f.pattern} merge=${DRIVER}`)];
const ignores = (lang: Lang): string[] => [msg(lang).gs_ignores, ...IGNORED_FILES];

const block = (body: readonly string[], eol: string, lang: Lang): string[] =>
  [`${msg(lang).gs_begin}${msg(lang).gs_beginNote}`, ...body, msg(lang).gs_end].map((l) => l + eol);

/** The file with efterlev's block written in (in place when there, else at the end); the user's own lines stay as they are. */
function withBlock(existing: string | undefined, body: readonly string[], lang: Lang): string {
  const text = existing ?? '';
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text === '' ? [] : text.split(/(?<=\n)/);
  const start = lines.findIndex((l) => BEGINS.some((b) => l.startsWith(b)));
  const end = start === -1 ? -1 : lines.findIndex((l, i) => i > start && ENDS.includes(l.trimEnd()));
  if (start !== -1 && end !== -1) return [...lines.slice(0, start), ...block(body, eol, lang), ...lines.slice(end + 1)].join('');
  let all = lines.join('');
  if (all !== '' && !all.endsWith('\n')) all += eol;
  // A blank line between the user's lines and the block.
  const gap = all === '' || all.endsWith(eol + eol) ? '' : eol;
  return all + gap + block(body, eol, lang).join('');
}

/** .gitattributes with efterlev's merge block, its comments in the language of the run. */
export const withAttributes = (existing: string | undefined, lang: Lang = outputLang()): string => withBlock(existing, attributes(lang), lang);
/** .gitignore with efterlev's block of files that exist only while it writes. */
export const withIgnores = (existing: string | undefined, lang: Lang = outputLang()): string => withBlock(existing, ignores(lang), lang);

/** A word for the POSIX shell git runs a driver in (git for Windows too): single quotes. */
export const shellQuote = (word: string): string => `'${word.replace(/'/g, `'\\''`)}'`;

/** The efterlev that is running: this Node and this package's bin/efterlev.js, as absolute paths. */
export function runningEfterlev(): { node: string; script: string } {
  const bin = join(PACKAGE_ROOT, 'bin', 'efterlev.js');
  const script = existsSync(bin) ? bin : realpathSync(process.argv[1] ?? bin);
  return { node: process.execPath, script };
}

/**
 * The command git runs for a merge. git passes no --lang: set up in English (`git setup --lang en`),
 * the command says --lang en, so the driver's messages and conflict labels are English too.
 */
export function driverCommand(efterlev: { node: string; script: string }, lang: Lang = 'sv'): string {
  const langFlag = lang === 'sv' ? [] : ['--lang', lang];
  return [shellQuote(efterlev.node), shellQuote(efterlev.script), ...langFlag, 'git merge-file %O %A %B %P'].join(' ');
}

/** The top folder of the git working tree the workspace is in; bad usage (exit 2) when it is in none. */
export function repositoryOf(dir: string): string {
  const r = git(['rev-parse', '--show-toplevel'], dir);
  if (r.status !== 0 || line(r) === '') {
    throw new UsageError(
      m().g_notARepository(dir),
      m().g_notARepositoryHint,
    );
  }
  return line(r);
}

export interface SetupResult {
  repository: string;
  workspace: string;
  gitattributes: { file: string; changed: boolean };
  gitignore: { file: string; changed: boolean };
  driver: { name: string; command: string; changed: boolean };
}

/** Rewrites efterlev's block in one of the workspace's git files, when it is not already so. */
function writeBlock(file: string, withOurs: (existing: string | undefined) => string): { file: string; changed: boolean } {
  let existing: string | undefined;
  try {
    existing = readTextFile(file, shownPath(file));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  const wanted = withOurs(existing);
  if (wanted !== existing) writeFileAtomically(file, wanted);
  return { file, changed: wanted !== existing };
}

/** Writes the attributes and ignores, and registers the driver; does nothing that is already so (idempotent). */
export function setupGit(ws: Workspace, efterlev = runningEfterlev(), lang: Lang = outputLang()): SetupResult {
  const repository = repositoryOf(ws.root);
  const gitattributes = writeBlock(join(ws.root, '.gitattributes'), (existing) => withAttributes(existing, lang));
  const gitignore = writeBlock(join(ws.root, '.gitignore'), (existing) => withIgnores(existing, lang));
  const command = driverCommand(efterlev, lang);
  const name = msg(lang).gs_driverName;
  let changed = false;
  for (const [key, value] of [
    [`merge.${DRIVER}.name`, name],
    [`merge.${DRIVER}.driver`, command],
  ] as const) {
    const now = git(['config', '--local', '--get', key], ws.root);
    if (now.status === 0 && line(now) === value) continue;
    const set = git(['config', '--local', key, value], ws.root);
    if (set.status !== 0) throw new UsageError(m().gs_configFailed(key, set.stderr.trim()));
    changed = true;
  }
  return { repository, workspace: ws.root, gitattributes, gitignore, driver: { name, command, changed } };
}
