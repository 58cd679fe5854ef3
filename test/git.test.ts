import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { devNull } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { stableKey } from '../src/git/core.js';
import { canonicalIncidents } from '../src/incidents/store.js';
import { IncidentFile } from '../src/incidents/schema.js';
import { canonicalPlan } from '../src/plan/store.js';
import { PlanFile } from '../src/plan/schema.js';
import { canonicalAnswerFile } from '../src/store/answers.js';
import { stringify } from '../src/store/canonical.js';
import { ObservationFile } from '../src/store/observations.js';
import { canonicalRegister } from '../src/store/register.js';
import { AnswerFile, RegisterSnapshot, ServiceRegister } from '../src/store/schema.js';
import { BIN, copyExampleWorkspace, removeDir, run, tempDir } from './helpers.js';

/** Issue 15: reviewers on branches of one git repository, merged per question by efterlev's merge driver. */

/** git as in a fresh account: no user or system configuration, English messages. */
const GIT_ENV = { GIT_CONFIG_GLOBAL: devNull, GIT_CONFIG_NOSYSTEM: '1', GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C', LANGUAGE: 'C' };

let ws: string;

function git(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync('git', args, { cwd: ws, env: { ...process.env, ...GIT_ENV, NO_COLOR: '1', EFTERLEV_DIR: undefined }, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
function gitOk(...args: string[]): string {
  const r = git(...args);
  expect(r.code, `git ${args.join(' ')}: ${r.stderr}`).toBe(0);
  return r.stdout;
}
const cli = (now: string, ...args: string[]) => run(['--dir', ws, ...args], { env: { ...GIT_ENV, EFTERLEV_NOW: now } });
async function cliOk(now: string, ...args: string[]): Promise<string> {
  const r = await cli(now, ...args);
  expect(r.code, `efterlev ${args.join(' ')}: ${r.stderr}`).toBe(0);
  return r.stdout;
}

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      if (name === '.git') continue;
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(ws, p));
    }
  };
  walk(dir);
  return out;
}

const read = (path: string): string => readFileSync(join(ws, path), 'utf8');
const json = <T>(path: string): T => JSON.parse(read(path)) as T;
const atCommit = <T>(commit: string, path: string): T => JSON.parse(gitOk('show', `${commit}:${path}`)) as T;

/** The store's own canonical writer for each kind of file the merge touched. */
const CANONICAL: [RegExp, (value: unknown) => string][] = [
  [/^answers\/services\.json$/, (v) => canonicalRegister(ServiceRegister.parse(v))],
  [/^answers\/register\//, (v) => stringify(RegisterSnapshot.parse(v))],
  [/^answers\/plan\//, (v) => canonicalPlan(PlanFile.parse(v))],
  [/^answers\/incidents\//, (v) => canonicalIncidents(IncidentFile.parse(v))],
  [/^answers\/observations\//, (v) => stringify(ObservationFile.parse(v))],
  [/^answers\/\d{4}\//, (v) => canonicalAnswerFile(AnswerFile.parse(v))],
];

beforeEach(() => {
  ws = copyExampleWorkspace();
  gitOk('init', '-q', '-b', 'main');
  gitOk('config', 'user.name', 'Testaren');
  gitOk('config', 'user.email', 'testaren@example.se');
  gitOk('config', 'commit.gpgsign', 'false');
});
afterEach(() => removeDir(ws));

const OFFICE = 'answers/2025/office365.json';
const PLAN = 'answers/plan/2025.json';
const ACTION = 'formansportalen:AVT-pubavtal-brist-aterkommande';
const driverCommand = `'${process.execPath}' '${BIN}' git merge-file %O %A %B %P`;

describe('efterlev git setup', () => {
  it('refuses a workspace that is not in a git repository (exit 2), writing nothing', async () => {
    const outside = copyExampleWorkspace();
    try {
      const r = await run(['--dir', outside, 'git', 'setup'], { env: { ...GIT_ENV, GIT_CEILING_DIRECTORIES: dirname(outside) } });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`fel: ${outside} ligger inte i ett git-förråd`);
      expect(r.stderr).toContain('git init');
      expect(existsSync(join(outside, '.gitattributes'))).toBe(false);
    } finally {
      removeDir(outside);
    }
  });

  it('writes .gitattributes and registers the driver that runs this very efterlev; a second run changes nothing', async () => {
    const first = await cliOk('2025-12-08T09:00:00Z', 'git', 'setup');
    expect(first).toContain('Git är inställt för efterlev');
    expect(first).toContain(`Sammanslagningen kör den här efterlev: ${driverCommand}`);
    expect(gitOk('config', '--get', 'merge.efterlev.name').trim()).toBe('efterlev per fråga');
    expect(gitOk('config', '--get', 'merge.efterlev.driver').trim()).toBe(driverCommand);
    const attributes = read('.gitattributes');
    const attr = (path: string) => gitOk('check-attr', 'merge', '--', path).trim().split(': ').pop();
    for (const path of [OFFICE, PLAN, 'answers/incidents/2025.json', 'answers/observations/2025.json', 'answers/register/2025.json', 'answers/services.json']) expect(attr(path), path).toBe('efterlev');
    expect(attr('answers/.journal/0123456789abcdef.json')).toBe('unspecified');
    expect(attr('package.json')).toBe('unspecified');
    // What exists only while efterlev writes is never committed; the data files always are.
    const ignored = (path: string) => git('check-ignore', '-q', '--no-index', path).code === 0;
    for (const path of ['answers/.journal/0123456789abcdef.json', 'answers/2025/office365.json.lock/x', 'answers/2025/.office365.json.0123456789ab.tmp', 'answers/.services.json.0123456789ab.tmp']) expect(ignored(path), path).toBe(true);
    for (const path of [OFFICE, PLAN, 'answers/services.json', 'answers/incidents/2025.json']) expect(ignored(path), path).toBe(false);

    const again = await cliOk('2025-12-08T09:00:00Z', 'git', 'setup');
    expect(again).toContain('Git var redan inställt');
    expect(read('.gitattributes')).toBe(attributes);
    const ignores = read('.gitignore');
    expect(ignores).toContain('answers/.journal/');
    const asJson = JSON.parse(await cliOk('2025-12-08T09:00:00Z', '--json', 'git', 'setup')) as { gitattributes: { changed: boolean }; driver: { changed: boolean; command: string }; repository: string };
    expect(asJson).toMatchObject({ gitattributes: { changed: false }, driver: { changed: false, command: driverCommand } });
  });
});

// Each step is the real CLI or git, a process each: room for slow machines.
describe('two reviewers on two branches', { timeout: 180_000 }, () => {
  beforeEach(async () => {
    await cliOk('2025-12-08T08:00:00Z', 'git', 'setup');
    gitOk('add', '-A');
    gitOk('commit', '-q', '-m', 'Exempelorganisationen');
  });

  it('merge per question, action, incident, observation and service: nothing lost, no markers, canonical, valid', async () => {
    gitOk('checkout', '-q', '-b', 'anna');
    await cliOk('2025-12-08T09:00:00Z', 'answer', '--year', '2025', '--service', 'office365', 'AVT.2=ja', '--comment', 'Granskningsrätt avtalad', '--reviewer', 'anna');
    await cliOk('2025-12-08T10:00:00Z', 'answer', '--year', '2025', '--service', 'office365', 'BEH.4=nej', '--comment', 'Brister i uppföljningen', '--reviewer', 'anna');
    await cliOk('2025-12-08T11:00:00Z', 'plan', 'set', ACTION, '--year', '2025', '--status', 'klar', '--reviewer', 'anna');
    await cliOk('2025-12-08T11:30:00Z', 'incident', 'add', '--service', 'office365', '--kind', 'mi', '--title', 'Exchange nere', '--occurred', '2025-10-01', '--resolved', '2025-10-01', '--reviewer', 'anna');
    await cliOk('2025-12-08T12:00:00Z', 'observation', 'add', '--year', '2025', 'Behörigheter i Microsoft 365 följs inte upp.', '--reviewer', 'anna');
    await cliOk('2025-12-08T12:30:00Z', 'service', 'add', 'servicedesk', '--name', 'Servicedesk', '--classification', 'K1R1T1S1', '--reviewer', 'anna');
    gitOk('add', '-A');
    gitOk('commit', '-q', '-m', 'Annas granskning');

    gitOk('checkout', '-q', '-b', 'bo', 'main');
    await cliOk('2025-12-09T09:00:00Z', 'answer', '--year', '2025', '--service', 'office365', 'LOG.1=delvis', '--reviewer', 'bo');
    await cliOk('2025-12-09T10:00:00Z', 'answer', '--year', '2025', '--service', 'office365', 'BEH.4=delvis', '--comment', 'Kvartalsgranskning införs', '--reviewer', 'bo');
    await cliOk('2025-12-09T11:00:00Z', 'plan', 'set', ACTION, '--year', '2025', '--status', 'pågår', '--note', 'Väntar på Benify', '--reviewer', 'bo');
    await cliOk('2025-12-09T11:30:00Z', 'incident', 'add', '--service', 'telefoni', '--kind', 'mi', '--title', 'Växeln nere', '--occurred', '2025-10-02', '--resolved', '2025-10-02', '--reviewer', 'bo');
    await cliOk('2025-12-09T12:00:00Z', 'observation', 'add', '--year', '2025', 'Telefonin saknar kontinuitetsplan.', '--reviewer', 'bo');
    await cliOk('2025-12-09T12:30:00Z', 'service', 'add', 'kundtjanst', '--name', 'Kundtjänst', '--classification', 'K1R1T1S1', '--reviewer', 'bo');
    gitOk('add', '-A');
    gitOk('commit', '-q', '-m', 'Bos granskning');

    gitOk('checkout', '-q', 'anna');
    const commits = { anna: gitOk('rev-parse', 'anna').trim(), bo: gitOk('rev-parse', 'bo').trim() };
    const merge = git('merge', '--no-edit', 'bo');
    expect(merge.code, merge.stdout + merge.stderr).toBe(0);
    expect(merge.stdout).not.toContain('CONFLICT');
    // Every decision worth knowing is said, on stderr, which git shows.
    expect(merge.stderr).toContain(`efterlev: ${OFFICE}: BEH.4: besvarad på båda sidor; det senare svaret 'delvis' (bo, 2025-12-09 10:00) gäller, det andra 'nej' (anna, 2025-12-08 10:00) ligger i historiken.`);
    expect(merge.stderr).toContain(`efterlev: ${PLAN}: ${ACTION}: följd upp på båda sidor`);
    expect(merge.stderr).toContain("'Växeln nere' (registrerad 2025-12-09 11:30) har nu id 2025-002");
    expect(gitOk('ls-files', '-u')).toBe('');
    expect(gitOk('status', '--porcelain')).toBe('');

    const touched = gitOk('diff', '--name-only', 'main', 'HEAD').trim().split('\n').sort();
    expect(touched).toEqual([OFFICE, 'answers/incidents/2025.json', 'answers/observations/2025.json', PLAN, 'answers/register/2025.json', 'answers/services.json'].sort());
    for (const file of filesUnder(ws)) expect(read(file), file).not.toMatch(/^(<<<<<<<|=======|>>>>>>>)/m);
    for (const file of touched) {
      const [, canonical] = CANONICAL.find(([pattern]) => pattern.test(file))!;
      expect(read(file), `${file} är inte i kanonisk form`).toBe(canonical(json(file)));
    }

    // Answers: every answer either branch has (current or in its history) is in the result.
    type A = AnswerFile;
    const office = json<A>(OFFICE);
    const everything = (f: A) => [...Object.entries(f.answers).map(([question, a]) => ({ question, ...a })), ...f.history].map(stableKey);
    for (const commit of [commits.anna, commits.bo]) for (const a of everything(atCommit<A>(commit, OFFICE))) expect(everything(office)).toContain(a);
    expect(office.answers['AVT.2']).toMatchObject({ value: 'ja', by: 'anna' });
    expect(office.answers['LOG.1']).toMatchObject({ value: 'delvis', by: 'bo' });
    expect(office.answers['BEH.4']).toEqual(atCommit<A>(commits.bo, OFFICE).answers['BEH.4']);
    expect(office.history).toContainEqual({ question: 'BEH.4', ...atCommit<A>(commits.anna, OFFICE).answers['BEH.4']! });
    // The answer both replaced is in the history once, then the one that lost.
    expect(office.history.filter((h) => h.question === 'BEH.4').map((h) => [h.value, h.by])).toEqual([
      ['ja', 'ali.hassan'],
      ['nej', 'anna'],
    ]);

    // The handlingsplan: the later follow-up current, the other in the history.
    const plan = json<PlanFile>(PLAN);
    expect(plan.actions[ACTION]).toEqual(atCommit<PlanFile>(commits.bo, PLAN).actions[ACTION]);
    expect(plan.history).toContainEqual({ action: ACTION, entry: atCommit<PlanFile>(commits.anna, PLAN).actions[ACTION] });
    for (const commit of [commits.anna, commits.bo]) for (const h of atCommit<PlanFile>(commit, PLAN).history) expect(plan.history).toContainEqual(h);

    // Both incidents, both observations, both services.
    const incidents = json<IncidentFile>('answers/incidents/2025.json').incidents;
    const before = atCommit<IncidentFile>('main', 'answers/incidents/2025.json').incidents;
    expect(incidents).toHaveLength(before.length + 2);
    expect(incidents.map((i) => [i.id, i.title])).toEqual(
      expect.arrayContaining([...before.map((i) => [i.id, i.title]), ['2025-001', 'Exchange nere'], ['2025-002', 'Växeln nere']]),
    );
    const observations = json<ObservationFile>('answers/observations/2025.json').observations;
    for (const commit of [commits.anna, commits.bo]) for (const o of atCommit<ObservationFile>(commit, 'answers/observations/2025.json').observations) expect(observations).toContainEqual(o);
    expect(json<ServiceRegister>('answers/services.json').services.map((s) => s.id)).toEqual(expect.arrayContaining(['servicedesk', 'kundtjanst', 'office365']));
    expect(json<RegisterSnapshot>('answers/register/2025.json').services.map((s) => s.id)).toEqual(expect.arrayContaining(['servicedesk', 'kundtjanst']));

    const validate = await cli('2025-12-10T09:00:00Z', 'validate');
    expect(validate.code, validate.stdout + validate.stderr).toBe(0);
    const shown = JSON.parse(await cliOk('2025-12-10T09:00:00Z', '--json', 'show', '--year', '2025', '--service', 'office365')) as A;
    expect(shown.answers['BEH.4']!.value).toBe('delvis');

    // Merged the other way round, the files come out the same: the rules favour neither side.
    const annaMerge = gitOk('rev-parse', 'HEAD').trim();
    gitOk('checkout', '-q', 'bo');
    const other = git('merge', '--no-edit', '--no-ff', commits.anna);
    expect(other.code, other.stderr).toBe(0);
    expect(gitOk('diff', '--stat', annaMerge, 'HEAD')).toBe('');
  });

  it('a file the driver cannot merge (broken JSON on one side) is a git conflict, and nothing is lost', async () => {
    gitOk('checkout', '-q', '-b', 'anna');
    // The comma goes missing in the answer the other branch changes: git's line merge overlaps there.
    const broken = read(OFFICE).replace('"comment": "Granskningsloggen (Unified Audit Log) är påslagen.",', '"comment": "Granskningsloggen (Unified Audit Log) är påslagen."');
    expect(broken).not.toBe(read(OFFICE));
    writeFileSync(join(ws, OFFICE), broken);
    gitOk('commit', '-q', '-am', 'Handredigerad, med ett komma för lite');

    gitOk('checkout', '-q', '-b', 'bo', 'main');
    await cliOk('2025-12-09T09:00:00Z', 'answer', '--year', '2025', '--service', 'office365', 'LOG.1=nej', '--comment', 'Ingen loggranskning i år', '--reviewer', 'bo');
    await cliOk('2025-12-09T10:00:00Z', 'observation', 'add', '--year', '2025', 'Loggarna granskas inte.', '--reviewer', 'bo');
    gitOk('commit', '-q', '-am', 'Bos granskning');
    const bos = gitOk('show', `bo:${OFFICE}`);

    gitOk('checkout', '-q', 'anna');
    const merge = git('merge', '--no-edit', 'bo');
    expect(merge.code).not.toBe(0);
    expect(merge.stdout).toContain(`CONFLICT (content): Merge conflict in ${OFFICE}`);
    expect(merge.stderr).toContain(`fel: ${OFFICE} kunde inte slås ihop per fråga: ${OFFICE} (vår sida) (rad`);
    expect(merge.stderr).toContain('ogiltig JSON: komma väntades');
    expect(merge.stderr).toContain(`git checkout --ours (eller --theirs) -- ${OFFICE}`);
    expect(gitOk('diff', '--name-only', '--diff-filter=U').trim()).toBe(OFFICE);

    // Both sides are in git, untouched, and both are in the working file between git's markers.
    expect(gitOk('show', `:2:${OFFICE}`)).toBe(broken);
    expect(gitOk('show', `:3:${OFFICE}`)).toBe(bos);
    const working = read(OFFICE);
    expect(working).toMatch(/^<<<<<<< vår sida$/m);
    expect(working).toMatch(/^>>>>>>> deras sida$/m);
    expect(working).toContain('Ingen loggranskning i år');
    // The other files merged as usual.
    expect(json<ObservationFile>('answers/observations/2025.json').observations.map((o) => o.text)).toContain('Loggarna granskas inte.');

    // efterlev will not read the file until the conflict is resolved.
    const refused = await cli('2025-12-10T09:00:00Z', 'validate');
    expect(refused.code).toBe(2);
    expect(refused.stdout + refused.stderr).toContain(OFFICE);
    gitOk('checkout', '--theirs', '--', OFFICE);
    expect((await cli('2025-12-10T09:00:00Z', 'validate')).code).toBe(0);
    gitOk('add', OFFICE);
    gitOk('commit', '-q', '--no-edit');
  });

  it('the driver by hand: what it cannot merge is left with both sides in the file (exit 1); what it can, it writes (exit 0)', async () => {
    const dir = tempDir('efterlev-merge-file-');
    try {
      const base = read('answers/services.json');
      const side = (owner: string) => base.replace('"owner": "Sara Ek, tjänsteägare HR-tjänster"', `"owner": "${owner}"`);
      for (const [name, t] of [['base', base], ['ours', side('Anna Ek')], ['theirs', side('Bo Ek')]] as const) writeFileSync(join(dir, name), t);
      const r = await run(['git', 'merge-file', join(dir, 'base'), join(dir, 'ours'), join(dir, 'theirs'), 'answers/services.json'], { cwd: dir, env: GIT_ENV });
      expect(r.code).toBe(1);
      // side() changes the first service with that owner, whichever it is in the example.
      const first = (JSON.parse(base) as ServiceRegister).services.find((s) => s.owner === 'Sara Ek, tjänsteägare HR-tjänster')!;
      expect(r.stderr).toContain(`'${first.id}' (ändrad olika på båda sidor)`);
      const left = readFileSync(join(dir, 'ours'), 'utf8');
      expect(left).toContain('Anna Ek');
      expect(left).toContain('Bo Ek');
      expect(left).toMatch(/^<<<<<<< vår sida$/m);

      writeFileSync(join(dir, 'ours'), side('Anna Ek'));
      writeFileSync(join(dir, 'theirs'), base.replace('"name": "Telefoni', '"name": "Telefoni (Teams)'));
      const ok = await run(['--json', 'git', 'merge-file', join(dir, 'base'), join(dir, 'ours'), join(dir, 'theirs'), 'answers/services.json'], { cwd: dir, env: GIT_ENV });
      expect(ok.code, ok.stderr).toBe(0);
      expect(JSON.parse(ok.stdout)).toMatchObject({ file: 'answers/services.json', merged: true, kind: { kind: 'register' }, changed: true });
      const result = readFileSync(join(dir, 'ours'), 'utf8');
      expect(result).toContain('Anna Ek');
      expect(result).toContain('Telefoni (Teams)');

      // Broken far from the other side's change, git's line merge is clean: it is left in the file, unchecked, and still a conflict.
      const answers = read(OFFICE);
      writeFileSync(join(dir, 'base'), answers);
      writeFileSync(join(dir, 'ours'), answers.replace('"value": "kvartalsvis"', '"value": "månadsvis"'));
      writeFileSync(join(dir, 'theirs'), answers.replace('"value": "ja",', '"value": "ja"'));
      const line = await run(['git', 'merge-file', join(dir, 'base'), join(dir, 'ours'), join(dir, 'theirs'), OFFICE], { cwd: dir, env: GIT_ENV });
      expect(line.code).toBe(1);
      expect(line.stderr).toMatch(/office365\.json \(deras sida\) \(rad \d+, kolumn \d+\): ogiltig JSON: komma väntades/);
      expect(line.stderr).toContain('radvisa sammanslagning gick utan krockar');
      const lineMerged = readFileSync(join(dir, 'ours'), 'utf8');
      expect(lineMerged).toContain('"value": "månadsvis"');
      expect(lineMerged).toContain('"value": "ja"\n');
      expect(lineMerged).not.toContain('<<<<<<<');
    } finally {
      removeDir(dir);
    }
  });
});
