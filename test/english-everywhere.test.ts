import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { devNull } from 'node:os';
import { join, relative } from 'node:path';
import { copyExampleWorkspace, removeDir, ROOT, run, tempDir } from './helpers.js';
import { writeMiniCatalog } from './fixtures/mini-catalog.js';

/**
 * Issue 13, the last part: every text from one catalogue per language. No language pair chosen
 * inline in the code; --help's placeholders, git setup's files and the merge driver, the catalogue's
 * authoring errors and the XLSX archive's errors in English under --lang en; Swedish unchanged.
 */

const GIT_ENV = { GIT_CONFIG_GLOBAL: devNull, GIT_CONFIG_NOSYSTEM: '1', GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C', LANGUAGE: 'C' };

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('the code', () => {
  it('chooses no human-language text inline by language: every such text is a catalogue key', () => {
    // `sv ? 'Tjänst' : 'Service'`, `lang === 'sv' ? `…` : …`: a pair of texts in the code instead of in src/ui/messages.
    const INLINE = /(?<![.\w])sv\s*\?\s*[`'"(]|=== 'sv'\s*\?\s*[`'"(]/;
    const found = sources(join(ROOT, 'src'))
      .filter((f) => !f.includes(join('src', 'ui', 'messages')))
      .flatMap((f) => readFileSync(f, 'utf8').split('\n').map((line, i) => ({ at: `${relative(ROOT, f)}:${i + 1}`, line })))
      .filter(({ line }) => INLINE.test(line))
      .map(({ at, line }) => `${at}: ${line.trim()}`);
    expect(found).toEqual([]);
  });
});

/** A placeholder in Swedish: `<år>`, `<fil>`, `[sökväg]`, `help [kommando]`. */
const SWEDISH_PLACEHOLDER = /[<[][^\s<>[\]]*[åäöÅÄÖ][^\s<>[\]]*[>\]]|<(namn|fil|mapp|tidpunkt|typ|bas|vår|deras|underlag|svar\.\.\.|rapport|ordning|motivering|område)>|\[(kommando|sökväg|år1|år2)\]/;

const commandsOf = (help: string): string[] => {
  const section = help.split(/\nCommands:\n/)[1] ?? '';
  return [...section.matchAll(/^ {2}([a-z][a-z-]*)/gm)].map((m) => m[1]!).filter((c) => c !== 'help');
};

describe('--help under --lang en', () => {
  it('says every placeholder in English, for the program, every command and every subcommand', async () => {
    const top = await run(['--lang', 'en', '--help']);
    expect(top.stdout).toContain('--dir <folder>');
    expect(top.stdout).toContain('--lang <language>');
    expect(top.stdout).toContain('help [command]');
    const seen: string[] = [];
    for (const command of commandsOf(top.stdout)) {
      const help = await run(['--lang', 'en', command, '--help']);
      expect(help.code, command).toBe(0);
      seen.push(`${command}: ${help.stdout}`);
      for (const sub of commandsOf(help.stdout)) seen.push(`${command} ${sub}: ${(await run(['--lang', 'en', command, sub, '--help'])).stdout}`);
    }
    expect(seen.length).toBeGreaterThan(40);
    // [ja|nej|okänt]: the values the yes/no fields take, the same in both languages (explained as ja (yes) …).
    const swedishIn = (help: string) => help.split('\n').filter((l) => SWEDISH_PLACEHOLDER.test(l.replace('[ja|nej|okänt]', '')));
    for (const help of [top.stdout, ...seen]) expect(swedishIn(help), help.split(':')[0]).toEqual([]);
    const actions = seen.find((h) => h.startsWith('actions: '))!;
    expect(actions).toContain('--year <year>');
    expect(actions).toContain('--sort <order>');
    const add = seen.find((h) => h.startsWith('incident add: '))!;
    expect(add).toContain('--occurred <YYYY-MM-DD>');
    expect(add).toContain('short title');
    expect(seen.find((h) => h.startsWith('git merge-file: '))).toMatch(/merge-file \[options\] <base> <ours> <theirs> \[path\]/);
  });

  it('and Swedish as before without it', async () => {
    expect((await run(['actions', '--help'])).stdout).toContain('--year <år>');
    expect((await run(['--help'])).stdout).toContain('--dir <mapp>');
    expect((await run(['git', 'merge-file', '--help'])).stdout).toContain('<bas> <vår> <deras> [sökväg]');
    // commander's own error names the option as defined, in the language of the run.
    expect((await run(['--lang', 'en', 'actions', '--year'])).stderr).toContain("option '--year <year>' argument missing");
    expect((await run(['actions', '--year'])).stderr).toContain("flaggan '--year <år>' saknar värde");
  });
});

/** Labels that were Swedish in code, never the catalogue's or the user's data. */
const OUR_SWEDISH_LABELS = /Handlingsplan \d|Åtgärda först|Jämförelse \d|Kvarstående:|Incidentregistret: \d|\bInträffad\b|\bRapportering\b|Sammanfattning|Stora brister|Särskilda iakttagelser|Varför:|granskningsdagen|förra året|obesvarad|inte prövat|Tjänst \(ansvarig\)|Anmäld till IMY|under perioden|\bHistorik\b|Tidigare värden|\bEffekt\b|klart senast|Ansvarig:|Granskning \d{4}|\bBedömda\b|tjänster klara|ej påbörjad/;

describe('--lang en in the example workspace', () => {
  let ws: string;
  const en = async (...args: string[]) => {
    const r = await run(['--lang', 'en', ...args], { cwd: ws, env: { COLUMNS: '120' } });
    expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
    return r.stdout;
  };
  beforeAll(() => {
    ws = copyExampleWorkspace();
  });
  afterAll(() => removeDir(ws));

  it.each([
    [['overview'], ['Fix first', 'Review 2025:']],
    [['actions', '--year', '2025', '--explain'], ['Why:', 'Finding:', 'Effect']],
    [['compare', '2024', '2025', '--details'], ['Comparison 2024 → 2025', 'Persistent:', 'Changed answers:']],
    [['incident', 'list'], ['Incident register: ', 'Reporting']],
    [['incident', 'show', 'PUI-2024-019'], ['Occurred', 'Recorded']],
    [['report', '--year', '2025', '--format', 'md'], ['Summary', 'Major gaps', 'Fix first:']],
    [['report', '--kind', 'avvikelser', '--from', '2023-01-01', '--to', '2023-05-31', '--format', 'md'], ['Serious quality deviations', 'Service (owner)', 'How the status colours are set']],
    [['service', 'show', 'telefoni'], ['History']],
    [['show', '--year', '2025', '--service', 'telefoni', '--history'], ['earlier']],
    [['score', '--year', '2025'], ['Organisation 2025', 'Assessed']],
  ])('%j has none of the labels that were Swedish in the code', async (args, english) => {
    const out = await en(...args);
    expect(out.split('\n').filter((l) => OUR_SWEDISH_LABELS.test(l))).toEqual([]);
    for (const label of english) expect(out).toContain(label);
  });
});

describe('git setup --lang en, and the merge driver it registers', () => {
  let ws: string;
  const git = (...args: string[]) => spawnSync('git', args, { cwd: ws, env: { ...process.env, ...GIT_ENV }, encoding: 'utf8' });
  const read = (path: string) => readFileSync(join(ws, path), 'utf8');
  beforeAll(() => {
    ws = copyExampleWorkspace();
    expect(git('init', '-q', '-b', 'main').status).toBe(0);
  });
  afterAll(() => removeDir(ws));

  it('writes English comments, registers the driver with --lang en, and a Swedish run rewrites the same block', async () => {
    const r = await run(['--lang', 'en', '--dir', ws, 'git', 'setup'], { env: GIT_ENV });
    expect(r.code, r.stderr).toBe(0);
    const attributes = read('.gitattributes');
    expect(attributes).toContain('# efterlev git setup: begin (rewritten by efterlev git setup; do not edit within the block)');
    expect(attributes).toContain("# The workspace's files are merged per question");
    expect(attributes).toContain('answers/services.json merge=efterlev');
    expect(read('.gitignore')).toContain('# Locks, temporary files and the journal of a write in progress');
    for (const text of [attributes, read('.gitignore')]) expect(text).not.toMatch(/[åäö]/);
    const driver = git('config', '--get', 'merge.efterlev.driver').stdout.trim();
    expect(driver).toMatch(/' --lang en git merge-file %O %A %B %P$/);
    expect(git('config', '--get', 'merge.efterlev.name').stdout.trim()).toBe('efterlev per question');
    expect(r.stdout).toContain(`--lang en git merge-file %O %A %B %P`);
    // Again in English: nothing to do.
    expect((await run(['--lang', 'en', '--dir', ws, 'git', 'setup'], { env: GIT_ENV })).stdout).toContain('Git was already set up');

    // In Swedish (the default): the block is rewritten in place, one block, and the driver runs in Swedish.
    const sv = await run(['--dir', ws, 'git', 'setup'], { env: GIT_ENV });
    expect(sv.code, sv.stderr).toBe(0);
    const swedish = read('.gitattributes');
    expect(swedish).toContain('# efterlev git setup: början');
    expect(swedish).not.toContain('efterlev git setup: begin');
    expect(swedish.match(/merge=efterlev/g)).toHaveLength(attributes.match(/merge=efterlev/g)!.length);
    expect(git('config', '--get', 'merge.efterlev.driver').stdout.trim()).toMatch(/' git merge-file %O %A %B %P$/);
  });

  it('the driver with --lang en labels the conflict markers and says why in English', async () => {
    const dir = tempDir('efterlev-merge-file-');
    try {
      const base = read('answers/services.json');
      const owner = (JSON.parse(base) as { services: { owner?: string }[] }).services.find((s) => s.owner !== undefined)!.owner!;
      const side = (name: string) => base.replace(`"owner": "${owner}"`, `"owner": "${name}"`);
      for (const [name, text] of [['base', base], ['ours', side('Anna Ek')], ['theirs', side('Bo Ek')]] as const) writeFileSync(join(dir, name), text);
      const r = await run(['--lang', 'en', 'git', 'merge-file', join(dir, 'base'), join(dir, 'ours'), join(dir, 'theirs'), 'answers/services.json'], { cwd: dir, env: GIT_ENV });
      expect(r.code).toBe(1);
      expect(r.stderr).not.toMatch(/vår sida|deras sida|ändrad olika/);
      const left = readFileSync(join(dir, 'ours'), 'utf8');
      expect(left).toMatch(/^<<<<<<< our side$/m);
      expect(left).toMatch(/^>>>>>>> their side$/m);
      expect(left).not.toMatch(/vår sida|deras sida/);
    } finally {
      removeDir(dir);
    }
  });
});

describe('errors made far from a command, under --lang en', () => {
  let ws: string;
  beforeAll(() => {
    ws = tempDir();
  });
  afterAll(() => removeDir(ws));
  const en = (...args: string[]) => run(['--lang', 'en', '--dir', ws, ...args]);

  it("the catalogue's authoring errors (validate)", async () => {
    writeMiniCatalog(ws, ({ mini }) => {
      mini.controls[0]!.questions[1]!.id = 'LOG.9';
    });
    const prefix = await en('validate');
    expect(prefix.code).not.toBe(0);
    expect(prefix.stdout + prefix.stderr).toContain("the question 'LOG.9' must begin with the control's id, 'ACC.'");
    expect(prefix.stdout + prefix.stderr).not.toMatch(/ska börja|frågan/);
    const swedish = await run(['--dir', ws, 'validate']);
    expect(swedish.stdout + swedish.stderr).toContain("frågan 'LOG.9' ska börja med kontrollens id, 'ACC.'");

    writeMiniCatalog(ws, ({ mini }) => {
      mini.controls[0]!.questions[1]!.id = 'acc two';
    });
    const form = await en('validate');
    expect(form.stdout + form.stderr).toContain('A question id looks like KP3.2 or LOG.1');
    expect(form.stdout + form.stderr).not.toContain('Fråge-id ska se ut');
    const formSv = await run(['--dir', ws, 'validate']);
    expect(formSv.stdout + formSv.stderr).toContain('Fråge-id ska se ut som KP3.2 eller LOG.1');
  });

  it('a file that is not an XLSX archive, and a control character in a text', async () => {
    writeMiniCatalog(ws);
    await en('init', '--name', 'Test');
    await en('service', 'add', 'x', '--name', 'X');
    writeFileSync(join(ws, 'plan.xlsx'), 'not a zip archive at all');
    const xlsx = await en('plan', 'import', join(ws, 'plan.xlsx'), '--year', '2025');
    expect(xlsx.code).toBe(2);
    expect(xlsx.stderr).toContain('not an XLSX file (no zip archive)');
    expect(xlsx.stderr).not.toMatch(/inte en XLSX-fil|spara den som/);
    const control = await en('observation', 'add', '--year', '2025', 'Bad\u0007text');
    expect(control.code).toBe(2);
    expect(control.stderr).toContain('the observation contains a control character (U+0007) at position 4');
    const swedish = await run(['--dir', ws, 'observation', 'add', '--year', '2025', 'Bad\u0007text']);
    expect(swedish.stderr).toContain('iakttagelsen innehåller ett styrtecken (U+0007) på plats 4');
  });
});
