import type { Messages } from './sv.js';

/** The English message catalogue: the keys of sv.ts, every one (a missing or extra key is a type error). */
const list = (items: readonly string[], and: string): string => (items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${and} ${items.at(-1)!}`);

const FIELDS_HELP_EN = `
The yes/no fields take ja (yes), nej (no) or okänt (unknown) (a flag without a value means yes). A
field that is not known is "okänt": the questions that depend on it are asked, the rules count on
the stricter case and the register shows it as a gap to fill in. Classification per KLASSA 4.0:
level 0–4 for confidentiality, integrity, availability and traceability (K3R2T3S2), or "ej klassad"
(not classified; prioritised as level 3). --supplier ingen means the service has no external supplier.`;

export const en = {
  status_enligt_plan: 'On track',
  status_mellan: 'Deviation – medium/minor',
  status_stor: 'Deviation – major',
  status_ej_bedomd: 'not assessed',
  review_klar: 'done',
  review_pågår: 'in progress',
  review_ej_påbörjad: 'not started',
  severity_stor: 'major',
  severity_mellan: 'medium',
  severity_liten: 'minor',
  control: 'Control',
  score: 'Score',
  status: 'Status',
  answered: 'Answered',
  gaps: 'Gaps',
  service: 'Service',
  notAssessed: 'not assessed',
  organisation: 'Organisation',
  year: 'Year',
  changeSince: 'Since',
  overviewTitle: 'Compliance review',
  question: 'Question',
  answer: 'Answer',
  comment: 'Comment',
  evidence: 'Evidence',
  by: 'By',
  at: 'Date',
  historyCount: 'earlier values in the history',
  notApplicableHere: 'does not apply to the service',
  id: 'Id',
  name: 'Name',
  owner: 'Owner',
  supplier: 'Supplier',
  personalData: 'Personal data',
  classification: 'Classification',
  yes: 'yes',
  no: 'no',
  sensitive: 'sensitive',
  thirdCountry: 'third country',
  unknownValue: 'unknown',
  statusShort_enligt_plan: 'on track',
  statusShort_mellan: 'medium',
  statusShort_stor: 'major',
  statusShort_ej_bedomd: 'not assessed',
  incident_pågår: 'ongoing',
  incident_åtgärdad: 'resolved',
  incident_stängd: 'closed',
  incidentKindSignificant: 'Significant',

  plan_ej_påbörjad: 'Not started',
  plan_pågår: 'In progress',
  plan_klar: 'Done',
  plan_accepterad_risk: 'Accepted risk',
  why_legal: 'legal requirement',
  why_unclassified: 'not classified',
  why_recurring: (since: number) => `recurring since ${since}`,
  why_focus: 'focus area',
  dueBy: 'due',
  p_unchanged: (id: string) => `${id}: unchanged.`,
  p_badStatus: (raw: string) => `Invalid status '${raw}'.`,
  p_badStatusHint: 'Choose not_started, in_progress, done or accepted_risk (or ej_påbörjad, pågår, klar, accepterad_risk).',
  p_badDate: (raw: string) => `Invalid date '${raw}': write YYYY-MM-DD.`,
  p_noAction: (id: string, year: number, note: string) => `No action '${id}' in ${year}${note ? ` ${note}` : ''}.`,
  p_serviceActions: (ids: readonly string[]) => `The service's actions: ${ids.join(', ')}`,
  p_seeActions: (year: number) => `See efterlev actions --year ${year}`,
  p_acceptedNeeds: 'An accepted risk needs --motivation and --accepted-by.',
  p_importSummary: (rows: number, changed: number, removed: number, dryRun: boolean) => {
    const gone = removed === 0 ? '' : `, ${removed} ${removed === 1 ? 'value' : 'values'} ${dryRun ? 'would be removed' : 'removed'}`;
    return `${rows} rows read, ${changed} ${changed === 1 ? 'action' : 'actions'} ${dryRun ? `would be changed${gone} (dry run, nothing written)` : `changed${gone}`}.`;
  },
  v_allGood: (r: { checklists: number; ruleFiles: number; rules: number; services: number; answerFiles: number; planFiles: number; incidentFiles: number }) =>
    `All in order: ${r.checklists} checklists, ${r.ruleFiles} rule files (${r.rules} rules), ` +
    `${r.services} services, ${r.answerFiles} answer files, ${r.planFiles} action plans, ${r.incidentFiles} incident registers.`,
  v_noClosedYears: 'No closed years to check.',
  y_noYears: 'No years with answers yet.',
  y_open: 'open',
  y_closed: (at: string, by: string, signed: boolean) => `closed ${at} by ${by}${signed ? ', signed' : ''}`,
  y_reopened: (at: string, by: string, reason: string) => `reopened ${at} by ${by}: ${reason}`,
  y_line: (year: number, state: string, files: number) => `${year}  ${state} (${files} answer ${files === 1 ? 'file' : 'files'})`,
  i_created: (root: string) => `Created a workspace in ${root}.`,
  i_next: 'Next step: efterlev service add ID --name "The service\'s name" --classification K2R2T2S2',
  o_noAnswers: 'No answers yet. Start with: efterlev assess --year YYYY (or efterlev answer for scripts).',
  a_changedFrom: (from: string) => `changed from ${from}`,
  a_new: 'new',
  a_unchanged: 'unchanged',
  a_notApplicable: (question: string, service: string) => `warning: ${question} does not apply to ${service} (the service's register fields); the answer is saved but not counted.`,
  a_saved: (service: string, year: number) => `Saved in ${service} ${year}.`,
  sv_registered: (name: string, id: string) => `Registered ${name} (${id}).`,
  sv_unknownSoFar: (fields: readonly string[], id: string) => `Unknown so far: ${fields.join(', ')}. Fill in with efterlev service set ${id} …`,
  sv_fieldPersonalData: 'personal data',
  sv_fieldSensitive: 'sensitive personal data',
  sv_fieldThirdCountry: 'third-country transfer',
  sv_fieldSupplier: 'supplier',
  sv_fieldClassification: 'information classification',
  n_recorded: (id: string, title: string, service: string, occurred: string) => `Recorded incident ${id}: ${title} (${service}, ${occurred}).`,
  n_changed: (id: string) => `Changed incident ${id}.`,
  im_service: (service: string, added: number, changed: number, unchanged: number) => `${service}: ${added} new, ${changed} changed, ${unchanged} unchanged`,
  im_dryRun: 'Dry run: nothing has been written.',
  im_done: (year: number, from: number | undefined) => `Imported into ${year}${from !== undefined ? ` (moved from ${from})` : ''}.`,
  x_planNote: (note: string) => `The action plan ${note}.`,
  x_wroteOscal: (year: number, out: string) => `Wrote the assessment ${year} (OSCAL Assessment Results) to ${out} (readable only by you).`,
  x_wrote: (n: number, year: number, note: string, out: string) => `Wrote ${n} ${n === 1 ? 'action' : 'actions'} ${note ? `${note} ` : `for ${year} `}to ${out} (readable only by you).`,

  q_keyNavigate: 'navigate',
  q_keySelect: 'select',
  q_confirmYes: 'Yes',
  q_confirmNo: 'No',
  q_confirmError: (yes: string, no: string) => `Answer ${yes} or ${no} (${yes[0]!.toLowerCase()}/${no[0]!.toLowerCase()}).`,
  q_controlOf: (n: number, of: number) => `— control ${n} of ${of}`,
  q_progress: (n: number, of: number, percent: number) => `Question ${n} of ${of} · ${percent} % answered in all`,
  q_lastYear: 'Last year',
  q_lastPeriod: ' (for the last period, not filled in)',
  q_thisYear: 'This year',
  q_evidenceTag: 'evidence',
  q_and: 'and',
  q_months: (n: number) => (n === 0 ? 'less than a month' : n === 1 ? '1 month' : `${n} months`),
  q_gaps: (findings: readonly string[]) => `the ${findings.length === 1 ? 'gap' : 'gaps'} ${list(findings.map((s) => `'${s}'`), 'and')}`,
  q_warnDate: (lastYear: boolean, value: string, age: string, gaps: string) => `Note: ${lastYear ? "last year's" : "this year's"} date ${value} is ${age} old; with that answer ${gaps} arise.`,
  q_warnValue: (lastYear: boolean, value: string, gaps: string) => `Note: with ${lastYear ? "last year's" : "this year's"} value ${value}, ${gaps} arise.`,
  q_references: 'References',
  q_legal: ' (legal requirement)',
  q_enterKeeps: '; Enter keeps, ⌫ removes)',
  q_commentOptional: 'Comment (optional)',
  q_motivationRequired: 'Motivation (required for Not applicable)',
  q_writeMotivation: (why: string) => `Write a motivation: ${why}.`,
  q_evidencePrompt: 'Evidence, document reference or link (optional)',
  q_pickOne: '— choose an answer —',
  q_noDefault: '(no default)',
  q_nothingChosen: (letters: string) => `No answer is chosen: choose with ↑↓ or type the first letter (${letters}).`,
  q_help: '? Help and references',
  q_edit: '* Change comment and evidence',
  q_back: '< Previous question',
  q_skip: '> Skip',
  q_dateHint: 'YYYY-MM-DD',
  q_integer: 'a whole number',
  q_number: 'a number',
  q_text: 'text',
  q_emptySkips: 'empty skips',
  q_emptyKeeps: (v: string) => `empty keeps ${v}`,
  q_typedHint: (format: string, canGoBack: boolean, empty: string) => `${format}; ? help${canGoBack ? ', < previous' : ''}, > skip, ${empty}`,
  q_fromRegister: (n: number) => `from the incident register: ${n}`,
  q_fromRegisterNote: '(the last twelve months; change the register with efterlev incident)',
  q_changedMeanwhile: (id: string) => `${id} was changed by someone else while you answered; the question is shown again with the new answer.`,
  q_changedBeforeComment: (id: string) => `${id} was changed by someone else before the comment was saved; the comment was not saved.`,
  q_conflictRemoved: 'removed the answer',
  q_conflictAnswered: (described: string) => `answered ${described}`,
  q_conflictTitle: (id: string) => `${id}: someone else got there first while you answered.`,
  q_unknownPerson: 'unknown',
  q_yourAnswer: 'Your answer',
  q_whatNow: 'What do you want to do?',
  q_keepTheirs: 'Keep their answer',
  q_overwrite: 'Overwrite with my answer (theirs is kept in the history)',
  q_answerAgain: 'Answer the question again',
  q_noQuestions: (service: string, control: string | undefined, checklist: string | undefined) =>
    `No questions to answer for ${service}${control ? ` in the control ${control}` : ''}${checklist ? ` in the checklist ${checklist}` : ''}.`,
  q_allAnswered: (n: number) => `All ${n} questions are answered. Go through them again with --all.`,
  q_savedAs: (id: string, described: string, bare: boolean) => ` ${id} was saved as ${described}${bare ? ', without comment and evidence' : ''}.`,
  q_notSaved: (id: string, described: string) => ` ${id} was not saved: ${described} needs a motivation.`,
  q_interrupted: (saved: number, detail: string) => `Interrupted. ${saved} ${saved === 1 ? 'answer was' : 'answers were'} saved during the session; no confirmed answer has been lost.${detail}`,
  q_resume: 'Continue where you left off:',
  q_needsTerminal: 'efterlev assess needs a terminal (stdin and stdout).',
  q_needsTerminalHint: 'For scripts: efterlev answer --year YEAR --service ID QUESTION=VALUE …, or efterlev import --year YEAR FILE.csv',
  q_yearNote: (year: number) => `(year ${year}, the current year; another with --year)`,
  q_whichService: (year: number) => `Which service is reviewed in ${year}?`,
  q_lastBy: (by: string, at: string) => ` · last ${by} ${at}`,
  q_required: (what: string) => `${what} is needed`,
  q_registerNow: (id: string) => `The service '${id}' is not in the register. Register it now?`,
  q_name: 'Name:',
  q_aName: 'A name',
  q_ownerPrompt: 'Owner (service owner, optional):',
  q_supplierPrompt: 'External supplier (optional):',
  q_personalDataPrompt: 'Does the service process personal data?',
  q_sensitivePrompt: 'Sensitive personal data (art. 9)?',
  q_thirdCountryPrompt: 'Is personal data transferred to a third country?',
  q_classificationPrompt: 'Information classification (KLASSA 4.0), e.g. K3R2T3S2, or "ej klassad" (not classified):',
  s_onlyControl: (control: string) => `the control ${control}`,
  s_onlyChecklist: (checklist: string) => `the checklist ${checklist}`,
  s_showingOnly: (only: string, whole: string) => `Showing only ${only}; the whole service: ${whole}`,
  s_newGaps: (since: number, n: number) => `New gaps since ${since}: ${n}`,
  s_noGaps: 'No gaps found.',
  s_fixFirst: 'To fix first',

  v_dateFormat: 'write YYYY-MM-DD, e.g. 2025-03-14',
  v_noMonth: (month: number) => `there is no month ${month}`,
  v_noDay: (day: number) => `there is no day ${day}`,
  v_noLeapDay: (year: number) => `there is no 29 February ${year} (not a leap year)`,
  v_noSuchDate: (day: number, month: number) => `there is no ${day} ${['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'][month - 1]}`,
  v_today: 'today',
  v_yearEnd: "the review year's last day",
  v_notAllowed: (value: string, id: string, allowed: readonly string[]) => `${value} is not an allowed answer to ${id}; allowed: ${allowed.join(', ')}`,
  v_number: (id: string) => `${id} is answered with a number`,
  v_integer: (id: string) => `${id} is answered with a whole number`,
  v_min: (id: string, value: number, min: number) => `${id}: ${value} is less than ${min}`,
  v_max: (id: string, value: number, max: number) => `${id}: ${value} is more than ${max}`,
  v_date: (id: string) => `${id} is answered with a date, YYYY-MM-DD`,
  v_text: (id: string) => `${id} is answered with a text`,
  v_happened: (id: string, value: string, latest: string, label: string) => `${id} is about something that has already happened: ${value} is after ${latest} (${label})`,
  e_badClassification: (raw: string) => `Invalid classification '${raw}'.`,
  e_badClassificationHint: 'Give the impact level 0–4 (KLASSA 4.0) for confidentiality, integrity, availability and traceability, e.g. K3R2T3S2, or "ej klassad" (not classified).',
  e_prefix: 'error',
  e_invalidInput: 'invalid input, nothing has been changed',
  e_nothingSaved: 'nothing has been changed',
  e_motivationWith: 'Give the motivation with --comment "…".',
  e_unexpected: 'unexpected error',
  e_interrupted: 'Interrupted.',
  e_didYouMean: (ids: readonly string[]) => `Did you mean ${list(ids, 'or')}?`,
  e_known: (ids: readonly string[]) => `Known: ${ids.join(', ')}.`,
  e_registerNew: (id: string) => ` Register a new one with \`efterlev service add ${id} --name "…"\`.`,
  e_unknownService: (id: string) => `Unknown service '${id}'.`,
  e_unknownChecklist: (id: string) => `Unknown checklist '${id}'.`,
  e_unknownControl: (id: string) => `Unknown control '${id}'.`,
  e_checklistFromLaterYear: (id: string, checklist: string, from: number, year: number) => `'${id}' belongs to the checklist ${checklist}, which applies from the review year ${from} (not ${year})`,
  e_unknownQuestion: (id: string, service: string) => `'${id}': unknown question for ${service}`,
  e_unknownAction: (id: string) => `Unknown action '${id}'.`,
  e_retired: (id: string, at: string, reason: string) => `The service '${id}' is retired (${at}: ${reason}).`,
  e_retiredHint: 'Its earlier years remain; new answers are not accepted.',
  e_fileExists: (path: string) => `The file ${path} already exists.`,
  e_fileExistsHint: 'Choose another name or overwrite with --force.',
  e_noYears: 'No answers in the workspace yet, so there is no latest year: give --year YYYY.',
  e_latestYear: (year: number) => `(year ${year}, the latest in the workspace)`,
  e_needsYear: (command: string) => `${command} writes answers and needs --year: which year's review are they for?`,
  e_yearOptions: (options: readonly string[]) => `E.g. ${options.join(' or ')}.`,
  e_currentYear: ' (the current year)',
  e_latestInWorkspace: ' (the latest in the workspace)',
  e_badYear: (raw: string) => `invalid year '${raw}'`,
  e_badStatus: (raw: string) => `invalid status '${raw}' (Not started, In progress, Done or Accepted risk)`,

  h_usage: 'Usage:',
  h_options: 'Options:',
  h_commands: 'Commands:',
  h_arguments: 'Arguments:',
  h_globalOptions: 'Global Options:',
  h_optionsWord: '[options]',
  h_commandWord: '[command]',
  h_choose: (choices: readonly string[]) => `choose ${choices.join(' or ')}`,
  h_default: (value: string) => `default: ${value}`,
  h_description: "Annual compliance review: the data protection officer's control points and IT security's control areas, per service.",
  h_version: 'show the version',
  h_help: 'show help',
  h_helpCommand: 'show help for a command',
  h_dir: 'the workspace (else EFTERLEV_DIR or the current folder)',
  h_json: 'machine-readable output on stdout, nothing else there',
  h_lang: 'language of the output',
  h_noColor: 'without colours (also NO_COLOR)',
  h_examples: `
Examples:
  efterlev                                        overview of the latest year
  efterlev score --year 2025 --service office365  score and status per control
  efterlev answer --year 2025 --service office365 LOG.1=ja --comment "Logs are reviewed monthly"
  efterlev validate                               check catalogues and answer files
  efterlev year close 2024 --by "Eva Ek"          close a year when the board has had the report
  efterlev verify                                 check the closed years against their manifests

Exit codes: 0 done, 1 error, 2 invalid usage or input, 130 interrupted.`,
  h_yearHelp: 'the review year, e.g. 2025',
  h_latestYearHelp: 'the review year (default: the latest year in the workspace)',
  h_forceHelp: 'overwrite an existing file',
  // commands and their most used options
  c_actions: 'the prioritised list of actions (the action plan)',
  c_answer: 'set answers without questions (for scripts): QUESTION=VALUE …',
  c_assess: 'answer the control questions for a service, interactively',
  c_compare: 'compare two years, or the trend over all years',
  c_coverage: 'how the year\'s answers show a framework\'s requirements met: GDPR, ISO/IEC 27001, the Cybersecurity Act',
  c_export: 'the action plan as CSV, XLSX, Markdown, JSON or OSCAL; the year\'s assessment as OSCAL',
  c_git: 'several reviewers on branches of one git repository: merging per question',
  c_gitSetup: 'set git up to merge the workspace\'s files per question, action, incident and observation',
  c_gitMergeFile: 'git\'s merge driver for a file in the workspace (%O %A %B %P); writes the result to OURS',
  c_import: 'read many answers at once from CSV or JSON',
  c_incident: 'the incident register: major incidents, personal data breaches and significant incidents',
  c_incidentAdd: 'record an incident',
  c_incidentSet: 'change an incident; the earlier version is kept in the history',
  c_incidentList: 'list incidents',
  c_incidentShow: 'show an incident with its reporting chain and history',
  c_incidentImport: 'read incidents from a CSV from the ticketing system, all or nothing',
  c_init: 'create an empty workspace here (answers/services.json)',
  c_migrate: 'rewrite answer files and action plans to the catalogue\'s current version',
  c_observation: 'special observations for the annual report',
  c_observationAdd: 'add a special observation',
  c_observationList: 'show the year\'s special observations',
  c_overview: 'overview of a year (shown without a command): the review\'s state, scores, largest gaps',
  c_plan: 'follow up the action plan: status, owner, dates',
  c_planSet: 'set an action\'s follow-up',
  c_planImport: 'read status, owner, dates and notes back from an exported action plan',
  c_report: 'the annual report (the compliance review and the data protection officer\'s control points) or the deviation report for a period',
  c_rollup: 'the whole city\'s picture: several workspaces (departments, companies) in one read-only view',
  c_rollupInit: 'create rollup.json with the members\' workspaces',
  c_rollupOverview: 'the city\'s overview, broken down per organisation',
  c_rollupActions: 'the city\'s prioritised list of actions, with the organisation in each id',
  c_rollupReport: 'the city\'s report: the state per organisation and for the whole city',
  c_rollupExport: 'the city\'s action plan as CSV, XLSX, Markdown or JSON',
  c_score: 'score and status per control, per service',
  c_service: 'the service register: add, change, import, retire and list services',
  c_serviceAdd: 'register a service',
  c_serviceSet: 'change a service in the register; the earlier version is kept in the history',
  c_serviceRetire: 'retire a service: it leaves the coming years\' reviews but keeps its earlier years',
  c_serviceImport: 'read the service register from a system inventory (CSV or XLSX), all or nothing',
  c_serviceList: 'list the services in the register',
  c_serviceShow: 'show a service with its history in the register',
  c_show: 'show the saved answers for a service and a year',
  c_validate: 'check checklists, rules, service register and answer files',
  c_verify: 'check the closed years against their manifests and the chain',
  c_year: 'close and reopen review years: a closed year cannot be changed',
  c_yearClose: 'close a year: write the manifest, then refuse changes to the year\'s files',
  c_yearReopen: 'reopen a closed year, with a reason that is kept',
  c_yearList: 'show every year, open or closed, with who and when',
  c_yearKeygen: 'create an Ed25519 key pair to sign closed years',
  o_reviewerChange: 'who makes the change (else the logged-in user)',
  o_serviceOrOrg: 'only one service (or organisation)',
  o_checklist: 'only one checklist',
  o_top: 'only the first n',
  o_reviewerAnswer: 'who answers (else the logged-in user)',
  o_reviewerRecord: 'who records (else the logged-in user)',
  o_out: 'the file to write (without: stdout; required for xlsx)',
  o_dryRun: 'show what would change, without writing anything',
  o_yearLatest: 'the year (default: the latest year in the workspace)',
  o_yearCurrent: 'the review year (default: the current year)',
  o_servicePick: 'the service (without: choose from a list with each service\'s progress)',
  o_service: 'only one service',
  o_planStatus: 'ej_påbörjad, pågår, klar or accepterad_risk (also not_started, in_progress, done, accepted_risk)',
  o_control: 'only one control, e.g. LOG or KP3',
  o_all: 'go through all questions again, with the current answers as defaults',
  o_reviewerBy: 'who the answers are recorded by (else the logged-in user)',
  o_reviewerWrites: 'who writes (else the logged-in user)',

  // ---- year close, reopen, list, keygen ----
  y_closedLine: (year: number, files: number, catalogueFiles: number, versions: string) => `Closed ${year}: ${files} files and ${catalogueFiles} catalogue files (${versions}) in answers/closed/${year}.json.`,
  y_snapshotTaken: (year: number) => `The year had no register snapshot; it was taken now from the service register (answers/register/${year}.json).`,
  y_firstInChain: 'First closed year in the chain.',
  y_linkedTo: (year: number, hash: string) => `Linked to ${year} (${hash}…).`,
  y_follows: (at: string, by: string, reason: string) => `Follows the reopening on ${at} by ${by}: ${reason}`,
  y_manifestHash: (hash: string) => `Manifest SHA-256: ${hash}`,
  y_signedWith: (key: string) => `Signed with the key ${key}….`,
  y_nowRefused: (year: number) => `Changes to ${year} are now refused. Check with efterlev verify; reopen with efterlev year reopen ${year} --reason "…" --by "…".`,
  y_emptyReason: '--reason is empty: the reason for reopening the year is kept and must be given.',
  y_reopenedLine: (year: number, at: string, by: string) => `Reopened ${year} (closed ${at} by ${by}). The reason is kept. Close the year again with efterlev year close ${year} --by "…".`,
  y_wroteKeys: (privateFile: string, publicFile: string) => `Wrote the private key to ${privateFile} (0600) and the public key to ${publicFile}.`,
  y_fingerprint: (fp: string) => `Key fingerprint (SHA-256): ${fp}`,
  y_keepPrivate: 'Keep the private key outside the workspace and never give it out.',
  o_yearToClose: 'the year to close',
  o_byClose: 'who closes the year',
  o_signKey: 'sign the manifest with a private Ed25519 key (PEM, from year keygen; never in the workspace)',
  o_yearToReopen: 'the year to reopen',
  o_reasonReopen: 'why the year is reopened, e.g. "correction of KP4 after the auditors\' remark"',
  o_byReopen: 'who reopens the year',
  o_keyOut: 'the private key\'s file (outside the workspace); the public key is written to <file>.pub',
  hx_year: `
When the board has received the year's report, the year is closed: efterlev writes a manifest
(answers/closed/<year>.json) with a SHA-256 of every file of the year and of the catalogue that
applies, who closed it and when, and the checksum of the previous closed year's manifest, so that
the years form a chain. After that every change to the year's files is refused (exit code 2) until
the year is reopened with a reason, which is kept. efterlev verify checks the closed years.

Years are closed in order and reopened from the latest: each year builds on the one before.`,
  hx_yearClose: `
Closes only a year that has answers, when every earlier year with answers is closed and no later
year is. All of the year's files are checked first; an invalid file stops the closing (exit code 2).
--json: { year, hash, previous, supersedes, closedBy, closedAt, files, catalogueFiles, versions, signedBy, snapshotTaken }.

Examples:
  efterlev year close 2024 --by "Eva Ek, board secretary"
  efterlev year close 2025 --by "Eva Ek" --sign-key ~/.config/efterlev/key.pem`,
  hx_yearReopen: `
The closing moves to the history in answers/closed/<year>.json with who, when and why; the next
closing links to it, so that efterlev verify shows the reopening. A year cannot be reopened while a
later year is closed (the later year builds on it): reopen the latest first.
--json: { year, reopenedBy, reopenedAt, reason, hash } (hash: the reopened closing's manifest).

Examples:
  efterlev year reopen 2025 --reason "KP4 corrected after the auditors' remark" --by "Eva Ek"`,
  hx_yearList: '\n--json: { years: [{ year, state: closed|open, closedBy, closedAt, hash, signed, answerFiles, reopenings: [{ by, at, reason }] }] }\n\nExamples:\n  efterlev year list',
  hx_yearKeygen: `
The private key is written readable only by you (0600) and never in the workspace; no file is overwritten.
Give the public key (<file>.pub) to whoever checks: efterlev verify --public-key <file>.pub.
--json: { privateKey, publicKey, fingerprint }.

Examples:
  efterlev year keygen --out ~/.config/efterlev/key.pem`,

  // ---- verify ----
  vf_findings: (n: number) => `${n} ${n === 1 ? 'deviation' : 'deviations'} from the closed years' manifests`,
  vf_findingsHint: 'Restore the files (e.g. from git) or, if the change is to stay, reopen the year with efterlev year reopen YEAR --reason "…" --by "…" and close it again.',
  vf_matches: 'matches',
  vf_deviations: (n: number) => `${n} ${n === 1 ? 'deviation' : 'deviations'}`,
  vf_sig_valid: 'signature valid',
  vf_sig_bad: 'signature INVALID',
  vf_sig_unsigned: 'unsigned',
  vf_sig_unchecked: 'signed (not checked)',
  vf_closedYear: (year: number, at: string, by: string, files: number, catalogueFiles: number, state: string, signature: string, reopened: string) =>
    `${year}: closed ${at} by ${by}, ${files} files and ${catalogueFiles} catalogue files — ${state}; ${signature}${reopened ? ` (${reopened}, closed again)` : ''}`,
  vf_unreadable: (year: number) => `${year}: the record in answers/closed/${year}.json cannot be read`,
  vf_note: (note: string) => `Note: ${note}`,
  vf_allGood: (years: readonly number[], signed: number | undefined) =>
    `${years.length === 1 ? `The closed year ${years[0]!} matches its manifest` : `All ${years.length} closed years match their manifests and the chain ${years.join(' → ')} is whole`}.${signed !== undefined ? ` ${signed} of ${years.length} have a valid signature.` : ''}`,
  vf_since: (year: number, at: string, by: string) => `since ${year} was closed (${at} by ${by})`,
  vf_source_workspace: 'the workspace\'s own',
  vf_source_bundled: 'efterlev\'s built-in',
  vf_change_changed: 'changed',
  vf_change_added: 'added',
  vf_change_removed: 'removed',
  vf_catalogueFile: (change: string, since: string, year: number) => `the catalogue file was ${change} ${since}; ${year}'s results may differ from those the board received`,
  vf_catalogueVersion: (id: string, then: string | undefined, year: number, now: string | undefined) => `the catalogue ${id} had version ${then ?? '(missing)'} when ${year} was closed, now ${now ?? '(missing)'}`,
  vf_catalogueSource: (year: number, then: string, rules: boolean, now: string) => `${year} was closed with ${then} ${rules ? 'rules' : 'checklists'}, now ${now} apply.`,
  vf_manifestChanged: (hash: string) => `the manifest has changed after the closing: its SHA-256 is not the one kept (${hash}…)`,
  vf_historyChanged: (n: number, closedAt: string, reopenedAt: string) => `closing no. ${n} in the history (${closedAt}, reopened ${reopenedAt}) has changed: its SHA-256 does not match`,
  vf_historyUnmentioned: (at: string, by: string) => `the history has a reopening (${at} by ${by}) that the closing does not mention`,
  vf_historyMismatch: (at: string, by: string) => `the closing follows a reopening (${at} by ${by}) that is not so in the history`,
  vf_chainBroken: (message: string) => `the chain is broken: ${message}`,
  vf_noLink: (year: number, before: number) => `${year} links to no earlier year, but ${before} is closed`,
  vf_linkReopened: (year: number, link: number, at: string, by: string, reason: string) => `${year} links to ${link}, which was reopened ${at} by ${by} ('${reason}') and is not closed`,
  vf_linkNotClosed: (year: number, link: number, file: string, missing: boolean) => `${year} links to ${link}, which is not closed (${file} ${missing ? 'is missing' : 'has no closing'})`,
  vf_linkSkips: (year: number, link: number, before: number | undefined) => `${year} links to ${link}, but the closest earlier closed year is ${before}`,
  vf_linkOldClosing: (year: number, link: number, at: string) => `${year} links to a closing of ${link} that was reopened ${at}; ${link} has been closed again after ${year} was closed`,
  vf_linkOtherHash: (year: number, link: number) => `${year} links to ${link} with another checksum than ${link}'s manifest has (${link}'s manifest has been changed or replaced after ${year} was closed)`,
  vf_unsigned: (year: number) => `${year} is not signed, and signatures are required (--require-signature)`,
  vf_otherKey: (theirs: string, given: string) => `the signature was made with another key (${theirs}…) than the given public key (${given}…)`,
  vf_badSignature: 'the signature does not match the manifest and the public key: the manifest or the signature has changed',
  vf_openBeforeClosed: (year: number, later: number) => `${year} has answers but is not closed, though it comes before the closed ${later}: ${year}'s files are not protected, and ${later}'s results build on them.`,
  vf_signedUnchecked: 'There are signed years: give --public-key FILE.pub to check the signatures.',
  o_publicKey: 'check the signatures with the public key (PEM, from year keygen)',
  o_requireSignature: 'an unsigned closed year counts as a deviation (with --public-key)',
  hx_verify: `
Recomputes the SHA-256 of every file of every closed year and of the catalogue that applies, and
compares with the year's manifest; checks the manifests' own checksums, that each closed year links
to the closest earlier closed year, and the history of reopenings. Writes one line per file that has
changed, been added or removed, and then ends with code 1; exit code 0 and a summary when all is
well. Changes nothing.

--json: { ok, years: [{ year, state: closed|open|unreadable, closedBy, closedAt, hash, previous,
files, catalogueFiles, signature: valid|bad|unsigned|unchecked, signedBy, reopenings: [{ by, at,
reason }], findings }], findings: [{ year, kind, file, message }], notes: [...] }, where kind is
changed | added | removed | catalogue | manifest | chain | history | signature | record.

Examples:
  efterlev verify
  efterlev verify --public-key ~/.config/efterlev/key.pem.pub --json`,

  // ---- git setup and merge-file ----
  g_unchanged: 'unchanged',
  g_written: 'written',
  g_set: 'set',
  g_setUp: (unchanged: boolean, root: string, repository: string) => `${unchanged ? 'Git was already set up' : 'Git is set up'} for efterlev in ${root} (git repository ${repository}).`,
  g_mergedFiles: 'merge=efterlev for the answers per service and year, the action plans\' follow-up, the incident registers, the special observations, the years\' service registers, the service register',
  g_ignored: 'locks, temporary files and the journal are never committed',
  g_driverRuns: (command: string) => `Merging runs this efterlev: ${command}`,
  g_absolutePaths: '  (Node and bin/efterlev.js with absolute paths; if efterlev is moved or installed elsewhere, run efterlev git setup again.)',
  g_perClone: 'git config does not come along when the repository is cloned: each reviewer runs efterlev git setup in their own clone.',
  g_commit: (files: readonly string[]) => `Commit ${files.join(' and ')}: git add ${files.join(' ')} && git commit -m "efterlev: merge per question"`,
  g_resolve: (file: string) => `Resolve the conflict in an editor, or take one side with git checkout --ours (or --theirs) -- ${file}; then run efterlev validate and git add ${file}.`,
  g_leftMarkers: (ours: string, theirs: string, resolve: string) => `The file has git's usual conflict markers (<<<<<<< ${ours} … >>>>>>> ${theirs}) with both sides' text; efterlev refuses to read it until the conflict is resolved. ${resolve}`,
  g_leftLineMerge: (resolve: string) => `Git's line-by-line merge went without clashes and is in the file, but efterlev has not checked it: review it. ${resolve}`,
  g_leftOurs: (file: string, resolve: string) => `The file is left as on our side; their version is in git (git show :3:${file}). ${resolve}`,
  g_notMerged: (file: string, reason: string) => `${file} could not be merged per question: ${reason}.`,
  g_notARepository: (dir: string) => `${dir} is not in a git repository (no working copy of a git repo).`,
  g_notARepositoryHint: 'Create one with git init (or clone the organisation\'s repository) and run efterlev git setup in the workspace there.',
  g_noGit: 'git is missing: the command git was not found.',
  g_noGitHint: 'Install git (https://git-scm.com) and try again.',
  o_mergeBase: 'the common base (%O); empty when both sides added the file',
  o_mergeOurs: 'our side (%A): the result is written here',
  o_mergeTheirs: 'their side (%B)',
  o_mergePath: 'the file\'s path in the repository (%P): tells what kind of file it is',
  hx_gitSetup: `
Writes .gitattributes in the workspace (the answers, action plans, incident registers, special
observations and service registers are merged with merge=efterlev) and .gitignore (locks, temporary
files and the journal of a write in progress are never committed), and registers the driver in the
repository's git config: merge.efterlev.driver runs exactly the efterlev that runs setup (Node and
bin/efterlev.js with absolute paths). git config does not come along with a clone: each reviewer
runs setup in their clone; .gitattributes and .gitignore are committed. Running setup again changes only what is needed.

Examples:
  git init && efterlev git setup && git add .gitattributes .gitignore answers && git commit -m "The workspace"
  git merge --no-edit review-hr   merges per question; changed on both sides: the later one applies`,
  hx_gitMergeFile: `
Run by git during git merge once efterlev git setup has set it up. Answers are merged per question,
the action plan per action, the incident register per incident, the observations as a union and
the service register per service. Changed on both sides: the later answer (by time) applies and the
other goes to the history; each such decision is written on stderr. What cannot be merged (broken
JSON, different services or years, an unknown file, the same service changed on both sides in the
register) becomes an ordinary conflict: the file gets git's conflict markers with both sides, the
exit code is 1 and efterlev refuses to read the file until the conflict is resolved.

Examples:
  efterlev git merge-file base.json ours.json theirs.json answers/2025/office365.json`,

  // ---- migrate ----
  mg_skipped: (year: number, at: string, by: string) => `${year} is closed (${at} by ${by}) and was not rewritten; its answers are still read through the migrations. Reopen it with efterlev year reopen ${year} if the files must be rewritten.`,
  mg_upToDate: 'All files are already in the catalogue\'s current version.',
  mg_rewritten: (n: number, dryRun: boolean) => `${n} ${n === 1 ? 'file' : 'files'} ${dryRun ? 'would be rewritten (dry run: nothing written)' : 'rewritten'}.`,
  o_migrateDryRun: 'show what would be rewritten, without writing anything',
  hx_migrate: `
Answers written for an older catalogue version are always read through the migrations in
checklists/migrations (new ids, split and merged questions); migrate also rewrites the files so
that they are in the current version. An answer to a question that has been removed is kept in the
file's history. Each year is written as one unit. Closed years (efterlev year close) are skipped
and mentioned; --json lists them under skipped: [{ year, closedBy, closedAt }].

Examples:
  efterlev migrate --dry-run
  efterlev migrate`,

  // ---- rollup ----
  r_organisation: 'Organisation',
  r_checklist: 'Checklist',
  r_assessed: 'Assessed',
  r_actions: 'Actions',
  r_review: 'Review',
  r_of: (n: number, of: number) => `${n} of ${of}`,
  r_all: (name: string) => `All of ${name}`,
  r_organisations: (n: number) => `${n} ${n === 1 ? 'organisation' : 'organisations'}`,
  r_confidential: (year: number, name: string) => `CONFIDENTIAL – combined report ${year} for ${name}. Contains known security gaps: do not share beyond those authorised.`,
  r_title: (year: number, name: string) => `Compliance review ${year}: ${name}`,
  r_perOrganisation: 'Per organisation',
  r_fixFirst: 'Fix first',
  r_wroteRollup: (file: string, n: number) => `Wrote ${file} with ${n} ${n === 1 ? 'member' : 'members'}.`,
  r_wroteReport: (year: number, out: string) => `Wrote the city's report ${year} to ${out} (readable only by you).`,
  r_wroteExport: (actions: number, organisations: number, out: string) => `Wrote ${actions} ${actions === 1 ? 'action' : 'actions'} from ${organisations} ${organisations === 1 ? 'organisation' : 'organisations'} to ${out} (readable only by you).`,
  e_badTop: (raw: string) => `--top must be a positive integer, not '${raw}'.`,
  e_xlsxNeedsOut: 'XLSX is written to a file: give --out FILE.xlsx.',
  o_format: 'file format',
  o_outStdout: 'the file to write (without: stdout)',
  o_member: 'a member\'s workspace (may be given several times)',
  o_rollupName: 'the combined view\'s name, e.g. the city\'s',
  o_rollupForce: 'overwrite an existing rollup.json',
  hx_rollup: `
A combined view is a folder with rollup.json that points out the members' workspaces (paths
relative to the folder). Each member is assessed with its own catalogue version and its own
register; the members are read, never written. Two members with the same organisation id are
refused (set organisation.id in answers/services.json).

Examples:
  efterlev --dir city rollup init --name "Example City" --member ../intraservice --member ../school
  efterlev --dir city rollup overview --year 2025
  efterlev --dir city rollup export --year 2025 --format xlsx --out city-action-plan.xlsx`,

  // ---- coverage ----
  cv_uppfyllt: 'met',
  cv_delvis: 'partly',
  cv_ej_uppfyllt: 'not met',
  cv_ej_bedomt: 'not assessed',
  cv_ej_tackt: 'not covered',
  cv_requirement: 'Requirement',
  cv_title: 'Title',
  cv_questions: 'Questions',
  cv_result: 'Result',
  cv_uncovered: (n: number) => `Requirements no question covers (${n}):`,
  cv_unknownFramework: (id: string) => `Unknown framework '${id}'.`,
  cv_knownFrameworks: (ids: readonly string[]) => `Known: ${ids.join(', ') || 'none (checklists/frameworks is missing)'}.`,
  o_framework: 'the framework, e.g. gdpr, iso27001 or csl',
  hx_coverage: `
For each requirement: the questions that give evidence for it, their answers and a result:
  met           every answer is the best possible and at least one question covers the whole requirement
  partly        some answer falls short, or the questions cover only part of the requirement
  not met       every answer is the worst possible
  not assessed  none of the questions is answered (not applicable does not count as evidence)
  not covered   no question in the catalogue gives evidence: a gap in the catalogue, not in the answers

The question–requirement mapping is in checklists/mappings/<framework>.json, with relationship types
as in NIST OLIR (what the question is in relation to the requirement): equal (the same thing) and
superset (the question covers the requirement and more) can show the requirement met; subset (part
of the requirement) and intersect (partial overlap) only partly. The requirements are in
checklists/frameworks/<framework>.json; efterlev validate checks that every question and requirement exists.

A requirement is to be met in every service where any of its questions applies. The organisation's
answers (the data protection officer's control points) apply to the whole organisation and count in
each service's row; the organisation gets a row of its own only for requirements that only its
questions give evidence for. A question that overlaps another checklist's question
(checklists/mappings/overlap.json, e.g. KP3.1 and AVT.1 on processor agreements) counts for both:
an answer is given once.

The annual report (efterlev report) gives the counts per framework and the requirements the answers
show not met; here is the whole list per requirement.

Examples:
  efterlev coverage --year 2025 --framework csl
  efterlev coverage --year 2025 --framework gdpr --service visma-recruit
  efterlev coverage --year 2025 --framework gdpr --service organisation
  efterlev coverage --year 2025 --framework iso27001 --json > iso27001-2025.json
  efterlev --lang en coverage --year 2025 --framework iso27001`,

  // ---- service set, retire, import, and the rows of a system inventory ----
  sv_reasonNeeded: '--reason is needed: write why the service is retired.',
  sv_alreadyRetired: (id: string, at: string) => `The service '${id}' was already retired on ${at}.`,
  sv_retired: (id: string) => `${id} is retired: it is not part of coming years' reviews; earlier years show it as before.`,
  sv_importNew: (id: string, name: string) => `new: ${id} ${name}`,
  sv_importChanged: (id: string, changes: readonly string[]) => `changed: ${id}: ${changes.join('; ')}`,
  sv_importSummary: (added: number, changed: number, unchanged: number, dryRun: boolean) => `${added} new, ${changed} changed, ${unchanged} unchanged${dryRun ? ' (dry run: nothing written)' : ''}.`,
  si_empty: 'the file is empty',
  si_noNameColumn: 'the header row lacks the column name (or id); known columns: id, name, owner, area, supplier, personal data, sensitive, third country, K, R, T, S, classification (or their Swedish names)',
  si_partialClassification: 'K, R, T and S must all have a level 0–4, or all be empty (not classified)',
  si_badCsv: (message: string) => `invalid CSV: ${message}`,
  si_noServices: 'no services to import',
  si_noIdOrName: 'the row has neither id nor name',
  si_sameName: (name: string, line: number) => `the name '${name}' is already on row ${line}; give the rows an id each`,
  si_badId: (id: string) => `'${id}' is not a valid service id (a–z, 0–9 and hyphens)`,
  si_duplicateId: (id: string, line: number) => `the service '${id}' is already on row ${line}`,
  o_svOwner: 'owner (service owner)',
  o_svArea: 'business area, e.g. HR, Finance, Communications',
  o_svSupplier: 'external supplier, "okänt" (unknown) or "ingen" (none)',
  o_svPersonalData: 'the service processes personal data',
  o_svSensitive: 'sensitive personal data (Art. 9); ja (yes) implies personal data',
  o_svThirdCountry: 'personal data is transferred to a third country',
  o_svClassification: 'information classification per KLASSA 4.0, e.g. K3R2T3S2, or "ej klassad" (not classified)',
  o_svId: 'short id for the service (a–z, 0–9, -), becomes the file name of its answers',
  o_svName: 'the service\'s name',
  o_svServiceId: 'the service\'s id',
  o_svNewName: 'new name',
  o_svReason: 'why, e.g. "replaced by a new finance system 2026"',
  o_svFile: 'CSV or XLSX with a header row',
  o_svDryRun: 'show new and changed services without writing anything',
  o_svAll: 'retired services too',
  hx_serviceAdd: `${FIELDS_HELP_EN}

Examples:
  efterlev service add visma-recruit --name "Visma Recruit" --owner "Sara Ek" --area HR \\
    --supplier "Visma Enterprise AB" --personal-data --sensitive --classification K3R2T2S2
  efterlev service add skolplattform --name "Skolplattformen" --personal-data okänt`,
  hx_serviceSet: `
Only what is given changes. The earlier state is kept in the register's history with who and when
(efterlev service show ID). The change applies to the year in progress and onwards: a year that has
passed is assessed with the register as it was then (snapshot in answers/register/<year>.json).
${FIELDS_HELP_EN}

Examples:
  efterlev service set ubw-agresso --classification K2R3T4S3
  efterlev service set skolplattform --personal-data ja --sensitive nej --third-country okänt`,
  hx_serviceImport: `
Columns (Swedish or English, in any order): id, name, owner, area, supplier, personal data,
sensitive, third country, and classification as K, R, T, S in a column each or combined
"K3R2T2S2". A row without an id gets the id of the registered service with the same name, otherwise
an id made from the name (visma-recruit). An empty yes/no cell is unknown, an empty classification
not classified. All rows are checked first; a single faulty row stops the whole file (exit code 2,
row number) and nothing is written. New and changed services are shown before anything is written.

Examples:
  efterlev service import system-inventory.xlsx --dry-run
  efterlev service import system-inventory.csv`,
  hx_serviceRetire: '\nExamples:\n  efterlev service retire ubw-agresso --reason "Replaced by a new finance platform in autumn 2026"',
  hx_serviceList: '\nExamples:\n  efterlev service list\n  efterlev service list --all --json',
  hx_serviceShow: '\nExamples:\n  efterlev service show ubw-agresso',

  // ---- report and incident import ----
  rp_wrote: (year: number, note: string | undefined, out: string) => `Wrote the annual report ${year}${note ? ` ${note}` : ''} to ${out} (readable only by you).`,
  rp_note: (note: string) => `The annual report ${note}.`,
  rp_wroteDeviations: (from: string, to: string, out: string, services: number) => `Wrote the deviation report ${from} – ${to} to ${out}: ${services} ${services === 1 ? 'service' : 'services'} with deviations (readable only by you).`,
  rp_fromToDeviations: '--from and --to are for the deviation report.',
  rp_fromToDeviationsHint: 'Write --kind avvikelser --from YYYY-MM-DD --to YYYY-MM-DD, or --year YEAR for the annual report.',
  rp_annualFormats: 'The annual report is written as md, html or docx.',
  rp_annualFormatsHint: 'XLSX is there for the deviation report (--kind avvikelser) and the action plan (efterlev export).',
  rp_needsOut: (format: string) => `${format.toUpperCase()} is written to a file: give --out FILE.${format}.`,
  rp_periodNotYear: 'The deviation report covers a period, not a review year.',
  rp_periodNotYearHint: (year: number) => `Write --from ${year}-01-01 --to ${year}-12-31 instead of --year ${year}.`,
  rp_needsFromTo: (missing: readonly string[]) => `--kind avvikelser needs ${missing.join(' and ')}.`,
  rp_needsFromToHint: 'E.g. efterlev report --kind avvikelser --from 2023-01-01 --to 2023-05-31.',
  rp_badDate: (flag: string, raw: string, problem: string) => `--${flag}: '${raw}' is not a date (${problem}).`,
  rp_fromAfterTo: (from: string, to: string) => `--from (${from}) is after --to (${to}).`,
  rp_fromAfterToHint: 'The period begins with --from and ends with --to.',
  n_importSummary: (added: number, changed: number, unchanged: number, dryRun: boolean) => `${added} new, ${changed} changed, ${unchanged} unchanged incidents${dryRun ? ' (dry run: nothing written)' : ''}.`,
  o_inFile: 'CSV with a header row',
  o_inDryRun: 'show what would be imported without writing anything',
  hx_incidentImport: `
Columns (Swedish or English): id, service, kind, title, description, occurred, detected, resolved,
supplier, root cause analysis, actions, status, IMY notified, delay reason, not notified (the
motivation), subjects informed, early warning, notification, final report.
A row with an id that already exists changes that incident; otherwise a new one is added. All rows
are checked first; a single faulty row stops the whole file (exit code 2, row number and column).

Examples:
  efterlev incident import incidents-2025.csv --dry-run`,

  // ---- files, folders and keys ----
  w_diskFull: (path: string, existed: boolean) => `The disk is full: ${path} was not written${existed ? ' and the old file is untouched' : ''}.`,
  w_noFolder: (dir: string) => `The folder ${dir} does not exist.`,
  w_noPermission: (dir: string) => `Not allowed to write in ${dir}.`,
  w_notAFile: (path: string, kind: string) => `${path} is ${kind}; efterlev writes only regular files and never through links.`,
  io_noFile: (file: string) => `The file ${file} does not exist.`,
  io_kindLink: 'a symbolic link',
  io_kindFolder: 'a folder',
  io_kindFifo: 'a named pipe (FIFO)',
  io_kindSocket: 'a socket',
  io_kindPipe: 'a pipe',
  io_kindDevice: 'a device file',
  io_kindOther: 'not a regular file',
  io_notRegular: (file: string, kind: string) => `${file} is ${kind}: efterlev reads only regular files, with an upper limit on their size.`,
  io_notRegularHint: 'Save the input in a file first, e.g. … > answers.csv, and read that file.',
  k_keyFile: 'The key file',
  k_key: 'The key',
  k_exists: (file: string) => `${file} already exists: efterlev never overwrites a key.`,
  k_existsHint: 'Choose another name with --out, or remove the old file first.',
  k_insideWorkspace: (what: string, path: string, root: string) => `${what} ${path} is in the workspace ${root}: a private key must never be in the workspace (it is shared, often in git, and then anyone can sign).`,
  k_insideWorkspaceHint: 'Put the key outside, e.g. in ~/.config/efterlev/, readable only by you (0600).',

  // ---- closed years ----
  cy_closedWhen: (at: string, by: string) => `closed ${at} by ${by}`,
  cy_files: (files: readonly string[]) => `${files.length} files (${files.join(', ')})`,
  cy_closed: (year: number, when: string, named: string) => `The year ${year} is closed (${when}): ${named} must not be changed. Nothing was saved.`,
  cy_closedHint: (year: number) => `If the year must change, reopen it first: efterlev year reopen ${year} --reason "why" --by "name" (the reopening is kept in answers/closed/${year}.json); then close it again with efterlev year close ${year} --by "name".`,
  cy_noAnswers: (year: number) => `${year} has no answers (no answer files in answers/${year}/): a year without answers cannot be closed.`,
  cy_yearsWithAnswers: (years: readonly number[]) => `Years with answers: ${years.join(', ') || 'none'}.`,
  cy_alreadyClosed: (year: number, when: string) => `${year} is already closed (${when}).`,
  cy_alreadyClosedHint: 'See efterlev year list and efterlev verify.',
  cy_earlierOpen: (years: readonly number[]) => `${years.join(', ')} ${years.length === 1 ? 'is' : 'are'} not closed: years are closed in order, since each year builds on the one before (last year's answers, recurring gaps).`,
  cy_earlierOpenHint: (year: number) => `Close ${year} first: efterlev year close ${year} --by "name".`,
  cy_laterClosed: (years: readonly number[]) => `${years.join(', ')} ${years.length === 1 ? 'is' : 'are'} already closed: a year cannot be closed after a later year, since the chain of closed years runs in year order.`,
  cy_laterClosedHint: (later: number, year: number) => `Reopen ${later} first if ${year} is to be closed: efterlev year reopen ${later} --reason "why" --by "name".`,
  cy_notClosed: (year: number, last: { at: string; by: string } | undefined) => `${year} is not closed${last ? ` (reopened ${last.at} by ${last.by})` : ''}.`,
  cy_notClosedHint: 'See efterlev year list.',
  cy_laterBuildsOn: (years: readonly number[], year: number) => `${years.join(', ')} ${years.length === 1 ? 'is closed and builds' : 'are closed and build'} on ${year} (last year's answers, recurring gaps): ${year} cannot be reopened while a later year is closed.`,
  cy_laterBuildsOnHint: (later: number) => `Reopen ${later} first: efterlev year reopen ${later} --reason "why" --by "name".`,

  // ---- plan import: what is wrong with an edited action plan ----
  pi_duplicateColumn: (header: string, columns: readonly string[]) => `the column ${header} appears ${columns.length} times (column ${list(columns, 'and')}): remove or rename the extra ones, so that it is clear which one applies`,
  pi_missingColumns: (missing: readonly string[], read: readonly string[]) =>
    `the ${missing.length === 1 ? 'column' : 'columns'} ${list(missing, 'and')} ${missing.length === 1 ? 'is' : 'are'} missing from the header row. plan import reads ${list(read, 'and')}, ` +
    'and without one of them the saved values would be emptied: give the column its heading back, or export again with efterlev export.',
  pi_noHeader: 'finds no header row with the column Id: plan import reads an action plan that efterlev export has written, with the header row kept',
  pi_csvQuoteNotClosed: 'a quotation mark (") is never closed',
  pi_csvOpeningQuote: 'a quotation mark (") in the middle of an unquoted field',
  pi_csvAfterClosingQuote: 'characters right after a closing quotation mark (")',
  pi_xlsxMemory: (mb: number) => `the XLSX file needs more than ${mb} MB of memory to read, and no action plan does: save it again in Excel or LibreOffice, or export again with efterlev export and carry the changes over there`,
  pi_noId: 'the row has values but no Id: write the action\'s id back, or empty the row',
  pi_unknownAction: (id: string) => `unknown action '${id}' for the year`,
  pi_duplicateAction: (id: string, line: number) => `the action '${id}' is already on row ${line}`,
  pi_badDate: (raw: string) => `invalid date '${raw}' (YYYY-MM-DD)`,
  pi_acceptedNeeds: 'an accepted risk needs Motivation and Accepted by',

  // ---- incidents: what is wrong with one ----
  ni_wrongYear: (occurred: string, year: number) => `${occurred} does not belong to ${year} (incidents are kept by the year they occurred)`,
  ni_detectedBefore: (detected: string, occurred: string) => `detected (${detected}) cannot be before occurred (${occurred})`,
  ni_resolvedBefore: (resolved: string, occurred: string) => `resolved (${resolved}) cannot be before occurred (${occurred})`,
  ni_needsDetected: (label: string) => `${label} needs the time of detection (detected) to be given`,
  ni_beforeDetected: (label: string, value: string, detected: string) => `${label} (${value}) cannot be before detection (${detected})`,
  ni_imyNotification: 'the notification to IMY',
  ni_earlyWarning: 'the early warning',
  ni_notification: 'the incident notification',
  ni_finalBeforeNotification: (finalReport: string, notification: string) => `the final report (${finalReport}) cannot be before the incident notification (${notification})`,
  ni_notifiedAndNot: 'notified to IMY and a decision not to notify cannot both apply',
  ni_onlyPersonalData: 'applies only to personal data breaches',
  ni_onlySignificant: 'applies only to significant incidents under the Cybersecurity Act',
  ni_yearNotFileName: (value: number, year: number) => `${value} does not match the file name (${year})`,
  ni_unknown: (id: string) => `Unknown incident '${id}'.`,
  ni_unknownHint: 'See efterlev incident list.',
  ni_noRegister: (year: number) => `The year ${year} has no incident register yet; record the incident again with efterlev incident add.`,
  ni_badMomentHint: (raw: string) => `'${raw}' is not a point in time; write YYYY-MM-DD HH:MM, e.g. 2025-04-12 14:30`,
  ni_badMoment: (raw: string) => `'${raw}' is not a point in time`,
  ni_noSuchTime: (raw: string) => `'${raw}': no such time of day`,
  ni_empty: 'must not be empty',
  ni_badKind: (raw: string) => `'${raw}' is not an incident kind; choose major_incident, personuppgiftsincident, informationssakerhetsincident or betydande_incident`,
  ni_badStatus: (raw: string) => `'${raw}' is not a status; choose pågår, åtgärdad or stängd`,
  ni_badDate: (raw: string) => `'${raw}' is not a date; write YYYY-MM-DD`,
  ni_headerMissing: (columns: readonly string[]) => `the header row lacks ${columns.join(', ')}`,
  ni_column_service: 'service',
  ni_column_kind: 'kind',
  ni_column_title: 'title',
  ni_column_occurred: 'occurred',
  ni_noIncidents: 'no incidents to import',
  ni_duplicate: (id: string, line: number) => `the incident '${id}' is already on row ${line}`,
  ni_unknownService: (id: string) => `unknown service '${id}'`,

  // ---- locks and writes ----
  lk_unknownProcess: 'an unknown process',
  lk_process: (pid: number, host: string) => `process ${pid} on ${host}`,
  lk_takenOver: (file: string, seconds: number) => `The lock on ${file} was taken over by another process while efterlev stood still (longer than ${seconds} s, e.g. Ctrl-Z or sleep). Nothing was written.`,
  lk_takenOverHint: 'Run the command again: it reads the file anew and keeps the other\'s changes.',
  lk_notAFolder: 'the lock is not a folder (a link or file has been put there): remove it by hand',
  lk_whyDead: (pid: number, since: string) => `left by process ${pid}, which no longer exists (since ${since})`,
  lk_whyFuture: (at: string) => `with a time in the future (${at}): a clock is wrong, here or where it was made`,
  lk_whyStale: (at: string, owner: string) => `not renewed since ${at} (${owner} does not respond)`,
  lk_tookOver: (file: string, why: string) => `efterlev: took over the lock on ${file}, ${why}.`,
  lk_locked: (file: string, owner: string, since: string | undefined) => `${file} is locked by ${owner} since ${since ?? 'a while'}. Nothing was written.`,
  lk_lockedHint: 'Wait until the other run is done and try again.',
  lk_waiting: (owner: string, file: string) => `efterlev: waiting for ${owner} to finish with ${file} …`,
  tx_tooLarge: (mb: string, max: number) => `the file would be ${mb} MB, at most ${max} MB is saved; nothing was saved`,
  tx_notAFolder: (link: boolean) => `is ${link ? 'a symbolic link' : 'not a folder'}: efterlev never writes through links`,
  tx_finished: (at: string, files: readonly string[]) => `efterlev: finished an interrupted write from ${at}: ${files.join(', ')}.`,
  tx_dropped: (files: readonly string[]) => `efterlev: an interrupted write could not be finished for ${files.join(', ')} (the file has changed since); that part was dropped. Run the interrupted command again.`,
  tx_keptChanging: (files: readonly string[]) => `${files.join(', ')} kept changing while efterlev tried to write. Nothing was written.`,
  tx_keptChangingHint: 'Try again in a while.',
  pr_row: 'row',
  pr_column: 'column',
  ni_missing: 'missing',

  // ---- the examples and explanations under each command's --help ----
  hx_actions: `
One action per gap and service, with an id (service:rule) that stays the same year after year.
Priority 1 (highest) to 4 is computed from points: severity major 5, medium 3, minor 1; legal
requirement +1; information classification level 3 +1, level 4 +2; recurring from last year +2;
the data protection officer's focus control point +1. Priority 1 from 7 points, 2 from 5, 3 from
3, otherwise 4.
Due by (suggested): the review date plus at most 1 month for P1, 3 for P2, 6 for P3 and 12 for P4,
or the rule's deadline if shorter; a higher priority never gets a later date than a lower one for
the same service. The follow-up's date (plan set) comes first.
Effect: how many points the control and the service gain with the answer that closes the gap (a
better answer to status and multiple-choice questions; for numbers and dates the nearest value
where the rule no longer applies), recomputed by the engine; – when no single answer closes the
gap. --explain shows the rule's condition in words (all of these / at least one of / not) with
the values they tested.
Accepted risks are listed apart. Without --year: the latest year in the workspace.

Examples:
  efterlev actions --year 2025 --top 10
  efterlev actions --year 2025 --service personec-p --sort effect
  efterlev actions --year 2025 --priority 1 --json
  efterlev actions --year 2025 --service telefoni --explain`,
  hx_answer: `
Values: ja (yes), delvis (partly), nej (no), ej_tillamplig (not applicable) for status questions;
the option's value for multiple-choice questions; a number (3,5 and 85 % work too); a date
YYYY-MM-DD; free text. A changed answer is saved with the earlier one in the history. Not
applicable on a question that applies to the service according to the service register needs a
motivation in --comment.

Examples:
  efterlev answer --year 2025 --service visma-recruit INC.2=delvis --comment "Data breach routine being updated"
  efterlev answer --year 2025 --service organisation KP4.1=ja KP4.4=2025-09-30`,
  hx_assess: `
The questions come control by control. Last year's answer is the default: Enter keeps it, with
its comment and evidence. Counts for the period (e.g. incidents in the last 12 months) are never
filled in from last year, and a default that would give a gap this year is said before Enter.
Choose Help for the question's help text and references, Previous question to go back and Skip to
go on. Every answer is saved at once; Ctrl-C interrupts without losing any confirmed answer and
writes the command that continues at the first unanswered question.
Needs a terminal; for scripts there are efterlev answer and efterlev import.

Without --year: the current year (said before the first question). A service named almost like a
registered one (Telefoni, telefonj) is suggested instead of being registered as new.

Examples:
  efterlev assess --service visma-recruit
  efterlev assess --year 2025 --service visma-recruit
  efterlev assess --year 2025 --service organisation --control KP4
  efterlev assess --year 2025`,
  hx_compare: `
Per service and control: the score in both years, the change (↑ ↓ →) and any change of status;
totals per checklist. Changes are counted only over services reviewed in both years. Gaps that are
new, resolved (the questions are answered this year and the gap is gone), remaining (with the year
they were first seen) and not yet assessed this year. A service not yet reviewed this year is "not
yet reviewed", not removed; a service that has left the register is removed.

Without years: the latest year in the workspace against the year before; with one year: that year
against the latest.

Examples:
  efterlev compare
  efterlev compare 2024 2025
  efterlev compare 2024 2025 --service visma-recruit --details
  efterlev compare --trend --checklist dso
  efterlev compare 2024 2025 --json`,
  hx_export: `
Every action with id, priority, why, gap, action, reference, owner, due by, status, effect and
follow-up, and a summary per checklist and control. The first row marks the file as confidential;
the file is readable only by its owner (0600). CSV opens directly in Swedish Excel (UTF-8 with
BOM, semicolons); no cell can start a formula. Edit Status, Owner, Due and Note in the file and
read it back with efterlev plan import.

oscal-ar writes the year's assessment as OSCAL 1.1 Assessment Results (JSON): one finding per
assessed control and service, one observation per answered question, one risk per gap. oscal-poam
writes the action plan as OSCAL Plan of Action and Milestones: one poam-item per action, with the
same UUID year after year. The same workspace gives the same file byte for byte (see docs/oscal.md).

Without --year: the latest year in the workspace (said on stderr when the file goes to stdout).

Examples:
  efterlev export --year 2025 --format xlsx --out action-plan-2025.xlsx
  efterlev export --year 2025 --format csv --out action-plan-2025.csv --force
  efterlev export --year 2025 --format md > action-plan.md
  efterlev export --year 2025 --format oscal-ar --out assessment-2025.oscal.json
  efterlev export --year 2025 --format oscal-poam --out poam-2025.oscal.json`,
  hx_import: `
CSV: a header row with the columns service, question, value and optionally comment, evidence (or
tjänst, fråga, svar, kommentar, underlag); comma or semicolon; UTF-8 with or without BOM, as Excel
saves it. JSON: { "service": …, "answers": { "LOG.1": { "value": "ja", "comment": … } } } or a
list of such. All rows are checked first: a single faulty row stops the whole file (exit code 2,
one line per error with row number or JSON pointer) and nothing is written.

The year in the JSON file must match --year. Answers from last year's show --json are moved into
--year with --from-year YEAR (the year in the file is then compared with --from-year). Counts for
the period (e.g. incidents in the last 12 months, or questions that the incident register answers)
are never moved: they are skipped and listed, since last year's count is not this year's.

Examples:
  efterlev import --year 2025 answers-2025.csv --dry-run
  efterlev import --year 2025 answers-2025.csv --reviewer anna.berg
  efterlev show --year 2025 --service office365 --json > o365.json
  efterlev import --year 2026 --from-year 2025 o365.json --dry-run`,
  hx_incidentAdd: `
The incident is saved in answers/incidents/<year>.json by the year it occurred. The rules read the
register: the number of incidents per kind in the last twelve months, delays in notifying IMY and
the reporting chain to the CSIRT unit (early warning 24 h, incident notification 72 h, final
report within a month). Times are written YYYY-MM-DD HH:MM (local time) or with a time zone.

Examples:
  efterlev incident add --service visma-recruit --kind pui --title "Cyberattack on a subcontractor" \\
    --occurred 2025-04-03 --detected "2025-04-07 09:10" --imy-notified "2025-04-09 15:00" \\
    --supplier "Subcontractor to Visma" --status pågår
  efterlev incident add --service ubw-agresso --kind mi --title "The Citrix desktop does not start" \\
    --occurred 2025-02-14 --resolved 2025-02-14 --root-cause ja`,
  hx_incidentSet: `
Only what is given changes; an empty value ("") removes a field. The earlier state is kept in the
register's history with who and when.

Examples:
  efterlev incident set 2025-004 --resolved 2025-04-14 --status åtgärdad --root-cause ja
  efterlev incident set 2025-004 --final-report 2025-05-10`,
  hx_incidentList: '\nExamples:\n  efterlev incident list --from 2023-01-01 --to 2023-05-31\n  efterlev incident list --service ubw-agresso --kind mi --json',
  hx_init: '\nExamples:\n  efterlev init --name "Exempelstaden – Intraservice"\n  efterlev --dir /srv/efterlev init',
  hx_observationAdd: '\nExamples:\n  efterlev observation add --year 2025 "The cyberattack on Visma Recruit\'s subcontractor shows that sub-processors need following up in the agreements."',
  hx_observationList: '\nExamples:\n  efterlev observation list --year 2025',
  hx_overview: `
Shows how far the year's review has come ("6 of 8 services done, 1 in progress, 1 not started"),
score and status per checklist over the services assessed, each service's state and the actions
to take first. The change since the year before is counted only over services reviewed in both years.

Examples:
  efterlev
  efterlev overview --year 2025
  efterlev --dir /srv/efterlev --json`,
  hx_planSet: `
What is not given keeps its earlier value. The earlier follow-up is kept in the history.
Without --year: the latest year in the workspace (the action plan followed up now), and the output
says so. An action marked done whose gap remains in a later year is shown as reopened.

Examples:
  efterlev plan set formansportalen:AVT-pubavtal-brist-aterkommande --year 2025 --status pågår --owner "Sara Ek" --due 2026-03-31
  efterlev plan set telefoni:DRI-manga-allvarliga-incidenter --year 2025 --status accepterad_risk \\
    --motivation "New switchboard procured in 2026" --accepted-by "Head of department"`,
  hx_planImport: `
Rows are matched on Id. The columns Status, Owner, Due, Note, Motivation and Accepted by (or their
Swedish headings) are read and must be kept; everything else in the file is computed anew. A cell
as it was exported leaves the saved value untouched, an emptied cell removes the saved value (the
output shows every value removed). Empty rows are skipped. Formulas and error values are not read:
type in the value. All or nothing: unknown ids, invalid statuses or dates, formulas and missing
columns are reported with row and column, and nothing changes.

Examples:
  efterlev plan import action-plan-2025.xlsx --year 2025
  efterlev plan import action-plan-2025.csv --year 2025 --dry-run`,
  hx_report: `
The annual report (--kind arsrapport, the default, with --year): summary, results per control point
with comments and the change since last year, IT security per control area over the services,
coverage of the frameworks (GDPR, ISO/IEC 27001, the Cybersecurity Act: counts per result and the
requirements the answers show not met; the whole list with efterlev coverage), major gaps, the
action plan by priority, recommended focus control points for next year (red and worsened, with
the reason) and special observations (efterlev observation add). HTML is a self-contained file
with charts, printable on A4. DOCX is the same report as a Word document (real tables, the charts
as images), for the board.

The deviation report (--kind avvikelser, with --from and --to): the board's account of serious
quality deviations during the period. Per business area (the register's area; services without an
area under Other) and service: IT support, actions, status for incidents (major incidents,
information security incidents, significant incidents) and for personal data breaches, each
Deviation – major, Deviation – medium/minor or On track by the rules stated in the report; the
summary counts major incidents per service and personal data breaches per area. Only services with
an incident during the period, or an open one, are included. HTML and DOCX are landscape A4; XLSX
has one sheet per area and a summary sheet.

The reports are marked confidential and readable only by their owner. In English with --lang en.

Examples:
  efterlev report --year 2025 --format html --out arsrapport-2025.html
  efterlev report --year 2025 --format docx --out arsrapport-2025.docx
  efterlev report --year 2025 > arsrapport-2025.md
  efterlev --lang en report --year 2025 --format html --out annual-report-2025.html
  efterlev report --kind avvikelser --from 2023-01-01 --to 2023-05-31 --format html --out avvikelser-2301-2305.html
  efterlev report --kind avvikelser --from 2025-01-01 --to 2025-12-31 --format xlsx --out avvikelser-2025.xlsx`,
  hx_score: `
Points: ja (yes) 1, delvis (partly) 0.5, nej (no) 0, unanswered 0 (not assessed); not applicable
does not count. The control's score is the weighted mean × 100. Status: Deviation – major below 50
or with a major gap; Deviation – medium/minor below 80 or with another gap; otherwise On track.

Without --year: the latest year in the workspace.

Examples:
  efterlev score
  efterlev score --year 2025
  efterlev score --year 2025 --service ubw-agresso
  efterlev score --year 2025 --checklist dso --json`,
  hx_show: `
Every question with answer, comment, evidence, who and when, control by control; nothing is cut
short. With --history each question's earlier values (oldest first) follow below it. Without
--year: the latest year in the workspace.

Examples:
  efterlev show --year 2025 --service formansportalen
  efterlev show --service telefoni --history
  efterlev show --year 2025 --service organisation --json`,
  hx_validate: `
Also runs each rule's examples through the engine.
Writes one line per problem with file and place (JSON pointer and row) and ends with code 2;
exit code 0 when all is in order. Changes nothing.

Examples:
  efterlev validate
  efterlev --dir ../other-workspace validate --json`,

  // ---- the remaining option and argument descriptions ----
  o_priority: 'only one priority',
  o_sort: 'within a priority: fixed order or largest effect first',
  o_explain: `show why: the rule's condition in words with the values it tested (json-rules-engine)`,
  o_answers: 'e.g. LOG.1=ja KON.3=2025-03-14 DRI.4=7',
  o_answerService: `the service's id, or organisation for the data protection officer's control points`,
  o_comment: 'comment on the answers',
  o_evidence: 'evidence: document reference or link',
  o_year1: 'the earlier year',
  o_year2: 'the later year',
  o_details: 'also show each changed answer with old → new value and comment',
  o_trend: `each control's score over every year in the workspace, with a small chart`,
  o_importFile: 'CSV (service, question, value, comment, evidence) or JSON as show --json writes it',
  o_fromYear: 'JSON from show --json for another year: move the answers from there to --year (counts for the period are not moved)',
  o_detected: 'when the organisation became aware, YYYY-MM-DD HH:MM: the deadlines count from here',
  o_resolved: 'when the incident was resolved',
  o_incidentStatus: 'pågår (ongoing), åtgärdad (resolved) or stängd (closed) (default: pågår, or åtgärdad with --resolved)',
  o_description: 'description',
  o_incidentSupplier: 'supplier or subcontractor involved',
  o_rootCause: 'whether a root cause analysis has been made',
  o_actionsTaken: 'actions taken',
  o_imyNotified: 'personal data breach: when IMY was notified (within 72 hours of awareness, Art. 33(1))',
  o_delayReason: 'personal data breach: the reasons the notification came after 72 hours',
  o_notNotified: 'personal data breach: documented decision not to notify, with the reason (Art. 33(5))',
  o_subjectsInformed: 'personal data breach: whether the data subjects have been informed (Art. 34)',
  o_earlyWarning: 'significant incident: early warning to the CSIRT unit (within 24 hours)',
  o_notification: 'significant incident: incident notification to the CSIRT unit (within 72 hours)',
  o_finalReport: 'significant incident: final report (within a month of the incident notification)',
  o_incidentId: 'own id (otherwise YYYY-nnn)',
  o_incidentIdArg: `the incident's id`,
  o_from: 'occurred from (inclusive)',
  o_to: 'occurred up to (inclusive)',
  o_orgName: `the organisation's name`,
  o_observation: 'the observation',
  o_actionId: `the action's id, as efterlev actions shows it (service:rule)`,
  o_actionOwner: 'owner of the action',
  o_due: 'due by',
  o_note: 'note',
  o_motivation: 'motivation, required for accepterad_risk',
  o_acceptedBy: 'who accepted the risk, required for accepterad_risk',
  o_planFile: 'the action plan as XLSX or CSV (from efterlev export)',
  o_kind: 'which report',
  o_periodFrom: `avvikelser: the period's first day`,
  o_periodTo: `avvikelser: the period's last day`,
  o_reportFormat: 'file format (default: md; docx and xlsx only with --out, xlsx only for avvikelser)',
  o_reportOut: 'the file to write (without: stdout; required for docx and xlsx)',
  o_checklistEg: 'only one checklist, e.g. itsak or dso',
  o_showService: `the service's id, or organisation`,
  o_history: 'also show each earlier value per question, with who and when',
  o_yearRequired: (year: string) => `${year} (required: the answers are written to that year)`,
  o_reportYear: (year: string) => `the annual report: ${year}`,

  // ---- reading files: JSON, its schema, regular files ----
  js_invalid: (what: string) => `invalid JSON: ${what}`,
  js_parseError: (code: string) =>
    ({
      InvalidSymbol: 'invalid character',
      InvalidNumberFormat: 'invalid number',
      PropertyNameExpected: 'property name expected',
      ValueExpected: 'value expected',
      ColonExpected: 'colon expected',
      CommaExpected: 'comma expected',
      CloseBraceExpected: '} expected',
      CloseBracketExpected: '] expected',
      EndOfFileExpected: 'the file should have ended here',
      InvalidCommentToken: 'comments are not allowed in JSON',
      UnexpectedEndOfComment: 'unterminated comment',
      UnexpectedEndOfString: 'unterminated string',
      UnexpectedEndOfNumber: 'unterminated number',
      InvalidUnicode: 'invalid unicode escape',
      InvalidEscapeCharacter: 'invalid escape sequence',
      InvalidCharacter: 'invalid character in string',
    })[code] ?? code,
  js_expected: (expected: string) => ({ string: 'text', number: 'number', boolean: 'true or false', object: 'object', array: 'list' })[expected] ?? expected,
  js_wrongType: (expected: string) => `wrong type: ${expected} expected`,
  js_unknownKey: (keys: readonly PropertyKey[]) => `unknown key ${keys.map((k) => `'${String(k)}'`).join(', ')}`,
  js_invalidValue: (values: readonly string[]) => `invalid value, allowed: ${values.join(', ')}`,
  js_minElements: (n: string) => `at least ${n} elements required`,
  js_tooSmall: (n: string) => `value too small, at least ${n}`,
  js_maxElements: (n: string) => `at most ${n} elements`,
  js_maxCharacters: (n: string) => `at most ${n} characters`,
  js_tooBig: (n: string) => `value too large, at most ${n}`,
  js_invalidFormat: (format: string) => `invalid format (${format})`,
  js_invalidUnion: 'the value fits none of the allowed forms',
  js_invalidKey: 'invalid key',
  js_invalidElement: 'invalid element',
  js_invalidNumber: 'invalid number',
  js_keyNotAllowed: (key: string) => `the key '${key}' is not allowed`,
  js_notUtf8: 'the file is not valid UTF-8',
  js_duplicateKey: (key: string, line: number) => `the key '${key}' is already on line ${line}`,
  js_tooDeep: (max: number) => `nested too deep, more than ${max} levels`,
  io_isLink: 'is a symbolic link: efterlev never reads or writes through links in the workspace',
  io_isNotRegular: (kind: string) => `is ${kind}, not a regular file`,
  io_tooLarge: (size: string | undefined, max: string) => `the file is too large (${size !== undefined ? `${size}, ` : 'growing while read, '}at most ${max})`,

  // ---- export, import, compare, incidents and observations: the rest ----
  x_noActionsForPoam: (year: number) => `The action plan ${year} has no actions; an OSCAL POA&M must have at least one.`,
  im_allPerPeriod: (n: number, from: number, year: number) => `all ${n} answers are counts for the period, which are not moved from ${from} to ${year}: nothing to import`,
  im_notApplicable: (question: string, service: string) => `warning: ${question} does not apply to ${service}; the answer is saved but not counted.`,
  im_perPeriodSkipped: (n: number, from: number, year: number, which: string) => `${n} ${n === 1 ? 'answer is' : 'answers are'} not moved from ${from} to ${year}, since they are counts for the period (last period's count is not this year's): ${which}`,
  cp_twoYears: 'Give two years, e.g. efterlev compare 2024 2025, or --trend.',
  cp_noAnswers: 'The workspace has no answers yet.',
  cp_answersFor: (years: readonly number[]) => `The workspace has answers for ${years.join(', ')}.`,
  cp_differentYears: 'Give two different years.',
  e_controlCharacterHint: 'Remove the control character (it often comes along with pasted text) and try again.',
  ni_badKindFlag: (raw: string) => `--kind: '${raw}' is not an incident kind.`,
  ni_chooseKind: 'Choose major_incident, personuppgiftsincident (personal data breach), informationssakerhetsincident (information security incident) or betydande_incident (significant incident, Cybersecurity Act); also mi, pui, betydande.',
  o_kinds: 'major_incident, personuppgiftsincident (personal data breach), informationssakerhetsincident (information security incident) or betydande_incident (significant, Cybersecurity Act); also mi, pui, betydande',
  ob_empty: 'The observation is empty.',
  ob_saved: (year: number, note: string | undefined) => `Saved a special observation for ${year}${note ? ` ${note}` : ''}.`,
  ob_none: (year: number, note: string | undefined) => `No special observations for ${year}${note ? ` ${note}` : ''}.`,

  // ---- git merge-file: why a file could not be merged, and what was decided ----
  gm_our: 'our',
  gm_their: 'their',
  gm_base: 'the base',
  gm_ourSide: 'our side',
  gm_theirSide: 'their side',
  gm_theFile: 'the file',
  gm_differentYears: (ours: number, theirs: number, base: number | undefined) => `the sides are for different years (ours: ${ours}, theirs: ${theirs}${base !== undefined ? `, the base: ${base}` : ''})`,
  gm_differentServices: (ours: string, theirs: string, base: string | undefined) => `the sides are for different services (ours: '${ours}', theirs: '${theirs}'${base !== undefined ? `, the base: '${base}'` : ''})`,
  gm_differentVersions: (ours: string, theirs: string) =>
    `the answers are written for different catalogue versions (ours: ${ours}; theirs: ${theirs}), and the same question id need not mean the same question. ` +
    'Run efterlev migrate on the branch with the older version (with the same efterlev as the other) and merge again',
  gm_answerRemovedChanged: (question: string, side: string, value: string) => `${question}: removed on ${side} side and changed on the other; the changed answer ${value} was kept`,
  gm_answerBoth: (question: string, winner: string, loser: string) => `${question}: answered on both sides; the later answer ${winner} applies, the other ${loser} is in the history`,
  gm_followUpRemovedChanged: (action: string, side: string) => `${action}: the follow-up removed on ${side} side and changed on the other; the changed one was kept`,
  gm_followUpBoth: (action: string, winner: string, loser: string) => `${action}: followed up on both sides; the later ${winner} applies, the other ${loser} is in the history`,
  gm_incidentRemovedChanged: (id: string, side: string) =>
    `${id}: removed on ${side} side (moved to another year?) and changed on the other; the changed one was kept. ` +
    'Run efterlev validate after the merge: an incident may be in one year only',
  gm_incidentBothAdded: (id: string, ours: string, theirs: string) => `the incident '${id}' was recorded on both sides with different content (${ours} and ${theirs}); an own id cannot be renumbered without asking`,
  gm_incidentBoth: (id: string, winner: string, loser: string) => `${id}: changed on both sides; the later version ${winner} applies, the other ${loser} is in the history`,
  gm_incidentRenumbered: (id: string, keptTitle: string, keptAt: string, title: string, at: string, next: string) =>
    `${id}: two different incidents got the same id on separate branches; '${keptTitle}' (recorded ${keptAt}) kept it, '${title}' (recorded ${at}) now has the id ${next}`,
  gm_serviceRemovedChanged: (id: string, side: string) => `'${id}' (removed on ${side} side, changed on the other)`,
  gm_serviceBoth: (id: string, added: boolean) => `'${id}' (${added ? 'added' : 'changed'} differently on both sides)`,
  gm_registerConflict: (what: string, conflicts: readonly string[]) => `${what} changed differently on both sides: ${conflicts.join(', ')}; the service register is merged only where the sides have not changed the same thing`,
  gm_organisation: 'The organisation',
  gm_organisationFields: 'name, owner or focus control points',
  gm_services: 'The services',
  gm_organisationOf: (year: number) => `The organisation in ${year}'s register`,
  gm_servicesOf: (year: number) => `The services in ${year}'s register`,
  gm_unknownFile: 'efterlev merges only the workspace\'s answer files, action plans, incident registers, special observations and service registers (answers/…), and does not recognise this file',
  gm_noPath: 'it cannot be told what kind of file this is (give the path as the fourth argument, %P)',

  // ---- keys, closing, rollup, answer import, the register and answer files ----
  e_badServiceId: (id: string) => `'${id}' is not a valid service id`,
  cy_changedWhileClosing: (file: string, year: number) => `${file} changed while ${year} was being closed. Nothing was written.`,
  cy_tryAgain: 'Try again.',
  cy_previousManifestBad: (previous: number, year: number) => `the manifest of ${previous} does not match its checksum; ${year} is not linked to it. Run efterlev verify.`,
  cy_keptComing: (year: number) => `Answer files for ${year} kept appearing while the year was being closed. Nothing was written.`,
  cy_keptComingHint: 'Try again when no one else is answering for the year.',
  k_notEd25519: (shown: string, kind: string | undefined) => `${shown} is not an Ed25519 key${kind ? ` (it is ${kind})` : ''}.`,
  k_makeKeyPair: 'Create a key pair with efterlev year keygen --out FILE.',
  k_encrypted: (shown: string) => `${shown} is encrypted with a passphrase; efterlev reads only unencrypted keys (protect the file with permissions, 0600).`,
  k_notPrivate: (shown: string) => `${shown} is not a private key in PEM format.`,
  k_isPrivate: (shown: string) => `${shown} is a private key: give the public one (FILE.pub).`,
  k_isPrivateHint: 'The private key is needed only for signing, and is not to be given out.',
  k_notPublic: (shown: string) => `${shown} is not a public key in PEM format.`,
  k_notPublicHint: 'Give the public key that efterlev year keygen wrote (FILE.pub).',
  o_incidentService: 'the service the incident concerns',
  o_occurred: 'when the incident occurred (decides which year\'s register it goes in)',
  r_sameOrganisationId: (id: string, a: string, b: string) => `the organisation id '${id}' is in both ${a} and ${b}; give one of them an id of its own (organisation.id in answers/services.json)`,
  ir_missingColumns: (missing: readonly string[]) => `the columns ${missing.join(', ')} are missing from the header row (service, question, value and preferably comment, evidence)`,
  ir_notFromYear: (said: number, from: number) => `the year ${said} does not match --from-year ${from}`,
  ir_notYear: (said: number, year: number) => `the year ${said} does not match --year ${year}. Move the answers from ${said} to ${year} with --from-year ${said} (counts for the period are not moved)`,
  ir_fromYearCsv: '--from-year moves answers from JSON written by show --json, where the year is stated; a CSV file does not say which year it is from.',
  ir_fromYearCsvHint: 'Import the CSV file without --from-year.',
  sv_exists: (id: string) => `The service '${id}' is already in the register.`,
  sv_existsHint: (id: string) => `Change it with efterlev service set ${id} …`,
  sv_duplicate: (id: string) => `the service '${id}' is already there`,
  e_serviceNotFileName: (said: string, service: string) => `'${said}' does not match the file name ('${service}')`,
  e_yearNotFolder: (said: number, year: number) => `${said} does not match the folder (${year})`,
  e_questionFromLater: (id: string, checklist: string, from: string) => `the question '${id}' belongs to the checklist ${checklist}, which applies from ${from}`,
  e_unknownQuestionIn: (id: string, organisation: boolean) => `unknown question '${id}' for ${organisation ? 'the organisation' : 'a service'}`,
  e_noMigration: (checklist: string, version: string, current: string) => `the answers are written for ${checklist} ${version}, and there is no migration from there to ${current} (checklists/migrations)`,

  // ---- edited tables, the follow-up store, answer import, years, validate ----
  pt_tooManyColumns: (max: number, letters: string) => `plan import reads at most ${max} columns (up to ${letters}). Remove the content furthest to the right and save again.`,
  pt_tooManyRows: (line: number, max: string) => `content on row ${line}: plan import reads at most ${max} rows. Remove the content further down (Ctrl+End shows the last cell with content) and save again.`,
  pt_formula: (formula: string | undefined, error: string | undefined, shows: string | undefined) =>
    `the cell is a formula${formula !== undefined ? ` (=${formula})` : ''}${error !== undefined ? ` giving the error ${error}` : shows !== undefined ? ` showing '${shows}'` : ''}`,
  pt_typedFormula: (what: string, first: string, formula: string) => `${what}: Excel made what was typed a formula since it begins with ${first}. Type an apostrophe first ('${formula}) and it becomes text.`,
  pt_noFormulas: (what: string) => `${what}: plan import reads only typed-in values, not formulas. Type in the value instead.`,
  pt_errorValue: (error: string) => `the cell holds the error value ${error}: type in the value instead.`,
  pt_badDate: 'the cell has an invalid date: write it as YYYY-MM-DD.',
  pt_cannotRead: (message: string) => `cannot read XLSX: ${message}`,
  ps_removed: 'removed',
  ps_changedMeanwhile: (who: readonly string[]) => `The follow-up was changed by someone else while the command worked: ${who.join(', ')}. Nothing was changed.`,
  ps_changedMeanwhileHint: 'Run the command again: it then starts from the latest.',
  ip_unknownService: (id: string, known: readonly string[]) => `unknown service '${id}' (known: ${known.join(', ')})`,
  ip_duplicate: (question: string, service: string, where: string) => `${question} for ${service} is already there (${where})`,
  e_badYearRange: (raw: string, min: number, max: number) => `Invalid year '${raw}': give a year ${min}–${max}.`,
  tx_pending: (root: string) => `efterlev: ${root} has an interrupted write that is not finished; run an efterlev command in that workspace.`,
  io_special: (kind: string) => `is ${kind}: efterlev never reads or writes through links or special files in the workspace; replace it with a regular file or folder, or remove it`,
  va_noRegister: 'the service register is missing (create it with efterlev init)',
  va_notRegistered: (id: string) => `the service '${id}' is not in the service register`,
  va_fileNames: (folder: string) => `the files in ${folder}/ are named <year>.json`,

  // ---- the annual report (report --year) ----
  decimalMark: '.',
  report_word: 'annual report',
  report_title: (year: number) => `Compliance review and data protection officer's control points ${year}`,
  report_comparedWith: (prev: number) => ` · compared with ${prev}`,
  report_evidence: (withEvidence: number, answered: number, legalYesWithout: number) => `${withEvidence} of ${answered} answers name their evidence${legalYesWithout > 0 ? `; ${legalYesWithout} legal requirements are answered Yes without evidence` : ''}.`,
  report_summary: 'Summary',
  report_summaryText: (year: number, review: string, organisation: string, major: number, actions: number, p1: number, evidence: string) =>
    `The ${year} review: IT services ${review}; the organisation's control points: ${organisation}. Scores and statuses cover what has been assessed; unanswered questions are not counted. The review found ${major} major gaps; the action plan has ${actions} actions, ${p1} of them priority 1. ${evidence}`,
  report_checklist: 'Checklist',
  report_changeBoth: 'Change (assessed both years)',
  report_assessed: 'Assessed',
  report_of: (n: number, total: number) => `${n} of ${total}`,
  report_perControlPoint: 'Result per control point',
  report_controlPoint: 'Control point',
  report_scorePerControlPoint: (prev: number | undefined, year: number) => `Score per control point${prev ? `, ${prev} and ${year}` : ''}`,
  report_change: 'Change',
  report_comments: 'Comments',
  report_itSecurity: 'IT security per control area',
  report_area: 'Area',
  report_meanPerArea: 'Mean score across services per area',
  report_meanScore: 'Mean score',
  report_servicesByStatus: 'Services: on track / medium / major / not assessed',
  report_statusOfAll: 'Status of every control in every service',
  report_theOrganisation: 'the organisation',
  report_nServices: (n: number) => `${n} services`,
  report_frameworks: 'Framework coverage',
  report_frameworksText: (year: number) =>
    `How this year's answers show the frameworks' requirements met, through the questions' mapping to the requirements (checklists/mappings). Met: every answer is the best one and at least one question covers the whole requirement. Not covered: no question in the catalogue gives evidence, a gap in the catalogue rather than in the answers. The full list per requirement: efterlev coverage --year ${year} --framework ID.`,
  report_framework: 'Framework',
  report_requirements: 'Requirements',
  report_requirement: 'Requirement',
  report_noShortfall: (partOnly: number) => `No requirement falls short in the answers${partOnly > 0 ? `; ${partOnly} are partly met only because the questions cover part of them` : ''}.`,
  report_shortfalls: (partOnly: number) => `Requirements the answers show not met or partly met, with the questions whose answers fall short${partOnly > 0 ? ` (a further ${partOnly} are partly met only because the questions cover part of them)` : ''}:`,
  report_result: 'Result',
  report_questionsShort: 'Questions falling short',
  report_majorGaps: 'Major gaps',
  report_noMajorGaps: 'No major gaps.',
  report_action: 'Action',
  report_actionPlan: 'Action plan',
  report_priority: 'Priority',
  report_actions: 'Actions',
  report_fixFirst: 'Fix first:',
  report_topAction: (priority: number, id: string, why: string, action: string, owner: string, due: string) => `P${priority} ${id} (${why}): ${action} Owner: ${owner}, due ${due}.`,
  report_acceptedRisks: 'Accepted risks:',
  report_acceptedRisk: (id: string, finding: string, motivation: string, by: string) => `${id}: ${finding} Motivation: ${motivation} (${by})`,
  report_focus: (year: number) => `Recommended focus control points ${year}`,
  report_noFocus: 'No control point is red or falling.',
  report_points: (score: string) => `${score} points`,
  report_fell: (change: string, since: number | undefined) => `fell ${change} since ${since}`,
  report_observations: 'Special observations',
  report_noObservations: 'No special observations were recorded.',
  report_controls: 'Controls',
  report_page: 'Page',
  report_pageOf: 'of',

  // ---- the deviation report (report --kind avvikelser) ----
  dev_other: 'Other',
  dev_notice: (from: string, to: string, organisation: string) => `CONFIDENTIAL – deviation report ${from} – ${to} for ${organisation}. Contains known security gaps and personal data breaches: do not share beyond those authorised.`,
  orWord: 'or',
  dev_majors: (n: number) => `${n} ${n === 1 ? 'major incident' : 'major incidents'}`,
  dev_breaches: (n: number) => `${n} ${n === 1 ? 'personal data breach' : 'personal data breaches'}`,
  dev_incidents: (n: number) => `${n} ${n === 1 ? 'incident' : 'incidents'}`,
  dev_services: (n: number) => `${n} ${n === 1 ? 'service' : 'services'}`,
  dev_beforePeriod: 'occurred before the period and was open when it began',
  dev_resolvedOn: (date: string, afterEnd: boolean) => `resolved ${date}${afterEnd ? ', after the period ended' : ''}`,
  dev_ongoing: 'ongoing, not resolved',
  dev_closed: 'closed',
  dev_resolved: 'resolved',
  dev_stepMissing: (label: string, late: boolean, limit: number) => `${label} missing${late ? ` (the ${limit} h deadline has passed)` : ''}`,
  dev_stepHours: (hours: string, late: boolean, limit: number) => ` (${hours} h${late ? `, late: deadline ${limit} h` : ''})`,
  dev_earlyWarning: 'Early warning to the CSIRT unit',
  dev_notification: 'incident notification',
  dev_finalReport: (date: string) => `final report ${date}`,
  dev_finalReportMissing: 'final report missing',
  dev_imyHours: (hours: string) => `, ${hours} h after detection`,
  dev_imyNotified: 'Notified to IMY',
  dev_delayReason: 'reason for the delay',
  dev_noDelayReason: 'with no reason given for the delay',
  dev_imyNotNotified: 'Not notified to IMY',
  dev_imyAssessing: 'Being assessed: 72 hours from detection have not passed.',
  dev_imyNoDecision: 'No decision on notifying IMY.',
  dev_unresolved: (open: number) => `${open} ${open === 1 ? 'incident' : 'incidents'} not resolved at the end of the period`,
  dev_manyMajor: (n: number, limit: number) => `${n} ${n === 1 ? 'major incident' : 'major incidents'} in the period (${limit} or more)`,
  dev_lateCsirt: 'late reporting to the CSIRT unit',
  dev_handled: (n: number, anyOpen: boolean) => `${n} ${n === 1 ? 'incident' : 'incidents'}, ${anyOpen ? 'no major incident open' : n === 1 ? 'resolved' : 'all resolved'}`,
  dev_noIncidents: 'No incidents',
  dev_notifiedCount: (n: number) => `${n} ${n === 1 ? 'personal data breach' : 'personal data breaches'} notified to IMY`,
  dev_lateWithoutReason: 'notified after more than 72 hours with no reason given',
  dev_noDecision: 'no decision on notifying IMY',
  dev_notNotifiedCount: (n: number) => `${n} ${n === 1 ? 'personal data breach' : 'personal data breaches'}, not notified to IMY after a documented assessment (low risk)`,
  dev_beingAssessed: (n: number) => `${n} being assessed`,
  dev_noBreachesInPeriod: 'No personal data breaches in the period',
  dev_noActions: 'No actions recorded',
  dev_colService: 'Service (owner)',
  dev_colSystem: 'IT system',
  dev_colActions: 'Actions',
  dev_colIncidents: 'Status of incidents',
  dev_colBreaches: 'Status of personal data breaches',
  dev_retired: ' (retired)',
  dev_countIn: (count: string, name: string) => `${count} in ${name}`,
  dev_noMajorsInPeriod: 'No major incidents in the period.',
  dev_inPeriod: 'In the period',
  dev_oneNotified: ', notified to IMY',
  dev_notifiedOf: (n: number) => `, ${n} of them notified to IMY`,
  dev_whereOne: (all: boolean, area: string) => `${all ? 'all ' : ''}in ${area}`,
  dev_whereCount: (count: number, area: string) => `${count} in ${area}`,
  dev_noneIn: (areas: string) => `; none in ${areas}`,
  dev_reportedLate: (n: number) => `; ${n} reported late to the CSIRT unit`,
  dev_significant: 'Significant incidents under the Cybersecurity Act',
  dev_informationSecurity: 'Information security incidents',
  dev_carriedOver: (n: number) => `${n} ${n === 1 ? 'incident' : 'incidents'} from before the period ${n === 1 ? 'was' : 'were'} still open when it began.`,
  dev_openAtEnd: (n: number) => `${n} ${n === 1 ? 'incident' : 'incidents'} ${n === 1 ? 'was' : 'were'} not resolved at the end of the period.`,
  dev_servicesWithout: (without: number, total: number) => `${without} of ${total} services had no incident in the period and none open; they are not listed in the tables.`,
  dev_legendMajorIncidents: (many: number) => `A major or significant incident was not resolved at the end of the period; ${many} or more major incidents on the service in the period; or a significant incident was reported late to the CSIRT unit (early warning more than 24 hours, incident notification more than 72 hours after detection, or missing once the deadline has passed).`,
  dev_legendMajorBreaches: 'A breach was notified to IMY (a likely risk to the rights and freedoms of the data subjects); was notified more than 72 hours after detection with no reason given; or has no decision on notification once 72 hours have passed.',
  dev_legendMediumIncidents: 'Incidents in the period, or open from before, with none of the above: e.g. major incidents that were resolved, information security incidents.',
  dev_legendMediumBreaches: 'Every breach has a documented decision not to notify IMY (no likely risk), or is within 72 hours of detection.',
  dev_legendNoIncidents: 'No incidents.',
  dev_legendNoBreaches: 'No personal data breaches.',
  dev_title: 'Serious quality deviations: incidents and personal data breaches',
  dev_period: 'Period',
  dev_noneAtAll: (total: number) => `No incidents in the period: none of the ${total} services in the register had an incident or an open one.`,
  dev_areaHeading: (area: string) => `Services with deviations: ${area}`,
  dev_howColours: 'How the status colours are set',
  dev_howTables: (asOf: string) => `The tables list the services that had an incident in the period, or an incident from before that was not resolved when the period began. Status of incidents covers major incidents, information security incidents and significant incidents under the Cybersecurity Act; status of personal data breaches covers the breaches and their notification to IMY. Actions are the incidents' actions taken. Service (owner), IT system and area are the register's as it stands today; deadlines not met are counted up to ${asOf}.`,

  // ---- export: the action plan as a file ----
  x_actionPlanWord: 'action plan',
  x_notice: (document: string, year: number, organisation: string) => `CONFIDENTIAL – ${document} ${year} for ${organisation}. Contains known security gaps: do not share beyond those authorised.`,
  x_actionPlan: 'Action plan',
  x_summaryPerControl: 'Summary per control',
  x_colPrio: 'Prio',
  x_colWhy: 'Why',
  x_colFinding: 'Finding',
  x_colAction: 'Action',
  x_colReference: 'Reference',
  x_colDue: 'Due',
  x_printHeader: (title: string) => `&LCONFIDENTIAL&C${title}&RPage &P of &N`,
  x_invalidStatus: 'Invalid status',
  x_statusIsOneOf: (listed: string) => `Status is one of ${listed}: choose from the list.`,

  // ---- actions --explain: a rule's conditions in words ----
  explain_months: (n: number) => `${n} ${n === 1 ? 'month' : 'months'}`,
  explain_reviewDate: 'the review date',
  explain_before: 'before',
  explain_lastYear: (id: string) => `${id} last year`,
  explain_seenLastYear: "last year's answer",
  explain_seenAnswer: 'answer',
  explain_level: (v: string) => `level ${v}`,
  explain_serviceField: (key: string) => `the service's ${key}`,
  explain_registerCovers: 'the incident register covers the last 12 months',
  explain_registerNotCovers: 'the incident register does not cover the last 12 months',
  explain_maxImyDelay: 'the longest time from detection to notifying IMY in the last 12 months',
  explain_hours: 'hours',
  explain_reviewYear: 'the review year',
  explain_unanswered: 'unanswered',
  explain_not: 'not',
  explain_neither: (a: string, b: string) => `neither ${a} nor ${b}`,
  explain_noneOf: (items: string) => `none of ${items}`,
  explain_is: 'is',
  explain_was: 'was',
  /** [greaterThanInclusive, greaterThan, lessThan, lessThanInclusive] (op 0–3): counts are fewer or more, levels lower or higher. */
  explain_scale: (kind: string, op: number, n: string) =>
    (
      ({
        count: [`${n} or more`, `more than ${n}`, `fewer than ${n}`, `${n} or fewer`],
        level: [`${n} or higher`, `higher than ${n}`, `lower than ${n}`, `${n} or lower`],
        year: [`${n} or later`, `later than ${n}`, `before ${n}`, `${n} or earlier`],
      }) as Record<string, string[]>
    )[kind]?.[op] ?? [`${n} or more`, `more than ${n}`, `less than ${n}`, `${n} or less`][op]!,
  explain_olderThan: (is: string, months: string) => `${is} more than ${months} before the review date`,
  explain_atMost: (is: string, months: string) => `${is} at most ${months} before the review date`,
  explain_orLater: 'or later',
  explain_notEvaluated: '(not evaluated)',
  explain_limit: 'limit',

  // ---- incident list and incident show ----
  inc_reasonGiven: ', reason given',
  inc_lateWithoutReason: ', late without reason',
  inc_notNotified: 'not notified',
  inc_noDecision: 'no notification decision',
  inc_missing: 'missing',
  inc_earlyWarning: 'early warning',
  inc_notification: 'notification',
  inc_finalReport: 'final report',
  inc_none: 'No incidents.',
  inc_occurred: 'Occurred',
  inc_kind: 'Kind',
  inc_title: 'Title',
  inc_reporting: 'Reporting',
  inc_register: (n: number) => `Incident register: ${n} incidents`,
  inc_detected: 'Detected',
  inc_resolved: 'Resolved',
  inc_rootCause: 'Root-cause analysis',
  inc_rootCauseDone: 'done',
  inc_rootCauseNotDone: 'not done',
  inc_description: 'Description',
  inc_actions: 'Actions',
  inc_subjectsInformed: 'Data subjects informed',
  inc_recorded: 'Recorded',
  inc_earlierVersions: (n: number) => `${n} earlier versions in the history`,

  // ---- actions: the prioritised list ----
  act_evidenceFor: (question: string) => `evidence for ${question}`,
  act_noFix: 'no single answer closes the gap',
  act_effectLine: (control: string, service: string, fix: string) => `control ${control}, service ${service} (with ${fix})`,
  act_why: 'Why:',
  act_finding: 'Finding',
  act_action: 'Action',
  act_effect: 'Effect',
  act_effectWith: (fix: string) => `Effect with ${fix}`,
  act_reopened: 'reopened',
  act_reference: 'Reference',
  act_ownerDue: 'Owner, due',
  act_effectNote: 'Effect: points the control (upper) and the service (lower) gain when the gap is closed with the answer named; – when no single answer closes it.',
  act_heading: (year: number, n: number) => `Action plan ${year}: ${n} ${n === 1 ? 'action' : 'actions'}`,
  act_acceptedRisks: 'Accepted risks',

  // ---- compare ----
  cmp_title: 'Comparison',
  cmp_checklistOrg: 'Checklist (organisation)',
  cmp_over: 'Over',
  cmp_services: (n: number) => `${n} ${n === 1 ? 'service' : 'services'}`,
  cmp_changesOver: (n: number) => `Changes are taken over the services assessed in both years (${n}).`,
  cmp_added: (year: number) => `Added services ${year}`,
  cmp_pending: (year: number) => `Not reviewed yet in ${year}`,
  cmp_removed: (year: number) => `Removed from the register ${year}`,
  cmp_newGaps: (year: number) => `New gaps ${year}`,
  cmp_resolved: (year: number) => `Resolved since ${year}`,
  cmp_persistent: 'Persistent',
  cmp_since: (year: number) => `since ${year}`,
  cmp_notYetAssessed: (year: number) => `Not assessed yet in ${year}`,
  cmp_withRemoved: 'With removed services',
  cmp_changedAnswers: 'Changed answers',
  cmp_showDetails: (n: number) => `${n} changed answers: show them with --details`,
  cmp_latestNote: (earlier: number, latest: number) => `(${earlier} against ${latest}, the latest year in the workspace)`,

  // ---- the service register: service list, service show, the fields ----
  reg_sensitiveUnknown: 'sensitive unknown',
  reg_thirdCountryUnknown: 'third country unknown',
  reg_area: 'Area',
  reg_retiredTag: ' (retired)',
  reg_notClassified: 'not classified',
  reg_count: (organisation: string, n: number) => `${organisation}: ${n} services`,
  reg_retired: 'retired',
  reg_noSupplier: 'none',
  reg_personalData: 'Personal data',
  reg_history: 'History',
  reg_registered: 'registered',
  reg_unchanged: 'unchanged',
  reg_notAFlag: (field: string, raw: string) => `${field}: '${raw}' is neither yes, no nor unknown (ja, nej, okänt)`,
  field_name: 'name',
  field_owner: 'owner',
  field_area: 'area',
  field_supplier: 'supplier',
  field_personalData: 'personal data',
  field_sensitiveData: 'sensitive',
  field_thirdCountry: 'third country',
  field_classification: 'classification',

  // ---- the overview ----
  ov_review: (year: number, summary: string) => `Review ${year}: ${summary}`,
  ov_organisation: (state: string) => ` · the organisation: ${state}`,
  ov_over: (n: number) => ` (over ${n})`,
  ov_changeOver: (previous: number, year: number) => `The change is taken over services assessed in both ${previous} and ${year}.`,
  ov_answeredShort: 'Ans.',
  ov_reviewColumn: 'Review',
  ov_more: (n: number) => `… and ${n} more (efterlev score for all)`,
  ov_fixFirst: 'Fix first',
  ov_moreCommands: (year: number, _previous: number) => `More: efterlev actions --year ${year}, efterlev --help`,
  ov_emptyYear: (year: number, services: number) => `No answers for ${year} yet: the review has not started for any of the ${services} services or the organisation.`,
  ov_startWith: (year: number) => `Start with: efterlev assess --year ${year}`,

  // ---- show: the stored answers ----
  ans_earlier: 'earlier',
  ans_earlierValues: 'Earlier values',
  ans_otherQuestions: 'Other questions in the history',
  ans_noHistory: 'No earlier values in the history.',
  ans_showHistory: 'show them with --history',
  score_organisation: (year: number) => `Organisation ${year}`,
  ag_classification: (aspect: string, min: number) => `classification ${aspect} ≥ ${min}`,

  // ---- OSCAL: the assessment results and the POA&M ----
  review_services: (n: number) => (n === 1 ? 'service' : 'services'),
  review_reviews: (n: number) => (n === 1 ? 'review' : 'reviews'),
  review_summary: (done: number, total: number, noun: string, ongoing: number, notStarted: number) =>
    `${done} of ${total} ${noun} done, ${ongoing} in progress, ${notStarted} not started`,
  locale: 'en-GB',
  os_followUp: 'Follow-up',
  os_severity: 'Severity',
  os_fromIncidents: ' (from the incident register, the last twelve months)',
  os_noScore: 'No score (no scored answer)',
  os_score: (score: string) => `Score ${score} of 100`,
  os_coverage: (answered: number, total: number) => `${answered} of ${total} applicable questions answered`,
  os_complianceReview: 'Compliance review',
  os_arNotice: (year: number, organisation: string) => `CONFIDENTIAL – compliance review ${year} for ${organisation}: answers, assessments and known security gaps. Do not share beyond those authorised.`,
  os_planRemarks: "The assessment plan is efterlev's catalogue, described in the back-matter.",
  os_reviewOf: (services: number, summary: string) => `The year's review of the organisation's control points and ${services} services: ${summary}.`,
  os_findings: (findings: number, pairs: number, notAssessed: number) =>
    `${findings} of ${pairs} controls (per service) are assessed and have a finding. ${notAssessed} are not assessed (nothing answered): they have no finding and are listed as the property not-assessed.`,
  os_planTitle: (year: number) => `Assessment plan ${year}: efterlev's checklists and rules`,
  os_planDescription: (checklists: string) => `There is no separate OSCAL assessment plan. The review follows the checklists ${checklists} and the rules of the workspace's catalogue; the questions are answered per service and year.`,
  os_acceptedBy: 'Accepted by',

  // ---- the placeholders of options and arguments in --help (and in commander's errors) ----
  ph_year: '<year>',
  ph_year1: '[year1]',
  ph_year2: '[year2]',
  ph_name: '<name>',
  ph_file: '<file>',
  ph_date: '<YYYY-MM-DD>',
  ph_time: '<time>',
  ph_kind: '<kind>',
  ph_folder: '<folder>',
  ph_path: '[path]',
  ph_base: '<base>',
  ph_ours: '<ours>',
  ph_theirs: '<theirs>',
  ph_evidence: '<evidence>',
  ph_answers: '<answers...>',
  ph_language: '<language>',
  ph_report: '<report>',
  ph_order: '<order>',
  ph_area: '<area>',
  ph_motivation: '<motivation>',
  ph_helpCommand: 'help [command]',
  ph_observation: 'the observation',
  o_incidentTitle: 'short title',

  // ---- git setup: what it writes into .gitattributes, .gitignore and the repository's config ----
  gs_driverName: 'efterlev per question',
  gs_begin: '# efterlev git setup: begin',
  gs_end: '# efterlev git setup: end',
  gs_beginNote: ' (rewritten by efterlev git setup; do not edit within the block)',
  gs_attributes: "# The workspace's files are merged per question, action, incident, observation and service by efterlev git merge-file.",
  gs_ignores: '# Locks, temporary files and the journal of a write in progress: they exist only while efterlev writes.',
  gs_configFailed: (key: string, why: string) => `git config ${key} failed: ${why}`,
  gm_notValid: (why: string) => `the merge did not make a valid file: ${why}`,

  gk_answers: 'answer file',
  gk_plan: 'action plan',
  gk_incidents: 'incident register',
  gk_observations: 'special observations',
  gk_register: 'service register',
  gk_snapshot: "the year's service register",
  gm_merged: 'merged',

  // ---- catalogue authoring (validate), XLSX archives, control characters ----
  ca_noChecklistFolder: 'the folder of checklists is missing',
  ca_noChecklists: 'no checklists (*.json) in the folder',
  ca_checklistExists: (id: string, other: string) => `the checklist '${id}' already exists in ${other}`,
  ca_idNotFileName: (id: string, fileId: string) => `id '${id}' must be the same as the file name ('${fileId}')`,
  ca_controlExists: (id: string) => `the control '${id}' already exists`,
  ca_questionPrefix: (id: string, control: string) => `the question '${id}' must begin with the control's id, '${control}.'`,
  ca_optionExists: (value: string) => `the option '${value}' already exists`,
  ca_minOverMax: 'min is greater than max',
  ca_questionExists: (id: string, checklist: string) => `the question id '${id}' already exists (the checklist '${checklist}')`,
  ca_noChecklistForRules: (id: string) => `there is no checklist '${id}' (the rule folder is named so)`,
  ca_checklistNotFolder: (said: string, folder: string) => `'${said}' must be the folder's name, '${folder}'`,
  ca_noControl: (checklist: string, control: string) => `the checklist '${checklist}' has no control '${control}'`,
  ca_ruleFileName: (control: string) => `the file must be named ${control}.json after the control it applies to`,
  ca_ruleExists: (name: string, other: string) => `the rule name '${name}' already exists in ${other}`,
  ca_paramsQuestion: 'params.question must be a question id',
  ca_unknownQuestionIn: (id: string, checklist: string) => `unknown question '${id}' in the checklist '${checklist}'`,
  ca_unknownParam: (key: string, fact: string) => `unknown parameter '${key}' for fact '${fact}'`,
  ca_pathOnly: "path is used only with fact 'service' and 'incidents'",
  ca_pathOneOf: (paths: string) => `path must be one of ${paths}`,
  ca_trueOrFalse: 'true or false',
  ca_level: 'a level 0–4',
  ca_number: 'a number',
  ca_year: 'a year',
  ca_date: 'a date',
  ca_monthsBack: (max: number) => `monthsBack must be a whole number 0–${max}`,
  ca_operator: (operator: string, use: string) => `the operator '${operator}' does not fit here; use ${use}`,
  ca_valueMustBe: (what: string) => `the value must be ${what}`,
  ca_comparesList: (operator: string) => `'${operator}' compares with a list`,
  ca_needsType: (operator: string, type: string, id: string, actual: string) => `'${operator}' needs a question of type ${type}; ${id} is ${actual}`,
  ca_onlyReviewDate: "a value can only be taken from fact 'reviewDate'",
  ca_pathNotHere: 'path is not used here',
  ca_dateValue: 'the value must be a date YYYY-MM-DD or { "fact": "reviewDate", … }',
  ca_invalidValue: 'invalid value',
  ca_frameworkIdNotFileName: (id: string) => `id '${id}' must be the same as the file name`,
  ca_requirementExists: (id: string) => `the requirement '${id}' already exists`,
  ca_unknownQuestion: (id: string) => `unknown question '${id}'`,
  ca_noFramework: (id: string) => `there is no framework '${id}' in checklists/frameworks`,
  ca_noRequirement: (id: string, framework: string) => `the requirement '${id}' is not in ${framework}`,
  ca_noChecklist: (id: string) => `there is no checklist '${id}'`,
  ca_movedEarlier: (id: string) => `the question '${id}' is already moved earlier in the file`,
  ca_questionNotIn: (id: string, checklist: string, version: string) => `the question '${id}' is not in ${checklist} ${version}`,
  ca_mergeIntoOne: 'several questions can only be merged into one',
  ca_mergeHow: 'say how the answers are merged: "lowest" or "first"',
  ca_notAllowed: (value: string, id: string) => `'${value}' is not an allowed answer to ${id}`,
  ca_chainBroken: (from: string, to: string, current: string) => `the migration ${from} → ${to} does not lead to the checklist's version (${current})`,
  ca_questionMissing: (id: string) => `the question ${id} does not exist`,
  ca_cannotMove: (id: string, target: string, to: string, problem: string, file: string) => `${id} cannot be moved to ${target} in ${to}: ${problem}; correct the migration in ${file}`,
  ca_questionIdForm: 'A question id looks like KP3.2 or LOG.1',
  ca_optionForm: 'Options are written with a–z, 0–9 and _',
  ca_controlIdForm: 'A control id looks like KP3 or LOG',
  ca_conditionForms: 'A condition has exactly one of all, any, not or fact',
  ca_operatorMissing: 'operator is missing',
  ca_valueMissing: 'value is missing',
  ca_factOnly: (key: string) => `${key} belongs only to a fact condition`,
  ca_ruleNameForm: 'Rule names are written with A–Z, 0–9, full stop, - and _',
  ca_ruleConditions: "A rule's conditions begin with all, any or not",
  zip_tooLarge: (size: string, max: string) => `the file is too large (${size} MB, at most ${max} MB)`,
  zip_directoryOutside: "the XLSX file is broken (the zip archive's directory points outside the file)",
  zip_unpacksTo: (size: string, max: string) => `the XLSX file unpacks to ${size} MB (at most ${max} MB): an action plan is far smaller, so the file is damaged or made to fill the memory`,
  zip_directoryWrong: "the XLSX file is broken (the zip archive's directory does not add up)",
  zip_passwordOrXls: 'the file is password-protected or saved as an older Excel file (.xls): save it as an Excel workbook (.xlsx) without a password',
  zip_notXlsx: 'not an XLSX file (no zip archive): save it as an Excel workbook (.xlsx), or read the action plan in as CSV',
  zip_tooManyParts: (count: number, max: number) => `the XLSX file has ${count} parts (at most ${max})`,
  zip_brokenEntry: (name: string) => `the XLSX file is broken (the zip entry ${name})`,
  zip_encrypted: (name: string) => `the zip entry ${name} is encrypted: save the file without a password`,
  zip_method: (name: string, method: number) => `the zip entry ${name} is packed in a way that is not supported (method ${method}): save the file again as .xlsx`,
  zip_moreThanSaid: (name: string, size: number) => `the zip entry ${name} unpacks to more than the ${size} bytes it states: the file is damaged or made to fill the memory`,
  tx_controlCharacter: (codePoint: string, place: number) => `contains a control character (${codePoint}) at position ${place}`,

  // ---- the rest: lengths, answer pairs, rule examples, the register's schema, signing keys ----
  lim_tooLong: (field: string, length: number, max: number) => {
    const label = ({ comment: 'the comment', evidence: 'the evidence', note: 'the note', motivation: 'the motivation', observation: 'the observation', name: 'the name' } as Record<string, string>)[field] ?? field;
    return `${label} is too long (${length} characters, at most ${max})`;
  },
  ans_pairForm: (pair: string) => `'${pair}': write QUESTION=VALUE, e.g. LOG.1=ja`,
  ans_controlIn: (id: string, problem: string) => `the answer to ${id} ${problem}`,
  ans_needsMotivation: (id: string, reason: string) => `${id} = ej_tillamplig (not applicable) needs a motivation: ${reason}. Write why in the comment.`,
  ex_differ: (rule: string) => `the rule '${rule}' is evaluated differently by efterlev and json-rules-engine (a bug in efterlev, please report it)`,
  ex_doesNotFire: (rule: string) => `the rule '${rule}' does not fire in the example`,
  ex_firesWrongly: (rule: string) => `the rule '${rule}' fires in the example, though it should not`,
  reg_idForm: 'A service id is written with a–z, 0–9 and hyphens (at most 63 characters), e.g. office365',
  reg_windowsName: (id: string) => `'${id}' is a reserved name in Windows and cannot be a file name`,
  reg_organisationId: (id: string) => `'${id}' is reserved for the organisation's answers`,
  reg_sensitiveNeedsPersonal: 'Sensitive personal data requires that the service processes personal data (personalData: true or okänt)',
  reg_thirdCountryNeedsPersonal: 'Transfer of personal data to a third country requires that the service processes personal data',
  k_readableByOthers: (shown: string, mode: string) => `Warning: ${shown} can be read by others than you (permissions ${mode}); protect it with chmod 600 ${shown}.`,

  ws_none: (root: string) => `No workspace in ${root} (answers/services.json is missing).`,
  ws_noneHint: 'Create one with `efterlev init`, or point to one with --dir or EFTERLEV_DIR.',
  pt_readerExited: (code: number | null) => `the XLSX reader exited without an answer (code ${code})`,
} as const satisfies Messages;
