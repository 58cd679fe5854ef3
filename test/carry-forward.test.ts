import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { addMonths } from '../src/engine/dates.js';
import { readJson, removeDir, run, snapshot, tempDir } from './helpers.js';
import { writeMiniCatalog } from './fixtures/mini-catalog.js';
import { KEY, Terminal } from './pty.js';

/**
 * Issue 10, "Carry-forward that does not lie": last year's answer is the fast path (Enter keeps it),
 * but the questionnaire never quietly asserts something false. Every behaviour is driven through a
 * real pseudo terminal, with this year as the review year so that the review date is today.
 */

const YEAR = new Date().getFullYear();
const LAST = YEAR - 1;
const today = new Date().toISOString().slice(0, 10);
/** Last year's access review: 14 months before today, so a rule on "older than 12 months" fires now. */
const OLD_REVIEW = addMonths(today, -14);
/** A review three months ago: no gap. */
const RECENT_REVIEW = addMonths(today, -3);

let ws: string;
type Stored = { answers: Record<string, { value: unknown; comment?: string; evidence?: string; by: string }>; history: { question: string; value: unknown }[] };
const stored = (year = YEAR, service = 'webb') => readJson<Stored>(join(ws, 'answers', String(year), `${service}.json`));
const answersOf = (year = YEAR, service = 'webb') => {
  try {
    return stored(year, service).answers;
  } catch {
    return {};
  }
};
const cli = (...args: string[]) => run(['--dir', ws, ...args]);
const assess = (...args: string[]) => new Terminal(['assess', '--year', String(YEAR), '--service', 'webb', '--reviewer', 'pty', ...args], ws);

beforeEach(async () => {
  ws = tempDir();
  writeMiniCatalog(ws, ({ mini, rules }) => {
    const acc = mini.controls[0]!.questions as Record<string, unknown>[];
    const log = mini.controls[1]!.questions as Record<string, unknown>[];
    Object.assign(acc[2]!, { text: { sv: 'Senaste behörighetsgranskning?', en: 'Last access review?' }, notAfterReview: true });
    Object.assign(log[2]!, { text: { sv: 'Antal incidenter de senaste 12 månaderna?', en: 'Incidents in the last 12 months?' }, perPeriod: true });
    log.push({
      id: 'LOG.4',
      type: 'number',
      text: { sv: 'Andel utbildade?', en: 'Share trained?' },
      help: { sv: 'Hjälp för LOG.4', en: 'Help for LOG.4' },
      weight: 1,
      legal: false,
      references: ['ISO/IEC 27002:2022 6.3'],
      min: 0,
      max: 100,
      unit: { sv: '%', en: '%' },
    });
    const old = rules.ACC.rules.find((r) => r.name === 'ACC-granskning-gammal')!;
    old.event.params.finding = { sv: 'Behörighetsgranskning äldre än 12 månader', en: 'Access review older than 12 months' };
    (rules.LOG.rules as unknown[]).push({
      name: 'LOG-fa-utbildade',
      conditions: { all: [{ fact: 'answer', params: { question: 'LOG.4' }, operator: 'lessThan', value: 50 }] },
      event: {
        type: 'gap',
        params: { severity: 'mellan', finding: { sv: 'Under hälften utbildade', en: 'Under half trained' }, action: { sv: 'Utbilda', en: 'Train' }, reference: 'GDPR art. 39', deadlineMonths: 6 },
      },
      examples: { fires: [{ answers: { 'LOG.4': 40 } }], passes: [{ answers: { 'LOG.4': 80 } }, { answers: {} }] },
    });
  });
  await cli('init', '--name', 'Testkommunen');
  await cli('service', 'add', 'webb', '--name', 'Webbportalen', '--personal-data', '--classification', 'K2R2T2S2');
  const y = String(LAST);
  await cli('answer', '--year', y, '--service', 'webb', 'ACC.1=delvis', '--comment', 'PuB-avtal under uppdatering', '--evidence', 'Avtal dnr 2023-118');
  await cli('answer', '--year', y, '--service', 'webb', `ACC.3=${OLD_REVIEW}`, 'LOG.3=7', 'LOG.4=40', 'LOG.1=ja', 'ACC.4=ja');
});
afterEach(() => removeDir(ws));

describe('last year as the default, honestly', () => {
  it("shows last year's evidence beside its comment, and Enter keeps both", async () => {
    const t = assess('--control', 'ACC');
    await t.expect("Förra året: Delvis — 'PuB-avtal under uppdatering' · underlag: Avtal dnr 2023-118");
    await t.expect('ACC.1 Fråga ACC.1?');
    t.write(KEY.enter);
    await t.expect('ACC.2 Fråga ACC.2?');
    t.write(KEY.ctrlC);
    expect(await t.exited).toBe(130);
    expect(stored().answers['ACC.1']).toMatchObject({ value: 'delvis', comment: 'PuB-avtal under uppdatering', evidence: 'Avtal dnr 2023-118' });
  });

  it('preselects nothing on a question never answered: Enter alone records nothing, a letter still jumps', async () => {
    await cli('answer', '--year', String(YEAR), '--service', 'webb', 'ACC.1=ja');
    const t = assess('--control', 'ACC');
    await t.expect('ACC.2 Fråga ACC.2?');
    await t.expect('— välj ett svar —');
    t.write(KEY.enter);
    await t.expect('Inget svar är valt');
    expect(answersOf()['ACC.2']).toBeUndefined();
    await t.type('n', KEY.enter);
    await t.expect('Kommentar (valfri):');
    await t.type(KEY.enter);
    await t.expect('Underlag');
    await t.type(KEY.enter);
    await t.expect('ACC.3');
    t.write(KEY.ctrlC);
    expect(await t.exited).toBe(130);
    expect(stored().answers['ACC.2']?.value).toBe('nej');
  });

  it('never pre-fills a per-period count: last year is shown for reference, and Enter on empty records nothing', async () => {
    await cli('answer', '--year', String(YEAR), '--service', 'webb', 'LOG.1=ja', 'LOG.2=alltid');
    const t = assess('--control', 'LOG');
    await t.expect('Förra året: 7 (gäller förra perioden, fylls inte i)');
    await t.expect('LOG.3 Antal incidenter');
    await t.expect('tomt hoppar över');
    expect(t.screen).not.toContain('tomt behåller');
    t.write(KEY.enter);
    await t.expect('LOG.4 Andel utbildade?');
    t.write(KEY.ctrlC);
    expect(await t.exited).toBe(130);
    expect(stored().answers['LOG.3']).toBeUndefined();
  });

  it("flags a date default that would raise a gap at this year's review date, with its age, before Enter", async () => {
    await cli('answer', '--year', String(YEAR), '--service', 'webb', 'ACC.1=ja', 'ACC.2=ja');
    const t = assess('--control', 'ACC');
    await t.expect(`Obs: förra årets datum ${OLD_REVIEW} är 14 månader gammalt; med det svaret uppstår bristen 'Behörighetsgranskning äldre än 12 månader'.`);
    await t.expect(`tomt behåller ${OLD_REVIEW}`);
    t.write(KEY.ctrlC);
    expect(await t.exited).toBe(130);
    expect(answersOf()['ACC.3']).toBeUndefined();
  });

  it('says nothing about a recent date, and Enter keeps it as the hint says', async () => {
    // Last year's last day is at most 12 months before any review date this year: no gap.
    const recent = `${LAST}-12-31`;
    expect((await cli('answer', '--year', String(LAST), '--service', 'webb', `ACC.3=${recent}`)).code).toBe(0);
    await cli('answer', '--year', String(YEAR), '--service', 'webb', 'ACC.1=ja', 'ACC.2=ja');
    const t = assess('--control', 'ACC');
    await t.expect(`tomt behåller ${recent}`);
    t.write(KEY.enter);
    await t.expect('ACC.4 Fråga ACC.4?');
    expect(t.screen).not.toContain('Obs:');
    t.write(KEY.ctrlC);
    expect(await t.exited).toBe(130);
    expect(stored().answers['ACC.3']?.value).toBe(recent);
  });

  it('flags a carried-forward number that would raise a gap, and reads "85 %" as 85', async () => {
    await cli('answer', '--year', String(YEAR), '--service', 'webb', 'LOG.1=ja', 'LOG.2=alltid', 'LOG.3=0');
    const t = assess('--control', 'LOG');
    await t.expect("Obs: med förra årets värde 40 uppstår bristen 'Under hälften utbildade'.");
    await t.expect('tomt behåller 40');
    await t.type(...'85 %', KEY.enter);
    await t.expect('Kommentar (valfri):');
    await t.type(KEY.enter);
    await t.expect('Underlag');
    await t.type(KEY.enter);
    await t.expect('Inga brister hittades.');
    expect(await t.exited).toBe(0);
    expect(stored().answers['LOG.4']?.value).toBe(85);
  });
});

describe('typed answers say what is wrong and what Enter does', () => {
  it('refuses a future date for something that happened, and explains a bad date', async () => {
    await cli('answer', '--year', String(YEAR), '--service', 'webb', 'ACC.1=ja', 'ACC.2=ja');
    const t = assess('--control', 'ACC');
    await t.expect('ACC.3 Senaste behörighetsgranskning?');
    const erase = Array(12).fill(KEY.backspace);
    await t.type(...`${YEAR + 1}-01-10`, KEY.enter);
    await t.expect(`ligger efter ${today}`);
    await t.type(...erase, ...`${YEAR}-13-01`, KEY.enter);
    await t.expect('månad 13 finns inte');
    await t.type(...erase, ...`${YEAR}-02-30`, KEY.enter);
    await t.expect('30 februari finns inte');
    await t.type(...erase, ...'1/3', KEY.enter);
    await t.expect('skriv ÅÅÅÅ-MM-DD, t.ex. 2025-03-14');
    await t.type(...erase, ...RECENT_REVIEW, KEY.enter);
    await t.expect('Kommentar (valfri):');
    t.write(KEY.ctrlC);
    expect(await t.exited).toBe(130);
    expect(stored().answers['ACC.3']?.value).toBe(RECENT_REVIEW);
  });

  it('answer and import parse the same way: percent, decimal comma, bad and future dates', async () => {
    const y = String(YEAR);
    for (const [typed, value] of [['85 %', 85], ['85%', 85], ['85 procent', 85], ['3,5', 3.5]] as const) {
      const r = await cli('answer', '--year', y, '--service', 'webb', `LOG.4=${typed}`);
      expect(r.stderr).toBe('');
      expect(stored().answers['LOG.4']?.value).toBe(value);
    }
    writeFileSync(join(ws, 'svar.csv'), `service;question;value\nwebb;ACC.3;${YEAR + 1}-01-10\n`);
    const before = snapshot(ws);
    for (const [typed, message] of [
      [`${y}-02-30`, '30 februari finns inte'],
      [`${y}-13-01`, 'månad 13 finns inte'],
      ['14/3', 'skriv ÅÅÅÅ-MM-DD, t.ex. 2025-03-14'],
      [`${YEAR + 1}-01-10`, `ligger efter ${today}`],
    ]) {
      const r = await cli('answer', '--year', y, '--service', 'webb', `ACC.3=${typed}`);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(message);
    }
    const imported = await cli('import', '--year', y, join(ws, 'svar.csv'));
    expect(imported.code).toBe(2);
    expect(imported.stderr).toContain(`ligger efter ${today}`);
    expect(snapshot(ws)).toEqual(before);
  });
});

describe('ej tillämplig against the register needs a motivation', () => {
  it('in the questionnaire: the comment is required', async () => {
    await cli('answer', '--year', String(YEAR), '--service', 'webb', 'ACC.1=ja', 'ACC.2=ja', `ACC.3=${RECENT_REVIEW}`);
    const t = assess('--control', 'ACC');
    await t.expect('ACC.4 Fråga ACC.4?');
    await t.type('e', KEY.enter);
    await t.expect('Motivering (krävs');
    t.write(KEY.enter);
    await t.expect('Skriv en motivering');
    expect(answersOf()['ACC.4']).toBeUndefined();
    await t.type(...'Inga personuppgifter sedan 2025', KEY.enter);
    await t.expect('Underlag');
    await t.type(KEY.enter);
    await t.expect('Webbportalen (webb) · Mini');
    expect(await t.exited).toBe(0);
    expect(stored().answers['ACC.4']).toMatchObject({ value: 'ej_tillamplig', comment: 'Inga personuppgifter sedan 2025' });
  });

  it('answer and import refuse it without a comment, naming the question, and write nothing', async () => {
    writeFileSync(join(ws, 'svar.csv'), 'service;question;value;comment\nwebb;ACC.1;ja;\nwebb;ACC.4;ej_tillamplig;\n');
    const before = snapshot(ws);
    const r = await cli('answer', '--year', String(YEAR), '--service', 'webb', 'ACC.4=ej_tillamplig');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('ACC.4');
    expect(r.stderr).toContain('motivering');
    expect(r.stderr).toContain('--comment');
    const imported = await cli('import', '--year', String(YEAR), join(ws, 'svar.csv'));
    expect(imported.code).toBe(2);
    expect(imported.stderr).toContain('rad 3');
    expect(imported.stderr).toContain('ACC.4');
    expect(imported.stderr).toContain('motivering');
    expect(snapshot(ws)).toEqual(before);

    const ok = await cli('answer', '--year', String(YEAR), '--service', 'webb', 'ACC.4=ej_tillamplig', '--comment', 'Ingen inloggning längre');
    expect(ok.code).toBe(0);
    // Not applicable by the register either (no personal data): no motivation asked.
    await cli('service', 'add', 'wiki', '--name', 'Wiki', '--classification', 'K1R1T1S1');
    expect((await cli('answer', '--year', String(YEAR), '--service', 'wiki', 'ACC.1=ej_tillamplig')).code).toBe(0);
  });
});

describe('going back', () => {
  it("pre-fills this year's comment and evidence; last year's value again brings back last year's", async () => {
    const t = assess('--control', 'ACC');
    await t.expect('ACC.1 Fråga ACC.1?');
    await t.type('n', KEY.enter);
    await t.expect('Kommentar (valfri):');
    await t.type(...'Avtalet har löpt ut', KEY.enter);
    await t.expect('Underlag');
    await t.type(...'Dnr 9', KEY.enter);
    await t.expect('ACC.2 Fråga ACC.2?');
    await t.type('<', KEY.enter);
    await t.expect('ACC.1 Fråga ACC.1?');
    await t.type('j', KEY.enter);
    await t.expect('Kommentar (valfri; Enter behåller, ⌫ tar bort): (Avtalet har löpt ut)');
    await t.type(KEY.enter);
    await t.expect('(Dnr 9)');
    await t.type(KEY.enter);
    await t.expect('ACC.2 Fråga ACC.2?');
    expect(stored().answers['ACC.1']).toMatchObject({ value: 'ja', comment: 'Avtalet har löpt ut', evidence: 'Dnr 9' });

    await t.type('<', KEY.enter);
    await t.expect('ACC.1 Fråga ACC.1?');
    await t.type('d', KEY.enter);
    await t.expect('(PuB-avtal under uppdatering)');
    await t.type(KEY.enter);
    await t.expect('(Avtal dnr 2023-118)');
    await t.type(KEY.enter);
    await t.expect('ACC.2 Fråga ACC.2?');
    t.write(KEY.ctrlC);
    expect(await t.exited).toBe(130);
    expect(stored().answers['ACC.1']).toMatchObject({ value: 'delvis', comment: 'PuB-avtal under uppdatering', evidence: 'Avtal dnr 2023-118' });
  });
});

describe('the end and the way back', () => {
  it('summarises only the controls just answered', async () => {
    await cli('answer', '--year', String(YEAR), '--service', 'webb', 'LOG.1=ja', 'LOG.2=alltid', 'LOG.3=0');
    const t = assess('--control', 'LOG');
    await t.expect('LOG.4 Andel utbildade?');
    await t.type(...'90', KEY.enter);
    await t.expect('Kommentar (valfri):');
    await t.type(KEY.enter);
    await t.expect('Underlag');
    await t.type(KEY.enter);
    await t.expect(`Webbportalen (webb) · Mini ${YEAR}:`);
    await t.expect('LOG Loggning');
    expect(await t.exited).toBe(0);
    const summary = t.screen.slice(t.screen.indexOf(`Webbportalen (webb) · Mini ${YEAR}:`));
    expect(summary).not.toContain('ACC Behörigheter');
    expect(summary).not.toContain('ej bedömd');
  });

  it('gives the exact command back on Ctrl-C, and the resumed session can still go back', async () => {
    const elsewhere = tempDir();
    const args = ['--dir', ws, 'assess', '--year', String(YEAR), '--service', 'webb', '--control', 'ACC', '--reviewer', "Anna O'Berg", '--lang', 'en'];
    const t = new Terminal(args, elsewhere);
    await t.expect('ACC.1');
    t.write(KEY.enter);
    await t.expect('ACC.2');
    t.write(KEY.ctrlC);
    // --lang en: the frame is English (issue 13); the command itself is never translated.
    const expected = `Continue where you left off: efterlev assess --year ${YEAR} --service webb --control ACC --reviewer 'Anna O'\\''Berg' --dir ${ws} --lang en`;
    await t.expect(expected);
    expect(await t.exited).toBe(130);

    const again = new Terminal(args, elsewhere);
    await again.expect('ACC.2 Fråga ACC.2?');
    await again.expect('< Previous question');
    await again.type('<', KEY.enter);
    await again.expect('ACC.1 Fråga ACC.1?');
    again.write(KEY.ctrlC);
    expect(await again.exited).toBe(130);
    removeDir(elsewhere);
  });

  it('starts the service picker on the first unfinished service', async () => {
    await cli('service', 'add', 'arkiv', '--name', 'Arkivet', '--classification', 'K1R1T1S1');
    await cli('answer', '--year', String(YEAR), '--service', 'organisation', 'ORG.1=ja', 'ORG.2=ja');
    const t = new Terminal(['assess', '--year', String(YEAR)], ws);
    await t.expect('Vilken tjänst granskas');
    // The register lists services by id: the organisation is done, Arkivet is the first left.
    await t.expect('❯ Arkivet (arkiv)  0/8'); // personal data unknown: its questions are asked too
    t.write(KEY.enter);
    await t.expect(`Arkivet (arkiv) · ${YEAR} · Mini`);
    t.write(KEY.ctrlC);
    expect(await t.exited).toBe(130);
  });
});
