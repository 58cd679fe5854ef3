/**
 * The Swedish message catalogue: the source of every key. Each language has one catalogue with
 * the same keys (en.ts is typed against this one, so a missing English text is a type error);
 * a message with parameters is a function with the same signature in both.
 */
const list = (items: readonly string[], and: string): string => (items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${and} ${items.at(-1)!}`);

const FIELDS_HELP_SV = `
Ja/nej-uppgifterna tar ja, nej eller okänt (en flagga utan värde betyder ja). En uppgift som inte
är känd är "okänt": frågor som beror på den ställs, reglerna räknar med det strängare fallet och
registret visar den som en brist att fylla i. Klassning enligt KLASSA 4.0: nivå 0–4 för
konfidentialitet, riktighet, tillgänglighet och spårbarhet (K3R2T3S2), eller "ej klassad"
(prioriteras som nivå 3). --supplier ingen betyder att tjänsten saknar extern leverantör.`;

export const sv = {
  // ---- scores and statuses ----
  status_enligt_plan: 'Enligt plan',
  status_mellan: 'Avvikelse – mellan/liten',
  status_stor: 'Avvikelse – stor',
  status_ej_bedomd: 'ej bedömd',
  review_klar: 'klar',
  review_pågår: 'pågår',
  review_ej_påbörjad: 'ej påbörjad',
  severity_stor: 'stor',
  severity_mellan: 'mellan',
  severity_liten: 'liten',
  control: 'Kontroll',
  score: 'Poäng',
  status: 'Status',
  answered: 'Besvarade',
  gaps: 'Brister',
  service: 'Tjänst',
  notAssessed: 'ej bedömd',
  organisation: 'Organisationen',
  year: 'År',
  changeSince: 'Sedan',
  overviewTitle: 'Efterlevnadskontroll',
  question: 'Fråga',
  answer: 'Svar',
  comment: 'Kommentar',
  evidence: 'Underlag',
  by: 'Av',
  at: 'Datum',
  historyCount: 'tidigare värden i historiken',
  notApplicableHere: 'gäller inte tjänsten',
  id: 'Id',
  name: 'Namn',
  owner: 'Ansvarig',
  supplier: 'Leverantör',
  personalData: 'Personuppg.',
  classification: 'Klassning',
  yes: 'ja',
  no: 'nej',
  sensitive: 'känsliga',
  thirdCountry: 'tredje land',
  unknownValue: 'okänt',
  statusShort_enligt_plan: 'enligt plan',
  statusShort_mellan: 'mellan',
  statusShort_stor: 'stor',
  statusShort_ej_bedomd: 'ej bedömd',
  incident_pågår: 'pågår',
  incident_åtgärdad: 'åtgärdad',
  incident_stängd: 'stängd',
  incidentKindSignificant: 'Betydande',

  // ---- the handlingsplan: statuses and why-tags ----
  plan_ej_påbörjad: 'Ej påbörjad',
  plan_pågår: 'Pågår',
  plan_klar: 'Klar',
  plan_accepterad_risk: 'Accepterad risk',
  why_legal: 'lagkrav',
  why_unclassified: 'ej klassad',
  why_recurring: (since: number) => `återkommande sedan ${since}`,
  why_focus: 'fokusområde',
  dueBy: 'klart senast',
  p_unchanged: (id: string) => `${id}: oförändrad.`,
  p_badStatus: (raw: string) => `Ogiltig status '${raw}'.`,
  p_badStatusHint: 'Välj ej_påbörjad, pågår, klar eller accepterad_risk.',
  p_badDate: (raw: string) => `Ogiltigt datum '${raw}': skriv ÅÅÅÅ-MM-DD.`,
  p_noAction: (id: string, year: number, note: string) => `Ingen åtgärd '${id}' ${year}${note ? ` ${note}` : ''}.`,
  p_serviceActions: (ids: readonly string[]) => `Tjänstens åtgärder: ${ids.join(', ')}`,
  p_seeActions: (year: number) => `Se efterlev actions --year ${year}`,
  p_acceptedNeeds: 'En accepterad risk behöver --motivation och --accepted-by.',
  p_importSummary: (rows: number, changed: number, removed: number, dryRun: boolean) => {
    const gone = removed === 0 ? '' : `, ${removed} ${removed === 1 ? 'värde' : 'värden'} ${dryRun ? 'skulle tas bort' : 'borttagna'}`;
    return `${rows} rader lästa, ${changed} åtgärder ${dryRun ? `skulle ändras${gone} (provkörning, inget skrivet)` : `ändrade${gone}`}.`;
  },
  v_allGood: (r: { checklists: number; ruleFiles: number; rules: number; services: number; answerFiles: number; planFiles: number; incidentFiles: number }) =>
    `Allt i ordning: ${r.checklists} checklistor, ${r.ruleFiles} regelfiler (${r.rules} regler), ` +
    `${r.services} tjänster, ${r.answerFiles} svarsfiler, ${r.planFiles} handlingsplaner, ${r.incidentFiles} incidentregister.`,
  v_noClosedYears: 'Inga stängda år att kontrollera.',
  y_noYears: 'Inga år med svar än.',
  y_open: 'öppet',
  y_closed: (at: string, by: string, signed: boolean) => `stängt ${at} av ${by}${signed ? ', signerat' : ''}`,
  y_reopened: (at: string, by: string, reason: string) => `öppnat igen ${at} av ${by}: ${reason}`,
  y_line: (year: number, state: string, files: number) => `${year}  ${state} (${files} svarsfiler)`,
  i_created: (root: string) => `Skapade en arbetsyta i ${root}.`,
  i_next: 'Nästa steg: efterlev service add ID --name "Tjänstens namn" --classification K2R2T2S2',
  o_noAnswers: 'Inga svar ännu. Börja med: efterlev assess --year ÅÅÅÅ (eller efterlev answer för skript).',
  a_changedFrom: (from: string) => `ändrat från ${from}`,
  a_new: 'nytt',
  a_unchanged: 'oförändrat',
  a_notApplicable: (question: string, service: string) => `varning: ${question} gäller inte ${service} (tjänstens uppgifter); svaret sparas men räknas inte.`,
  a_saved: (service: string, year: number) => `Sparat i ${service} ${year}.`,
  sv_registered: (name: string, id: string) => `Registrerade ${name} (${id}).`,
  sv_unknownSoFar: (fields: readonly string[], id: string) => `Okänt än så länge: ${fields.join(', ')}. Fyll i med efterlev service set ${id} …`,
  sv_fieldPersonalData: 'personuppgifter',
  sv_fieldSensitive: 'känsliga personuppgifter',
  sv_fieldThirdCountry: 'tredjelandsöverföring',
  sv_fieldSupplier: 'leverantör',
  sv_fieldClassification: 'informationsklassning',
  n_recorded: (id: string, title: string, service: string, occurred: string) => `Registrerade incident ${id}: ${title} (${service}, ${occurred}).`,
  n_changed: (id: string) => `Ändrade incident ${id}.`,
  im_service: (service: string, added: number, changed: number, unchanged: number) => `${service}: ${added} nya, ${changed} ändrade, ${unchanged} oförändrade`,
  im_dryRun: 'Provkörning: ingenting har skrivits.',
  im_done: (year: number, from: number | undefined) => `Importerat till ${year}${from !== undefined ? ` (flyttat från ${from})` : ''}.`,
  x_planNote: (note: string) => `Handlingsplanen ${note}.`,
  x_wroteOscal: (year: number, out: string) => `Skrev bedömningen ${year} (OSCAL Assessment Results) till ${out} (läsbar bara för dig).`,
  x_wrote: (n: number, year: number, note: string, out: string) => `Skrev ${n} åtgärder ${note ? `${note} ` : `för ${year} `}till ${out} (läsbar bara för dig).`,

  // ---- the questionnaire ----
  q_keyNavigate: 'flytta',
  q_keySelect: 'välj',
  q_confirmYes: 'Ja',
  q_confirmNo: 'Nej',
  q_confirmError: (yes: string, no: string) => `Svara ${yes} eller ${no} (${yes[0]!.toLowerCase()}/${no[0]!.toLowerCase()}).`,
  q_controlOf: (n: number, of: number) => `— kontroll ${n} av ${of}`,
  q_progress: (n: number, of: number, percent: number) => `Fråga ${n} av ${of} · totalt ${percent} % besvarat`,
  q_lastYear: 'Förra året',
  q_lastPeriod: ' (gäller förra perioden, fylls inte i)',
  q_thisYear: 'I år',
  q_evidenceTag: 'underlag',
  q_and: 'och',
  q_months: (n: number) => (n === 0 ? 'mindre än en månad' : n === 1 ? '1 månad' : `${n} månader`),
  q_gaps: (findings: readonly string[]) => `${findings.length === 1 ? 'bristen' : 'bristerna'} ${list(findings.map((s) => `'${s}'`), 'och')}`,
  q_warnDate: (lastYear: boolean, value: string, age: string, gaps: string) => `Obs: ${lastYear ? 'förra årets' : 'årets'} datum ${value} är ${age} gammalt; med det svaret uppstår ${gaps}.`,
  q_warnValue: (lastYear: boolean, value: string, gaps: string) => `Obs: med ${lastYear ? 'förra årets' : 'årets'} värde ${value} uppstår ${gaps}.`,
  q_references: 'Referenser',
  q_legal: ' (lagkrav)',
  q_enterKeeps: '; Enter behåller, ⌫ tar bort)',
  q_commentOptional: 'Kommentar (valfri)',
  q_motivationRequired: 'Motivering (krävs för Ej tillämplig)',
  q_writeMotivation: (why: string) => `Skriv en motivering: ${why}.`,
  q_evidencePrompt: 'Underlag, dokumentreferens eller länk (valfritt)',
  q_pickOne: '— välj ett svar —',
  q_noDefault: '(inget förval)',
  q_nothingChosen: (letters: string) => `Inget svar är valt: välj med ↑↓ eller skriv första bokstaven (${letters}).`,
  q_help: '? Hjälp och referenser',
  q_edit: '* Ändra kommentar och underlag',
  q_back: '< Föregående fråga',
  q_skip: '> Hoppa över',
  q_dateHint: 'ÅÅÅÅ-MM-DD',
  q_integer: 'ett heltal',
  q_number: 'ett tal',
  q_text: 'text',
  q_emptySkips: 'tomt hoppar över',
  q_emptyKeeps: (v: string) => `tomt behåller ${v}`,
  q_typedHint: (format: string, canGoBack: boolean, empty: string) => `${format}; ? hjälp${canGoBack ? ', < föregående' : ''}, > hoppa över, ${empty}`,
  q_fromRegister: (n: number) => `från incidentregistret: ${n}`,
  q_fromRegisterNote: '(de senaste tolv månaderna; ändra i registret med efterlev incident)',
  q_changedMeanwhile: (id: string) => `${id} ändrades av någon annan medan du svarade; frågan visas igen med det nya svaret.`,
  q_changedBeforeComment: (id: string) => `${id} ändrades av någon annan innan kommentaren sparades; kommentaren sparades inte.`,
  q_conflictRemoved: 'tog bort svaret',
  q_conflictAnswered: (described: string) => `svarade ${described}`,
  q_conflictTitle: (id: string) => `${id}: någon annan hann före medan du svarade.`,
  q_unknownPerson: 'okänd',
  q_yourAnswer: 'Ditt svar',
  q_whatNow: 'Vad vill du göra?',
  q_keepTheirs: 'Behåll deras svar',
  q_overwrite: 'Skriv över med mitt svar (deras sparas i historiken)',
  q_answerAgain: 'Svara på frågan igen',
  q_noQuestions: (service: string, control: string | undefined, checklist: string | undefined) =>
    `Inga frågor att besvara för ${service}${control ? ` i kontrollen ${control}` : ''}${checklist ? ` i checklistan ${checklist}` : ''}.`,
  q_allAnswered: (n: number) => `Alla ${n} frågor är besvarade. Gå igenom dem igen med --all.`,
  q_savedAs: (id: string, described: string, bare: boolean) => ` ${id} sparades som ${described}${bare ? ', utan kommentar och underlag' : ''}.`,
  q_notSaved: (id: string, described: string) => ` ${id} sparades inte: ${described} behöver en motivering.`,
  q_interrupted: (saved: number, detail: string) => `Avbrutet. ${saved} svar sparades under passet; inget bekräftat svar har gått förlorat.${detail}`,
  q_resume: 'Fortsätt där du slutade:',
  q_needsTerminal: 'efterlev assess behöver en terminal (stdin och stdout).',
  q_needsTerminalHint: 'För skript: efterlev answer --year Å --service ID FRÅGA=VÄRDE …, eller efterlev import --year Å FIL.csv',
  q_yearNote: (year: number) => `(år ${year}, innevarande år; ett annat med --year)`,
  // the service picker and registering a new service
  q_whichService: (year: number) => `Vilken tjänst granskas ${year}?`,
  q_lastBy: (by: string, at: string) => ` · senast ${by} ${at}`,
  q_required: (what: string) => `${what} behövs`,
  q_registerNow: (id: string) => `Tjänsten '${id}' finns inte i registret. Registrera den nu?`,
  q_name: 'Namn:',
  q_aName: 'Ett namn',
  q_ownerPrompt: 'Ansvarig (tjänsteägare, valfritt):',
  q_supplierPrompt: 'Extern leverantör (valfritt):',
  q_personalDataPrompt: 'Behandlar tjänsten personuppgifter?',
  q_sensitivePrompt: 'Känsliga personuppgifter (art. 9)?',
  q_thirdCountryPrompt: 'Överförs personuppgifter till tredje land?',
  q_classificationPrompt: 'Informationsklassning (KLASSA 4.0), t.ex. K3R2T3S2, eller "ej klassad":',
  // the summary at the end of a session
  s_onlyControl: (control: string) => `kontrollen ${control}`,
  s_onlyChecklist: (checklist: string) => `checklistan ${checklist}`,
  s_showingOnly: (only: string, whole: string) => `Visar bara ${only}; hela tjänsten: ${whole}`,
  s_newGaps: (since: number, n: number) => `Nya brister sedan ${since}: ${n}`,
  s_noGaps: 'Inga brister hittades.',
  s_fixFirst: 'Att åtgärda först',

  // ---- errors ----
  e_badClassification: (raw: string) => `Ogiltig klassning '${raw}'.`,
  e_badClassificationHint: 'Ange konsekvensnivå 0–4 (KLASSA 4.0) för konfidentialitet, riktighet, tillgänglighet och spårbarhet, t.ex. K3R2T3S2, eller "ej klassad".',
  // answers as typed: what is wrong with a value
  v_dateFormat: 'skriv ÅÅÅÅ-MM-DD, t.ex. 2025-03-14',
  v_noMonth: (month: number) => `månad ${month} finns inte`,
  v_noDay: (day: number) => `dag ${day} finns inte`,
  v_noLeapDay: (year: number) => `29 februari ${year} finns inte (inget skottår)`,
  v_noSuchDate: (day: number, month: number) => `${day} ${['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'][month - 1]} finns inte`,
  v_today: 'i dag',
  v_yearEnd: 'granskningsårets sista dag',
  v_notAllowed: (value: string, id: string, allowed: readonly string[]) => `${value} är inte ett tillåtet svar på ${id}; tillåtna: ${allowed.join(', ')}`,
  v_number: (id: string) => `${id} ska besvaras med ett tal`,
  v_integer: (id: string) => `${id} ska besvaras med ett heltal`,
  v_min: (id: string, value: number, min: number) => `${id}: ${value} är mindre än ${min}`,
  v_max: (id: string, value: number, max: number) => `${id}: ${value} är större än ${max}`,
  v_date: (id: string) => `${id} ska besvaras med ett datum, ÅÅÅÅ-MM-DD`,
  v_text: (id: string) => `${id} ska besvaras med en text`,
  v_happened: (id: string, value: string, latest: string, label: string) => `${id} gäller något som redan har hänt: ${value} ligger efter ${latest} (${label})`,
  e_prefix: 'fel',
  e_invalidInput: 'ogiltig indata, ingenting har ändrats',
  e_nothingSaved: 'ingenting sparades',
  e_motivationWith: 'Motiveringen anges med --comment "…".',
  e_unexpected: 'oväntat fel',
  e_interrupted: 'Avbrutet.',
  e_didYouMean: (ids: readonly string[]) => `Menade du ${list(ids, 'eller')}?`,
  e_known: (ids: readonly string[]) => `Kända: ${ids.join(', ')}.`,
  e_registerNew: (id: string) => ` Registrera en ny med \`efterlev service add ${id} --name "…"\`.`,
  e_unknownService: (id: string) => `Okänd tjänst '${id}'.`,
  e_unknownChecklist: (id: string) => `Okänd checklista '${id}'.`,
  e_unknownControl: (id: string) => `Okänd kontroll '${id}'.`,
  e_checklistFromLaterYear: (id: string, checklist: string, from: number, year: number) => `'${id}' hör till checklistan ${checklist}, som gäller från granskningsåret ${from} (inte ${year})`,
  e_unknownQuestion: (id: string, service: string) => `'${id}': okänd fråga för ${service}`,
  e_unknownAction: (id: string) => `Okänd åtgärd '${id}'.`,
  e_retired: (id: string, at: string, reason: string) => `Tjänsten '${id}' är avvecklad (${at}: ${reason}).`,
  e_retiredHint: 'Dess tidigare år finns kvar; nya svar tas inte emot.',
  e_fileExists: (path: string) => `Filen ${path} finns redan.`,
  e_fileExistsHint: 'Välj ett annat namn eller skriv över med --force.',
  e_noYears: 'Inga svar i arbetsytan ännu, så det finns inget senaste år: ange --year ÅÅÅÅ.',
  e_latestYear: (year: number) => `(år ${year}, senaste i arbetsytan)`,
  e_needsYear: (command: string) => `${command} skriver svar och behöver --year: vilket års granskning gäller de?`,
  e_yearOptions: (options: readonly string[]) => `T.ex. ${options.join(' eller ')}.`,
  e_currentYear: ' (innevarande år)',
  e_latestInWorkspace: ' (senaste i arbetsytan)',
  e_badYear: (raw: string) => `ogiltigt år '${raw}'`,
  e_badStatus: (raw: string) => `ogiltig status '${raw}' (Ej påbörjad, Pågår, Klar eller Accepterad risk)`,

  // ---- commander's own texts and help ----
  h_usage: 'Användning:',
  h_options: 'Flaggor:',
  h_commands: 'Kommandon:',
  h_arguments: 'Argument:',
  h_globalOptions: 'Globala flaggor:',
  h_optionsWord: '[flaggor]',
  h_commandWord: '[kommando]',
  h_choose: (choices: readonly string[]) => `välj ${choices.join(' eller ')}`,
  h_default: (value: string) => `standard: ${value}`,
  h_description: 'Årlig efterlevnadskontroll: dataskyddsombudets kontrollpunkter och IT-säkerhetens kontrollområden, per tjänst.',
  h_version: 'visa versionen',
  h_help: 'visa hjälp',
  h_helpCommand: 'visa hjälp för ett kommando',
  h_dir: 'arbetsytan (annars EFTERLEV_DIR eller aktuell mapp)',
  h_json: 'maskinläsbar utdata på stdout, inget annat där',
  h_lang: 'språk för utdata',
  h_noColor: 'utan färger (även NO_COLOR)',
  h_examples: `
Exempel:
  efterlev                                        översikt över senaste året
  efterlev score --year 2025 --service office365  poäng och status per kontroll
  efterlev answer --year 2025 --service office365 LOG.1=ja --comment "Loggar granskas månadsvis"
  efterlev validate                               kontrollera kataloger och svarsfiler
  efterlev year close 2024 --by "Eva Ek"          stäng ett år när nämnden har fått rapporten
  efterlev verify                                 kontrollera de stängda åren mot sina manifest

Slutkoder: 0 klart, 1 fel, 2 ogiltig användning eller indata, 130 avbrutet.`,
  h_yearHelp: 'granskningsåret, t.ex. 2025',
  h_latestYearHelp: 'granskningsåret (standard: senaste året i arbetsytan)',
  h_forceHelp: 'skriv över en befintlig fil',
  // commands and their most used options
  c_actions: 'den prioriterade åtgärdslistan (handlingsplanen)',
  c_answer: 'sätt svar utan frågor (för skript): FRÅGA=VÄRDE …',
  c_assess: 'besvara kontrollfrågorna för en tjänst, interaktivt',
  c_compare: 'jämför två år, eller trenden över alla år',
  c_coverage: 'hur årets svar visar ett ramverks krav uppfyllda: GDPR, ISO/IEC 27001, cybersäkerhetslagen',
  c_export: 'handlingsplanen som CSV, XLSX, Markdown, JSON eller OSCAL; årets bedömning som OSCAL',
  c_git: 'flera granskare på grenar i ett git-förråd: sammanslagning per fråga',
  c_gitSetup: 'ställ in git att slå ihop arbetsytans filer per fråga, åtgärd, incident och iakttagelse',
  c_gitMergeFile: 'git:s drivrutin för sammanslagning av en fil i arbetsytan (%O %A %B %P); skriver resultatet till VÅR',
  c_import: 'läs in många svar på en gång från CSV eller JSON',
  c_incident: 'incidentregistret: major incidents, personuppgiftsincidenter och betydande incidenter',
  c_incidentAdd: 'registrera en incident',
  c_incidentSet: 'ändra en incident; det tidigare sparas i historiken',
  c_incidentList: 'lista incidenter',
  c_incidentShow: 'visa en incident med rapporteringskedjan och historiken',
  c_incidentImport: 'läs in incidenter ur en CSV från ärendehanteringssystemet, allt eller inget',
  c_init: 'skapa en tom arbetsyta här (answers/services.json)',
  c_migrate: 'skriv om svarsfiler och handlingsplaner till katalogens nuvarande version',
  c_observation: 'särskilda iakttagelser till årsrapporten',
  c_observationAdd: 'lägg till en särskild iakttagelse',
  c_observationList: 'visa årets särskilda iakttagelser',
  c_overview: 'översikt över ett år (det som visas utan kommando): granskningens läge, poäng, största brister',
  c_plan: 'följ upp handlingsplanen: status, ansvarig, datum',
  c_planSet: 'sätt uppföljningen av en åtgärd',
  c_planImport: 'läs tillbaka status, ansvarig, datum och anteckningar ur en exporterad handlingsplan',
  c_report: 'årsrapporten (efterlevnadskontrollen och dataskyddsombudets kontrollpunkter) eller avvikelserapporten för en period',
  c_rollup: 'hela stadens bild: flera arbetsytor (förvaltningar, bolag) i en samlad vy som bara läses',
  c_rollupInit: 'skapa rollup.json med medlemmarnas arbetsytor',
  c_rollupOverview: 'stadens översikt med uppdelning per organisation',
  c_rollupActions: 'stadens prioriterade åtgärdslista, med organisationen i varje id',
  c_rollupReport: 'stadens rapport: läget per organisation och för hela staden',
  c_rollupExport: 'stadens handlingsplan som CSV, XLSX, Markdown eller JSON',
  c_score: 'poäng och status per kontroll, per tjänst',
  c_service: 'tjänsteregistret: lägg till, ändra, läs in, avveckla och lista tjänster',
  c_serviceAdd: 'registrera en tjänst',
  c_serviceSet: 'ändra en tjänst i registret; det tidigare sparas i historiken',
  c_serviceRetire: 'avveckla en tjänst: den lämnar kommande års granskning men behåller sina tidigare år',
  c_serviceImport: 'läs in tjänsteregistret ur en systemförteckning (CSV eller XLSX), allt eller inget',
  c_serviceList: 'lista tjänsterna i registret',
  c_serviceShow: 'visa en tjänst med dess historik i registret',
  c_show: 'visa de sparade svaren för en tjänst och ett år',
  c_validate: 'kontrollera checklistor, regler, tjänsteregister och svarsfiler',
  c_verify: 'kontrollera de stängda åren mot sina manifest och kedjan',
  c_year: 'stäng och öppna granskningsår: ett stängt år kan inte ändras',
  c_yearClose: 'stäng ett år: skriv manifestet, och vägra sedan ändringar av årets filer',
  c_yearReopen: 'öppna ett stängt år igen, med ett skäl som sparas',
  c_yearList: 'visa varje år, öppet eller stängt, med vem och när',
  c_yearKeygen: 'skapa ett Ed25519-nyckelpar för att signera stängda år',
  o_reviewerChange: 'vem som gör ändringen (annars inloggad användare)',
  o_serviceOrOrg: 'bara en tjänst (eller organisation)',
  o_checklist: 'bara en checklista',
  o_top: 'bara de n första',
  o_reviewerAnswer: 'vem som svarar (annars inloggad användare)',
  o_reviewerRecord: 'vem som registrerar (annars inloggad användare)',
  o_out: 'filen att skriva (utan: stdout; krävs för xlsx)',
  o_dryRun: 'visa vad som skulle ändras, utan att skriva något',
  o_yearLatest: 'året (standard: senaste året i arbetsytan)',
  o_yearCurrent: 'granskningsåret (standard: innevarande år)',
  o_servicePick: 'tjänsten (utan: välj i en lista med varje tjänsts framsteg)',
  o_service: 'bara en tjänst',
  o_planStatus: 'ej_påbörjad, pågår, klar eller accepterad_risk',
  o_control: 'bara en kontroll, t.ex. LOG eller KP3',
  o_all: 'gå igenom alla frågor igen, med nuvarande svar som förval',
  o_reviewerBy: 'vem svaren registreras av (annars inloggad användare)',
  o_reviewerWrites: 'vem som skriver (annars inloggad användare)',

  // ---- year close, reopen, list, keygen ----
  y_closedLine: (year: number, files: number, catalogueFiles: number, versions: string) => `Stängde ${year}: ${files} filer och ${catalogueFiles} katalogfiler (${versions}) i answers/closed/${year}.json.`,
  y_snapshotTaken: (year: number) => `Året hade inget registerutdrag; det togs nu ur tjänsteregistret (answers/register/${year}.json).`,
  y_firstInChain: 'Första stängda året i kedjan.',
  y_linkedTo: (year: number, hash: string) => `Länkat till ${year} (${hash}…).`,
  y_follows: (at: string, by: string, reason: string) => `Följer öppningen ${at} av ${by}: ${reason}`,
  y_manifestHash: (hash: string) => `Manifestets SHA-256: ${hash}`,
  y_signedWith: (key: string) => `Signerat med nyckeln ${key}….`,
  y_nowRefused: (year: number) => `Ändringar av ${year} vägras nu. Kontrollera med efterlev verify; öppna igen med efterlev year reopen ${year} --reason "…" --by "…".`,
  y_emptyReason: '--reason är tomt: skälet att öppna året sparas och måste anges.',
  y_reopenedLine: (year: number, at: string, by: string) => `Öppnade ${year} igen (stängt ${at} av ${by}). Skälet är sparat. Stäng året igen med efterlev year close ${year} --by "…".`,
  y_wroteKeys: (privateFile: string, publicFile: string) => `Skrev den privata nyckeln till ${privateFile} (0600) och den publika till ${publicFile}.`,
  y_fingerprint: (fp: string) => `Nyckelns fingeravtryck (SHA-256): ${fp}`,
  y_keepPrivate: 'Håll den privata nyckeln utanför arbetsytan och ge aldrig ut den.',
  o_yearToClose: 'året som ska stängas',
  o_byClose: 'vem som stänger året',
  o_signKey: 'signera manifestet med en privat Ed25519-nyckel (PEM, från year keygen; aldrig i arbetsytan)',
  o_yearToReopen: 'året som ska öppnas',
  o_reasonReopen: 'varför året öppnas, t.ex. "rättelse av KP4 efter revisionens påpekande"',
  o_byReopen: 'vem som öppnar året',
  o_keyOut: 'den privata nyckelns fil (utanför arbetsytan); den publika skrivs till <fil>.pub',
  hx_year: `
När nämnden har tagit emot årets rapport stängs året: efterlev skriver ett manifest
(answers/closed/<år>.json) med en SHA-256 för varje fil av året och för katalogen som gäller,
vem som stängde och när, och kontrollsumman för föregående stängda års manifest, så att åren
bildar en kedja. Därefter vägras varje ändring av årets filer (slutkod 2) tills året öppnas igen
med ett skäl, som sparas. efterlev verify kontrollerar de stängda åren.

År stängs i ordning och öppnas från det senaste: varje år bygger på året före.`,
  hx_yearClose: `
Stänger bara ett år som har svar, när alla tidigare år med svar är stängda och inget senare år är
det. Alla årets filer kontrolleras först; en ogiltig fil stoppar stängningen (slutkod 2).
--json: { year, hash, previous, supersedes, closedBy, closedAt, files, catalogueFiles, versions, signedBy, snapshotTaken }.

Exempel:
  efterlev year close 2024 --by "Eva Ek, nämndsekreterare"
  efterlev year close 2025 --by "Eva Ek" --sign-key ~/.config/efterlev/nyckel.pem`,
  hx_yearReopen: `
Stängningen flyttas till historiken i answers/closed/<år>.json med vem, när och varför; nästa
stängning länkar till den, så att efterlev verify visar öppningen. Ett år kan inte öppnas medan ett
senare år är stängt (det senare året bygger på det): öppna det senaste först.
--json: { year, reopenedBy, reopenedAt, reason, hash } (hash: den öppnade stängningens manifest).

Exempel:
  efterlev year reopen 2025 --reason "KP4 rättad efter revisionens påpekande" --by "Eva Ek"`,
  hx_yearList: '\n--json: { years: [{ year, state: closed|open, closedBy, closedAt, hash, signed, answerFiles, reopenings: [{ by, at, reason }] }] }\n\nExempel:\n  efterlev year list',
  hx_yearKeygen: `
Den privata nyckeln skrivs läsbar bara för dig (0600) och aldrig i arbetsytan; ingen fil skrivs över.
Ge den publika nyckeln (<fil>.pub) till den som ska kontrollera: efterlev verify --public-key <fil>.pub.
--json: { privateKey, publicKey, fingerprint }.

Exempel:
  efterlev year keygen --out ~/.config/efterlev/nyckel.pem`,

  // ---- verify ----
  vf_findings: (n: number) => `${n} ${n === 1 ? 'avvikelse' : 'avvikelser'} mot de stängda årens manifest`,
  vf_findingsHint: 'Återställ filerna (t.ex. ur git) eller, om ändringen ska stå kvar, öppna året med efterlev year reopen ÅR --reason "…" --by "…" och stäng det igen.',
  vf_matches: 'stämmer',
  vf_deviations: (n: number) => `${n} ${n === 1 ? 'avvikelse' : 'avvikelser'}`,
  vf_sig_valid: 'signaturen giltig',
  vf_sig_bad: 'signaturen OGILTIG',
  vf_sig_unsigned: 'osignerat',
  vf_sig_unchecked: 'signerat (inte kontrollerat)',
  vf_closedYear: (year: number, at: string, by: string, files: number, catalogueFiles: number, state: string, signature: string, reopened: string) =>
    `${year}: stängt ${at} av ${by}, ${files} filer och ${catalogueFiles} katalogfiler — ${state}; ${signature}${reopened ? ` (${reopened}, stängt på nytt)` : ''}`,
  vf_unreadable: (year: number) => `${year}: posten i answers/closed/${year}.json kan inte läsas`,
  vf_note: (note: string) => `Obs: ${note}`,
  vf_allGood: (years: readonly number[], signed: number | undefined) =>
    `${years.length === 1 ? `Det stängda året ${years[0]!} stämmer med sitt manifest` : `Alla ${years.length} stängda år stämmer med sina manifest och kedjan ${years.join(' → ')} är hel`}.${signed !== undefined ? ` ${signed} av ${years.length} har en giltig signatur.` : ''}`,
  vf_since: (year: number, at: string, by: string) => `sedan ${year} stängdes (${at} av ${by})`,
  vf_source_workspace: 'arbetsytans egna',
  vf_source_bundled: 'efterlevs inbyggda',
  vf_change_changed: 'ändrad',
  vf_change_added: 'tillagd',
  vf_change_removed: 'borttagen',
  vf_catalogueFile: (change: string, since: string, year: number) => `katalogfilen är ${change} ${since}; ${year} års resultat kan bli ett annat än det nämnden fick`,
  vf_catalogueVersion: (id: string, then: string | undefined, year: number, now: string | undefined) => `katalogen ${id} hade version ${then ?? '(saknades)'} när ${year} stängdes, nu ${now ?? '(saknas)'}`,
  vf_catalogueSource: (year: number, then: string, rules: boolean, now: string) => `${year} stängdes med ${then} ${rules ? 'regler' : 'checklistor'}, nu gäller ${now}.`,
  vf_manifestChanged: (hash: string) => `manifestet har ändrats efter stängningen: dess SHA-256 är inte den sparade (${hash}…)`,
  vf_historyChanged: (n: number, closedAt: string, reopenedAt: string) => `stängning nr ${n} i historiken (${closedAt}, öppnad igen ${reopenedAt}) har ändrats: dess SHA-256 stämmer inte`,
  vf_historyUnmentioned: (at: string, by: string) => `historiken har en öppning (${at} av ${by}) som stängningen inte nämner`,
  vf_historyMismatch: (at: string, by: string) => `stängningen följer en öppning (${at} av ${by}) som inte står så i historiken`,
  vf_chainBroken: (message: string) => `kedjan är bruten: ${message}`,
  vf_noLink: (year: number, before: number) => `${year} länkar inte till något tidigare år, men ${before} är stängt`,
  vf_linkReopened: (year: number, link: number, at: string, by: string, reason: string) => `${year} länkar till ${link}, som öppnades igen ${at} av ${by} ('${reason}') och inte är stängt`,
  vf_linkNotClosed: (year: number, link: number, file: string, missing: boolean) => `${year} länkar till ${link}, som inte är stängt (${file} ${missing ? 'saknas' : 'har ingen stängning'})`,
  vf_linkSkips: (year: number, link: number, before: number | undefined) => `${year} länkar till ${link}, men närmaste tidigare stängda år är ${before}`,
  vf_linkOldClosing: (year: number, link: number, at: string) => `${year} länkar till en stängning av ${link} som öppnades igen ${at}; ${link} har stängts på nytt efter att ${year} stängdes`,
  vf_linkOtherHash: (year: number, link: number) => `${year} länkar till ${link} med en annan kontrollsumma än ${link} års manifest har (${link} års manifest har ändrats eller bytts ut efter att ${year} stängdes)`,
  vf_unsigned: (year: number) => `${year} är inte signerat, och signaturer krävs (--require-signature)`,
  vf_otherKey: (theirs: string, given: string) => `signaturen är gjord med en annan nyckel (${theirs}…) än den angivna publika nyckeln (${given}…)`,
  vf_badSignature: 'signaturen stämmer inte med manifestet och den publika nyckeln: manifestet eller signaturen har ändrats',
  vf_openBeforeClosed: (year: number, later: number) => `${year} har svar men är inte stängt, fast det ligger före det stängda ${later}: ${year} års filer skyddas inte, och ${later} års resultat bygger på dem.`,
  vf_signedUnchecked: 'Signerade år finns: ange --public-key FIL.pub för att kontrollera signaturerna.',
  o_publicKey: 'kontrollera signaturerna med den publika nyckeln (PEM, från year keygen)',
  o_requireSignature: 'ett osignerat stängt år räknas som en avvikelse (med --public-key)',
  hx_verify: `
Räknar om SHA-256 för varje fil av varje stängt år och för katalogen som gäller, och jämför med
årets manifest; kontrollerar manifestens egna kontrollsummor, att varje stängt år länkar till
närmaste tidigare stängda år, och historiken av öppningar. Skriver en rad per fil som ändrats,
tillkommit eller tagits bort, och slutar då med kod 1; slutkod 0 och en sammanfattning när allt
stämmer. Ändrar ingenting.

--json: { ok, years: [{ year, state: closed|open|unreadable, closedBy, closedAt, hash, previous,
files, catalogueFiles, signature: valid|bad|unsigned|unchecked, signedBy, reopenings: [{ by, at,
reason }], findings }], findings: [{ year, kind, file, message }], notes: [...] }, där kind är
changed | added | removed | catalogue | manifest | chain | history | signature | record.

Exempel:
  efterlev verify
  efterlev verify --public-key ~/.config/efterlev/nyckel.pem.pub --json`,

  // ---- git setup and merge-file ----
  g_unchanged: 'oförändrad',
  g_written: 'skriven',
  g_set: 'satt',
  g_setUp: (unchanged: boolean, root: string, repository: string) => `${unchanged ? 'Git var redan inställt' : 'Git är inställt'} för efterlev i ${root} (git-förrådet ${repository}).`,
  g_mergedFiles: 'merge=efterlev för svaren per tjänst och år, handlingsplanernas uppföljning, incidentregistren, de särskilda iakttagelserna, årens tjänsteregister, tjänsteregistret',
  g_ignored: 'lås, temporära filer och journalen checkas aldrig in',
  g_driverRuns: (command: string) => `Sammanslagningen kör den här efterlev: ${command}`,
  g_absolutePaths: '  (Node och bin/efterlev.js med absoluta sökvägar; flyttas eller installeras efterlev om någon annanstans, kör efterlev git setup igen.)',
  g_perClone: 'git config följer inte med när förrådet klonas: varje granskare kör efterlev git setup i sin egen klon.',
  g_commit: (files: readonly string[]) => `Checka in ${files.join(' och ')}: git add ${files.join(' ')} && git commit -m "efterlev: sammanslagning per fråga"`,
  g_resolve: (file: string) => `Lös konflikten i en editor, eller ta en sida med git checkout --ours (eller --theirs) -- ${file}; kör sedan efterlev validate och git add ${file}.`,
  g_leftMarkers: (ours: string, theirs: string, resolve: string) => `Filen har git:s vanliga konfliktmarkeringar (<<<<<<< ${ours} … >>>>>>> ${theirs}) med båda sidornas text; efterlev vägrar läsa den tills konflikten är löst. ${resolve}`,
  g_leftLineMerge: (resolve: string) => `Git:s radvisa sammanslagning gick utan krockar och står i filen, men den är inte kontrollerad av efterlev: granska den. ${resolve}`,
  g_leftOurs: (file: string, resolve: string) => `Filen står kvar som på vår sida; deras version finns i git (git show :3:${file}). ${resolve}`,
  g_notMerged: (file: string, reason: string) => `${file} kunde inte slås ihop per fråga: ${reason}.`,
  g_notARepository: (dir: string) => `${dir} ligger inte i ett git-förråd (ingen arbetskopia av ett git-repo).`,
  g_notARepositoryHint: 'Skapa ett med git init (eller klona organisationens förråd) och kör efterlev git setup i arbetsytan där.',
  g_noGit: 'git finns inte: kommandot git hittades inte.',
  g_noGitHint: 'Installera git (https://git-scm.com) och försök igen.',
  o_mergeBase: 'den gemensamma basen (%O); tom när båda sidor lagt till filen',
  o_mergeOurs: 'vår sida (%A): resultatet skrivs hit',
  o_mergeTheirs: 'deras sida (%B)',
  o_mergePath: 'filens sökväg i förrådet (%P): avgör vad det är för fil',
  hx_gitSetup: `
Skriver .gitattributes i arbetsytan (svaren, handlingsplanerna, incidentregistren, de särskilda
iakttagelserna och tjänsteregistren slås ihop med merge=efterlev) och .gitignore (lås, temporära
filer och journalen för en pågående skrivning checkas aldrig in), och registrerar drivrutinen i
förrådets git config: merge.efterlev.driver kör just den efterlev som kör setup (Node och
bin/efterlev.js med absoluta sökvägar). git config följer inte med en kloning: varje granskare
kör setup i sin klon; .gitattributes och .gitignore checkas in. Att köra setup igen ändrar bara det som behövs.

Exempel:
  git init && efterlev git setup && git add .gitattributes .gitignore answers && git commit -m "Arbetsytan"
  git merge --no-edit granskning-hr   slår ihop per fråga; ändrat på båda sidor: det senare gäller`,
  hx_gitMergeFile: `
Körs av git under git merge när efterlev git setup har ställt in det. Svar slås ihop per fråga,
handlingsplanen per åtgärd, incidentregistret per incident, iakttagelserna som en union och
tjänsteregistret per tjänst. Ändrat på båda sidor: det senare svaret (efter tidpunkten) gäller och
det andra läggs i historiken; varje sådant beslut skrivs på stderr. Det som inte går att slå ihop
(trasig JSON, olika tjänster eller år, en okänd fil, samma tjänst ändrad på båda sidor i registret)
blir en vanlig konflikt: filen får git:s konfliktmarkeringar med båda sidorna, slutkoden är 1 och
efterlev vägrar läsa filen tills konflikten är löst.

Exempel:
  efterlev git merge-file bas.json vår.json deras.json answers/2025/office365.json`,

  // ---- migrate ----
  mg_skipped: (year: number, at: string, by: string) => `${year} är stängt (${at} av ${by}) och skrevs inte om; dess svar läses ändå genom flyttningarna. Öppna det med efterlev year reopen ${year} om filerna måste skrivas om.`,
  mg_upToDate: 'Alla filer står redan i katalogens nuvarande version.',
  mg_rewritten: (n: number, dryRun: boolean) => `${n} filer ${dryRun ? 'skulle skrivas om (provkörning: ingenting skrevs)' : 'omskrivna'}.`,
  o_migrateDryRun: 'visa vad som skulle skrivas om, utan att skriva något',
  hx_migrate: `
Svar som skrevs för en äldre katalogversion läses alltid genom flyttningarna i
checklists/migrations (nya id, delade och sammanslagna frågor); migrate skriver dessutom om
filerna så att de står i den nuvarande versionen. Ett svar på en fråga som tagits bort sparas i
filens historik. Varje år skrivs som en enhet. Stängda år (efterlev year close) hoppas över
och nämns; --json listar dem under skipped: [{ year, closedBy, closedAt }].

Exempel:
  efterlev migrate --dry-run
  efterlev migrate`,

  // ---- rollup ----
  r_organisation: 'Organisation',
  r_checklist: 'Checklista',
  r_assessed: 'Bedömda',
  r_actions: 'Åtgärder',
  r_review: 'Granskning',
  r_of: (n: number, of: number) => `${n} av ${of}`,
  r_all: (name: string) => `Hela ${name}`,
  r_organisations: (n: number) => `${n} organisationer`,
  r_confidential: (year: number, name: string) => `KONFIDENTIELLT – samlad rapport ${year} för ${name}. Innehåller kända säkerhetsbrister: sprid inte utanför behöriga.`,
  r_title: (year: number, name: string) => `Efterlevnadskontroll ${year}: ${name}`,
  r_perOrganisation: 'Per organisation',
  r_fixFirst: 'Åtgärda först',
  r_wroteRollup: (file: string, n: number) => `Skrev ${file} med ${n} medlemmar.`,
  r_wroteReport: (year: number, out: string) => `Skrev stadens rapport ${year} till ${out} (läsbar bara för dig).`,
  r_wroteExport: (actions: number, organisations: number, out: string) => `Skrev ${actions} åtgärder från ${organisations} organisationer till ${out} (läsbar bara för dig).`,
  e_badTop: (raw: string) => `--top ska vara ett positivt heltal, inte '${raw}'.`,
  e_xlsxNeedsOut: 'XLSX skrivs till en fil: ange --out FIL.xlsx.',
  o_format: 'filformat',
  o_outStdout: 'filen att skriva (utan: stdout)',
  o_member: 'en medlems arbetsyta (kan anges flera gånger)',
  o_rollupName: 'den samlade vyns namn, t.ex. stadens',
  o_rollupForce: 'skriv över en befintlig rollup.json',
  hx_rollup: `
En samlad vy är en mapp med rollup.json som pekar ut medlemmarnas arbetsytor (sökvägar relativt
mappen). Varje medlem bedöms med sin egen katalogversion och sitt eget register; medlemmarna läses,
skrivs aldrig. Två medlemmar med samma organisations-id vägras (sätt organisation.id i
answers/services.json).

Exempel:
  efterlev --dir staden rollup init --name "Exempelstaden" --member ../intraservice --member ../skola
  efterlev --dir staden rollup overview --year 2025
  efterlev --dir staden rollup export --year 2025 --format xlsx --out stadens-handlingsplan.xlsx`,

  // ---- coverage ----
  cv_uppfyllt: 'uppfyllt',
  cv_delvis: 'delvis',
  cv_ej_uppfyllt: 'ej uppfyllt',
  cv_ej_bedomt: 'ej bedömt',
  cv_ej_tackt: 'ej täckt',
  cv_requirement: 'Krav',
  cv_title: 'Titel',
  cv_questions: 'Frågor',
  cv_result: 'Resultat',
  cv_uncovered: (n: number) => `Krav som ingen fråga täcker (${n}):`,
  cv_unknownFramework: (id: string) => `Okänt ramverk '${id}'.`,
  cv_knownFrameworks: (ids: readonly string[]) => `Kända: ${ids.join(', ') || 'inga (checklists/frameworks saknas)'}.`,
  o_framework: 'ramverket, t.ex. gdpr, iso27001 eller csl',
  hx_coverage: `
För varje krav: frågorna som ger underlag för det, deras svar och ett resultat:
  uppfyllt     alla svar är de bästa möjliga och minst en fråga täcker hela kravet
  delvis       något svar brister, eller frågorna täcker bara en del av kravet
  ej uppfyllt  alla svar är de sämsta möjliga
  ej bedömt    ingen av frågorna är besvarad (ej tillämplig räknas inte som underlag)
  ej täckt     ingen fråga i katalogen ger underlag: en brist i katalogen, inte i svaren

Kopplingen fråga–krav står i checklists/mappings/<ramverk>.json, med relationstyp som i NIST OLIR
(vad frågan är i förhållande till kravet): equal (samma sak) och superset (frågan omfattar kravet
och mer) kan visa kravet uppfyllt; subset (en del av kravet) och intersect (delvis överlapp) bara
delvis. Kraven står i checklists/frameworks/<ramverk>.json; efterlev validate kontrollerar att
varje fråga och krav finns.

Ett krav ska vara uppfyllt i varje tjänst där någon av frågorna gäller. Organisationens svar
(dataskyddsombudets kontrollpunkter) gäller hela organisationen och räknas i varje tjänsts rad;
organisationen får en egen rad bara för krav som bara dess frågor ger underlag för. En fråga som
överlappar en annan checklistas fråga (checklists/mappings/overlap.json, t.ex. KP3.1 och AVT.1 om
biträdesavtal) räknas för båda: ett svar ges en gång.

Årsrapporten (efterlev report) ger antalen per ramverk och kraven som svaren visar inte uppfyllda;
här finns hela listan per krav.

Exempel:
  efterlev coverage --year 2025 --framework csl
  efterlev coverage --year 2025 --framework gdpr --service visma-recruit
  efterlev coverage --year 2025 --framework gdpr --service organisation
  efterlev coverage --year 2025 --framework iso27001 --json > iso27001-2025.json
  efterlev --lang en coverage --year 2025 --framework iso27001`,

  // ---- service set, retire, import, and the rows of a system inventory ----
  sv_reasonNeeded: '--reason behövs: skriv varför tjänsten avvecklas.',
  sv_alreadyRetired: (id: string, at: string) => `Tjänsten '${id}' avvecklades redan ${at}.`,
  sv_retired: (id: string) => `${id} är avvecklad: den ingår inte i kommande års granskning; tidigare år visar den som förut.`,
  sv_importNew: (id: string, name: string) => `ny: ${id} ${name}`,
  sv_importChanged: (id: string, changes: readonly string[]) => `ändrad: ${id}: ${changes.join('; ')}`,
  sv_importSummary: (added: number, changed: number, unchanged: number, dryRun: boolean) => `${added} nya, ${changed} ändrade, ${unchanged} oförändrade${dryRun ? ' (provkörning: ingenting skrevs)' : ''}.`,
  si_empty: 'filen är tom',
  si_noNameColumn: 'rubrikraden saknar kolumnen namn (eller id); kända kolumner: id, namn, ansvarig, område, leverantör, personuppgifter, känsliga, tredjeland, K, R, T, S, klassning',
  si_partialClassification: 'K, R, T och S ska alla ha en nivå 0–4, eller alla vara tomma (ej klassad)',
  si_badCsv: (message: string) => `ogiltig CSV: ${message}`,
  si_noServices: 'inga tjänster att läsa in',
  si_noIdOrName: 'raden saknar både id och namn',
  si_sameName: (name: string, line: number) => `namnet '${name}' finns redan på rad ${line}; ge raderna var sitt id`,
  si_badId: (id: string) => `'${id}' är inget giltigt tjänste-id (a–z, 0–9 och bindestreck)`,
  si_duplicateId: (id: string, line: number) => `tjänsten '${id}' finns redan på rad ${line}`,
  o_svOwner: 'ansvarig (tjänsteägare)',
  o_svArea: 'verksamhetsområde, t.ex. HR, Ekonomi, Kommunikation',
  o_svSupplier: 'extern leverantör, "okänt" eller "ingen"',
  o_svPersonalData: 'tjänsten behandlar personuppgifter',
  o_svSensitive: 'känsliga personuppgifter (art. 9); ja innebär personuppgifter',
  o_svThirdCountry: 'personuppgifter överförs till tredje land',
  o_svClassification: 'informationsklassning enligt KLASSA 4.0, t.ex. K3R2T3S2, eller "ej klassad"',
  o_svId: 'kort id för tjänsten (a–z, 0–9, -), blir filnamn för svaren',
  o_svName: 'tjänstens namn',
  o_svServiceId: 'tjänstens id',
  o_svNewName: 'nytt namn',
  o_svReason: 'varför, t.ex. "ersatt av nytt ekonomisystem 2026"',
  o_svFile: 'CSV eller XLSX med en rubrikrad',
  o_svDryRun: 'visa nya och ändrade tjänster utan att skriva något',
  o_svAll: 'också avvecklade tjänster',
  hx_serviceAdd: `${FIELDS_HELP_SV}

Exempel:
  efterlev service add visma-recruit --name "Visma Recruit" --owner "Sara Ek" --area HR \\
    --supplier "Visma Enterprise AB" --personal-data --sensitive --classification K3R2T2S2
  efterlev service add skolplattform --name "Skolplattformen" --personal-data okänt`,
  hx_serviceSet: `
Bara det som anges ändras. Det tidigare läget sparas i registrets historik med vem och när
(efterlev service show ID). Ändringen gäller året som pågår och framåt: ett år som har passerat
bedöms med registret som det var då (ögonblicksbild i answers/register/<år>.json).
${FIELDS_HELP_SV}

Exempel:
  efterlev service set ubw-agresso --classification K2R3T4S3
  efterlev service set skolplattform --personal-data ja --sensitive nej --third-country okänt`,
  hx_serviceImport: `
Kolumner (svenska eller engelska, i valfri ordning): id, namn, ansvarig, område, leverantör,
personuppgifter, känsliga, tredjeland, och klassning som K, R, T, S i var sin kolumn eller
kombinerat "K3R2T2S2". En rad utan id får id:t för den registrerade tjänsten med samma namn,
annars ett id av namnet (visma-recruit). En tom ja/nej-cell är okänt, en tom klassning ej klassad.
Alla rader kontrolleras först; en enda felaktig rad stoppar hela filen (slutkod 2, radnummer) och
ingenting skrivs. Nya och ändrade tjänster visas innan något skrivs.

Exempel:
  efterlev service import systemforteckning.xlsx --dry-run
  efterlev service import systemforteckning.csv`,
  hx_serviceRetire: '\nExempel:\n  efterlev service retire ubw-agresso --reason "Ersatt av ny ekonomiplattform hösten 2026"',
  hx_serviceList: '\nExempel:\n  efterlev service list\n  efterlev service list --all --json',
  hx_serviceShow: '\nExempel:\n  efterlev service show ubw-agresso',

  // ---- report and incident import ----
  rp_wrote: (year: number, note: string | undefined, out: string) => `Skrev årsrapporten ${year}${note ? ` ${note}` : ''} till ${out} (läsbar bara för dig).`,
  rp_note: (note: string) => `Årsrapporten ${note}.`,
  rp_wroteDeviations: (from: string, to: string, out: string, services: number) => `Skrev avvikelserapporten ${from} – ${to} till ${out}: ${services} tjänster med avvikelser (läsbar bara för dig).`,
  rp_fromToDeviations: '--from och --to gäller avvikelserapporten.',
  rp_fromToDeviationsHint: 'Skriv --kind avvikelser --from ÅÅÅÅ-MM-DD --to ÅÅÅÅ-MM-DD, eller --year ÅR för årsrapporten.',
  rp_annualFormats: 'Årsrapporten skrivs som md, html eller docx.',
  rp_annualFormatsHint: 'XLSX finns för avvikelserapporten (--kind avvikelser) och handlingsplanen (efterlev export).',
  rp_needsOut: (format: string) => `${format.toUpperCase()} skrivs till en fil: ange --out FIL.${format}.`,
  rp_periodNotYear: 'Avvikelserapporten gäller en period, inte ett granskningsår.',
  rp_periodNotYearHint: (year: number) => `Skriv --from ${year}-01-01 --to ${year}-12-31 i stället för --year ${year}.`,
  rp_needsFromTo: (missing: readonly string[]) => `--kind avvikelser kräver ${missing.join(' och ')}.`,
  rp_needsFromToHint: 'T.ex. efterlev report --kind avvikelser --from 2023-01-01 --to 2023-05-31.',
  rp_badDate: (flag: string, raw: string, problem: string) => `--${flag}: '${raw}' är inget datum (${problem}).`,
  rp_fromAfterTo: (from: string, to: string) => `--from (${from}) ligger efter --to (${to}).`,
  rp_fromAfterToHint: 'Perioden börjar med --from och slutar med --to.',
  n_importSummary: (added: number, changed: number, unchanged: number, dryRun: boolean) => `${added} nya, ${changed} ändrade, ${unchanged} oförändrade incidenter${dryRun ? ' (provkörning: ingenting skrevs)' : ''}.`,
  o_inFile: 'CSV med en rubrikrad',
  o_inDryRun: 'visa vad som skulle läsas in utan att skriva något',
  hx_incidentImport: `
Kolumner (svenska eller engelska): id, tjänst, typ, rubrik, beskrivning, inträffad, kännedom,
åtgärdad, leverantör, rotorsaksanalys, åtgärder, status, anmäld till IMY, skäl till dröjsmål,
ej anmäld (motivering), registrerade informerade, tidig varning, incidentanmälan, slutrapport.
En rad med ett id som redan finns ändrar den incidenten; annars läggs en ny till. Alla rader
kontrolleras först; en enda felaktig rad stoppar hela filen (slutkod 2, radnummer och kolumn).

Exempel:
  efterlev incident import incidenter-2025.csv --dry-run`,

  // ---- files, folders and keys ----
  w_diskFull: (path: string, existed: boolean) => `Disken är full: ${path} skrevs inte${existed ? ' och den gamla filen är orörd' : ''}.`,
  w_noFolder: (dir: string) => `Mappen ${dir} finns inte.`,
  w_noPermission: (dir: string) => `Får inte skriva i ${dir}.`,
  w_notAFile: (path: string, kind: string) => `${path} är ${kind}; efterlev skriver bara vanliga filer och aldrig genom länkar.`,
  io_noFile: (file: string) => `Filen ${file} finns inte.`,
  io_kindLink: 'en symbolisk länk',
  io_kindFolder: 'en mapp',
  io_kindFifo: 'en namngiven pipe (FIFO)',
  io_kindSocket: 'en socket',
  io_kindPipe: 'en pipe',
  io_kindDevice: 'en enhetsfil',
  io_kindOther: 'ingen vanlig fil',
  io_notRegular: (file: string, kind: string) => `${file} är ${kind}: efterlev läser bara in vanliga filer, med en övre gräns för storleken.`,
  io_notRegularHint: 'Spara indata i en fil först, t.ex. … > svar.csv, och läs in den filen.',
  k_keyFile: 'Nyckelfilen',
  k_key: 'Nyckeln',
  k_exists: (file: string) => `${file} finns redan: efterlev skriver aldrig över en nyckel.`,
  k_existsHint: 'Välj ett annat namn med --out, eller ta bort den gamla filen först.',
  k_insideWorkspace: (what: string, path: string, root: string) => `${what} ${path} ligger i arbetsytan ${root}: en privat nyckel får aldrig ligga i arbetsytan (den delas, ofta i git, och då kan vem som helst signera).`,
  k_insideWorkspaceHint: 'Lägg nyckeln utanför, t.ex. i ~/.config/efterlev/, läsbar bara för dig (0600).',

  // ---- closed years ----
  cy_closedWhen: (at: string, by: string) => `stängdes ${at} av ${by}`,
  cy_files: (files: readonly string[]) => `${files.length} filer (${files.join(', ')})`,
  cy_closed: (year: number, when: string, named: string) => `Året ${year} är stängt (${when}): ${named} får inte ändras. Ingenting sparades.`,
  cy_closedHint: (year: number) => `Måste året ändras, öppna det först: efterlev year reopen ${year} --reason "varför" --by "namn" (öppningen sparas i answers/closed/${year}.json); stäng det sedan igen med efterlev year close ${year} --by "namn".`,
  cy_noAnswers: (year: number) => `${year} har inga svar (inga svarsfiler i answers/${year}/): ett år utan svar kan inte stängas.`,
  cy_yearsWithAnswers: (years: readonly number[]) => `År med svar: ${years.join(', ') || 'inga'}.`,
  cy_alreadyClosed: (year: number, when: string) => `${year} är redan stängt (${when}).`,
  cy_alreadyClosedHint: 'Se efterlev year list och efterlev verify.',
  cy_earlierOpen: (years: readonly number[]) => `${years.join(', ')} är inte ${years.length === 1 ? 'stängt' : 'stängda'}: år stängs i ordning, eftersom varje år bygger på året före (förra årets svar, återkommande brister).`,
  cy_earlierOpenHint: (year: number) => `Stäng först ${year}: efterlev year close ${year} --by "namn".`,
  cy_laterClosed: (years: readonly number[]) => `${years.join(', ')} är redan ${years.length === 1 ? 'stängt' : 'stängda'}: ett år kan inte stängas efter ett senare år, eftersom kedjan av stängda år går i årsordning.`,
  cy_laterClosedHint: (later: number, year: number) => `Öppna ${later} först om ${year} ska stängas: efterlev year reopen ${later} --reason "varför" --by "namn".`,
  cy_notClosed: (year: number, last: { at: string; by: string } | undefined) => `${year} är inte stängt${last ? ` (öppnades igen ${last.at} av ${last.by})` : ''}.`,
  cy_notClosedHint: 'Se efterlev year list.',
  cy_laterBuildsOn: (years: readonly number[], year: number) => `${years.join(', ')} ${years.length === 1 ? 'är stängt och bygger' : 'är stängda och bygger'} på ${year} (förra årets svar, återkommande brister): ${year} kan inte öppnas medan ett senare år är stängt.`,
  cy_laterBuildsOnHint: (later: number) => `Öppna först ${later}: efterlev year reopen ${later} --reason "varför" --by "namn".`,

  // ---- plan import: what is wrong with an edited action plan ----
  pi_duplicateColumn: (header: string, columns: readonly string[]) => `kolumnen ${header} finns ${columns.length} gånger (kolumn ${list(columns, 'och')}): ta bort eller byt namn på de extra, så att det är klart vilken som gäller`,
  pi_missingColumns: (missing: readonly string[], read: readonly string[]) =>
    `${missing.length === 1 ? 'kolumnen' : 'kolumnerna'} ${list(missing, 'och')} saknas i rubrikraden. plan import läser ${list(read, 'och')}, ` +
    'och utan en av dem skulle de sparade värdena tömmas: ge kolumnen tillbaka sin rubrik, eller exportera på nytt med efterlev export.',
  pi_noHeader: 'hittar ingen rubrikrad med kolumnen Id: plan import läser en handlingsplan som efterlev export har skrivit, med rubrikraden kvar',
  pi_csvQuoteNotClosed: 'ett citattecken (") stängs aldrig',
  pi_csvOpeningQuote: 'ett citattecken (") mitt i ett fält utan citattecken',
  pi_csvAfterClosingQuote: 'tecken direkt efter ett avslutande citattecken (")',
  pi_xlsxMemory: (mb: number) => `XLSX-filen kräver mer minne än ${mb} MB att läsa, och ingen handlingsplan gör det: spara om den i Excel eller LibreOffice, eller exportera på nytt med efterlev export och för in ändringarna där`,
  pi_noId: 'raden har värden men inget Id: skriv tillbaka åtgärdens id, eller töm raden',
  pi_unknownAction: (id: string) => `okänd åtgärd '${id}' för året`,
  pi_duplicateAction: (id: string, line: number) => `åtgärden '${id}' finns redan på rad ${line}`,
  pi_badDate: (raw: string) => `ogiltigt datum '${raw}' (ÅÅÅÅ-MM-DD)`,
  pi_acceptedNeeds: 'en accepterad risk behöver Motivering och Accepterad av',

  // ---- incidents: what is wrong with one ----
  ni_wrongYear: (occurred: string, year: number) => `${occurred} hör inte till ${year} (incidenter sparas efter året de inträffade)`,
  ni_detectedBefore: (detected: string, occurred: string) => `kännedom (${detected}) kan inte vara före inträffad (${occurred})`,
  ni_resolvedBefore: (resolved: string, occurred: string) => `åtgärdad (${resolved}) kan inte vara före inträffad (${occurred})`,
  ni_needsDetected: (label: string) => `${label} kräver att tidpunkten för kännedom (detected) är angiven`,
  ni_beforeDetected: (label: string, value: string, detected: string) => `${label} (${value}) kan inte vara före kännedom (${detected})`,
  ni_imyNotification: 'anmälan till IMY',
  ni_earlyWarning: 'tidig varning',
  ni_notification: 'incidentanmälan',
  ni_finalBeforeNotification: (finalReport: string, notification: string) => `slutrapporten (${finalReport}) kan inte vara före incidentanmälan (${notification})`,
  ni_notifiedAndNot: 'anmäld till IMY och beslut att inte anmäla kan inte båda gälla',
  ni_onlyPersonalData: 'gäller bara personuppgiftsincidenter',
  ni_onlySignificant: 'gäller bara betydande incidenter enligt cybersäkerhetslagen',
  ni_yearNotFileName: (value: number, year: number) => `${value} stämmer inte med filnamnet (${year})`,
  ni_unknown: (id: string) => `Okänd incident '${id}'.`,
  ni_unknownHint: 'Se efterlev incident list.',
  ni_noRegister: (year: number) => `Året ${year} har inget incidentregister än; registrera om incidenten med efterlev incident add.`,
  ni_badMomentHint: (raw: string) => `'${raw}' är ingen tidpunkt; skriv ÅÅÅÅ-MM-DD TT:MM, t.ex. 2025-04-12 14:30`,
  ni_badMoment: (raw: string) => `'${raw}' är ingen tidpunkt`,
  ni_noSuchTime: (raw: string) => `'${raw}': klockslaget finns inte`,
  ni_empty: 'får inte vara tom',
  ni_badKind: (raw: string) => `'${raw}' är ingen incidenttyp; välj major_incident, personuppgiftsincident, informationssakerhetsincident eller betydande_incident`,
  ni_badStatus: (raw: string) => `'${raw}' är ingen status; välj pågår, åtgärdad eller stängd`,
  ni_badDate: (raw: string) => `'${raw}' är inget datum; skriv ÅÅÅÅ-MM-DD`,
  ni_headerMissing: (columns: readonly string[]) => `rubrikraden saknar ${columns.join(', ')}`,
  ni_column_service: 'tjänst',
  ni_column_kind: 'typ',
  ni_column_title: 'rubrik',
  ni_column_occurred: 'inträffad',
  ni_noIncidents: 'inga incidenter att läsa in',
  ni_duplicate: (id: string, line: number) => `incidenten '${id}' finns redan på rad ${line}`,
  ni_unknownService: (id: string) => `okänd tjänst '${id}'`,

  // ---- locks and writes ----
  lk_unknownProcess: 'en okänd process',
  lk_process: (pid: number, host: string) => `process ${pid} på ${host}`,
  lk_takenOver: (file: string, seconds: number) => `Låset på ${file} togs över av en annan process medan efterlev stod still (längre än ${seconds} s, t.ex. Ctrl-Z eller viloläge). Ingenting skrevs.`,
  lk_takenOverHint: 'Kör kommandot igen: det läser filen på nytt och behåller den andres ändringar.',
  lk_notAFolder: 'låset är ingen mapp (en länk eller fil har lagts där): ta bort det för hand',
  lk_whyDead: (pid: number, since: string) => `lämnat av process ${pid} som inte längre finns (sedan ${since})`,
  lk_whyFuture: (at: string) => `med en tid i framtiden (${at}): en klocka går fel, här eller hos den som skapade det`,
  lk_whyStale: (at: string, owner: string) => `inte förnyat sedan ${at} (${owner} svarar inte)`,
  lk_tookOver: (file: string, why: string) => `efterlev: tog över låset på ${file}, ${why}.`,
  lk_locked: (file: string, owner: string, since: string | undefined) => `${file} är låst av ${owner} sedan ${since ?? 'en stund'}. Ingenting skrevs.`,
  lk_lockedHint: 'Vänta tills den andra körningen är klar och försök igen.',
  lk_waiting: (owner: string, file: string) => `efterlev: väntar på att ${owner} ska bli klar med ${file} …`,
  tx_tooLarge: (mb: string, max: number) => `filen skulle bli ${mb} MB, högst ${max} MB sparas; ingenting sparades`,
  tx_notAFolder: (link: boolean) => `är ${link ? 'en symbolisk länk' : 'ingen mapp'}: efterlev skriver aldrig genom länkar`,
  tx_finished: (at: string, files: readonly string[]) => `efterlev: slutförde en avbruten skrivning från ${at}: ${files.join(', ')}.`,
  tx_dropped: (files: readonly string[]) => `efterlev: en avbruten skrivning kunde inte slutföras för ${files.join(', ')} (filen har ändrats sedan); den delen kastades. Kör det avbrutna kommandot igen.`,
  tx_keptChanging: (files: readonly string[]) => `${files.join(', ')} ändrades hela tiden medan efterlev försökte skriva. Ingenting skrevs.`,
  tx_keptChangingHint: 'Försök igen om en stund.',
  pr_row: 'rad',
  pr_column: 'kolumn',
  ni_missing: 'saknas',

  // ---- the examples and explanations under each command's --help ----
  hx_actions: `
En åtgärd per brist och tjänst, med ett id (tjänst:regel) som är detsamma år från år.
Prioritet 1 (högst) till 4 räknas fram ur poäng: allvarlighet stor 5, mellan 3, liten 1; lagkrav +1;
informationsklassning nivå 3 +1, nivå 4 +2; återkommande från förra året +2; dataskyddsombudets
fokuskontrollpunkt +1. Prioritet 1 från 7 poäng, 2 från 5, 3 från 3, annars 4.
Klart senast (förslag): granskningsdagen plus högst 1 månad för P1, 3 för P2, 6 för P3 och 12 för
P4, eller regelns tidsfrist om den är kortare; en högre prioritet får aldrig ett senare datum än en
lägre för samma tjänst. Uppföljningens datum (plan set) går före.
Effekt: hur många poäng kontrollen och tjänsten vinner med det svar som stänger bristen (ett
bättre svar på status- och flervalsfrågor; för tal och datum det närmaste värdet där regeln inte
längre gäller), räknat om av motorn; – när inget enskilt svar stänger bristen. --explain visar
regelns villkor i ord (alla dessa / minst en av / inte) med värdena de prövade.
Accepterade risker listas för sig. Utan --year: senaste året i arbetsytan.

Exempel:
  efterlev actions --year 2025 --top 10
  efterlev actions --year 2025 --service personec-p --sort effect
  efterlev actions --year 2025 --priority 1 --json
  efterlev actions --year 2025 --service telefoni --explain`,
  hx_answer: `
Värden: ja, delvis, nej, ej_tillamplig för statusfrågor; alternativets värde för flervalsfrågor;
ett tal (3,5 och 85 % går också); ett datum ÅÅÅÅ-MM-DD; fri text. Ett ändrat svar sparas med det
tidigare i historiken. Ej tillämplig på en fråga som enligt tjänsteregistret gäller tjänsten
behöver en motivering i --comment.

Exempel:
  efterlev answer --year 2025 --service visma-recruit INC.2=delvis --comment "Rutin för PUI uppdateras"
  efterlev answer --year 2025 --service organisation KP4.1=ja KP4.4=2025-09-30`,
  hx_assess: `
Frågorna kommer kontroll för kontroll. Förra årets svar är förvalt: Enter behåller det, med
kommentar och underlag. Antal för perioden (t.ex. incidenter de senaste 12 månaderna) fylls aldrig
i från förra året, och ett förval som skulle ge en brist i år sägs före Enter. Välj Hjälp för
frågans hjälptext och referenser, Föregående fråga för att gå tillbaka och Hoppa över för att gå
vidare. Varje svar sparas direkt; Ctrl-C avbryter utan att något bekräftat svar går förlorat och
skriver kommandot som fortsätter vid första obesvarade fråga.
Kräver en terminal; för skript finns efterlev answer och efterlev import.

Utan --year: innevarande år (sägs före första frågan). En tjänst som nästan heter som en
registrerad (Telefoni, telefonj) föreslås i stället för att registreras som ny.

Exempel:
  efterlev assess --service visma-recruit
  efterlev assess --year 2025 --service visma-recruit
  efterlev assess --year 2025 --service organisation --control KP4
  efterlev assess --year 2025`,
  hx_compare: `
Per tjänst och kontroll: poäng båda åren, förändringen (↑ ↓ →) och statusändring; totaler per
checklista. Förändringar räknas bara över tjänster som granskats båda åren. Brister som är nya,
åtgärdade (frågorna är besvarade i år och bristen finns inte längre), kvarstående (med året de
först sågs) och ännu inte bedömda i år. En tjänst som inte granskats i år ännu är "ej granskad
ännu", inte borttagen; en tjänst som lämnat registret är borttagen.

Utan år: senaste året i arbetsytan mot året före; med ett år: det året mot det senaste.

Exempel:
  efterlev compare
  efterlev compare 2024 2025
  efterlev compare 2024 2025 --service visma-recruit --details
  efterlev compare --trend --checklist dso
  efterlev compare 2024 2025 --json`,
  hx_export: `
Alla åtgärder med id, prioritet, varför, brist, åtgärd, referens, ansvarig, klart senast, status,
effekt och uppföljning, och en sammanfattning per checklista och kontroll. Första raden märker
filen som konfidentiell; filen blir läsbar bara för ägaren (0600). CSV öppnas direkt i svenskt
Excel (UTF-8 med BOM, semikolon); ingen cell kan starta en formel. Redigera Status, Ansvarig,
Klart senast och Anteckning i filen och läs tillbaka med efterlev plan import.

oscal-ar skriver årets bedömning som OSCAL 1.1 Assessment Results (JSON): ett fynd per bedömd
kontroll och tjänst, en observation per besvarad fråga, en risk per brist. oscal-poam skriver
handlingsplanen som OSCAL Plan of Action and Milestones: en poam-item per åtgärd, med samma
UUID år efter år. Samma arbetsyta ger samma fil byte för byte (se docs/oscal.md).

Utan --year: senaste året i arbetsytan (sägs på stderr när filen skrivs till stdout).

Exempel:
  efterlev export --year 2025 --format xlsx --out handlingsplan-2025.xlsx
  efterlev export --year 2025 --format csv --out handlingsplan-2025.csv --force
  efterlev export --year 2025 --format md > handlingsplan.md
  efterlev export --year 2025 --format oscal-ar --out bedomning-2025.oscal.json
  efterlev export --year 2025 --format oscal-poam --out poam-2025.oscal.json`,
  hx_import: `
CSV: en rubrikrad med kolumnerna service, question, value och valfritt comment, evidence (eller
tjänst, fråga, svar, kommentar, underlag); komma eller semikolon; UTF-8 med eller utan BOM, som Excel
sparar. JSON: { "service": …, "answers": { "LOG.1": { "value": "ja", "comment": … } } } eller en
lista av sådana. Alla rader kontrolleras först: en enda felaktig rad stoppar hela filen (slutkod 2,
en rad per fel med radnummer eller JSON-pekare) och ingenting skrivs.

Året i JSON-filen ska stämma med --year. Svar från förra årets show --json flyttas in i --year med
--from-year ÅR (året i filen jämförs då med --from-year). Antal för perioden (t.ex. incidenter de
senaste 12 månaderna, eller frågor som incidentregistret besvarar) flyttas aldrig: de hoppas över och
räknas upp, eftersom förra årets antal inte är årets.

Exempel:
  efterlev import --year 2025 svar-2025.csv --dry-run
  efterlev import --year 2025 svar-2025.csv --reviewer anna.berg
  efterlev show --year 2025 --service office365 --json > o365.json
  efterlev import --year 2026 --from-year 2025 o365.json --dry-run`,
  hx_incidentAdd: `
Incidenten sparas i answers/incidents/<år>.json efter året den inträffade. Reglerna läser
registret: antal incidenter per typ de senaste tolv månaderna, dröjsmål med anmälan till IMY
och rapporteringskedjan till CSIRT-enheten (tidig varning 24 h, incidentanmälan 72 h,
slutrapport inom en månad). Tidpunkter skrivs ÅÅÅÅ-MM-DD TT:MM (lokal tid) eller med tidszon.

Exempel:
  efterlev incident add --service visma-recruit --kind pui --title "Cyberattack mot underleverantör" \\
    --occurred 2025-04-03 --detected "2025-04-07 09:10" --imy-notified "2025-04-09 15:00" \\
    --supplier "Underleverantör till Visma" --status pågår
  efterlev incident add --service ubw-agresso --kind mi --title "Citrix-skrivbordet startar inte" \\
    --occurred 2025-02-14 --resolved 2025-02-14 --root-cause ja`,
  hx_incidentSet: `
Bara det som anges ändras; ett tomt värde ("") tar bort en uppgift. Det tidigare läget sparas i
registrets historik med vem och när.

Exempel:
  efterlev incident set 2025-004 --resolved 2025-04-14 --status åtgärdad --root-cause ja
  efterlev incident set 2025-004 --final-report 2025-05-10`,
  hx_incidentList: '\nExempel:\n  efterlev incident list --from 2023-01-01 --to 2023-05-31\n  efterlev incident list --service ubw-agresso --kind mi --json',
  hx_init: '\nExempel:\n  efterlev init --name "Exempelstaden – Intraservice"\n  efterlev --dir /srv/efterlev init',
  hx_observationAdd: '\nExempel:\n  efterlev observation add --year 2025 "Cyberattacken mot Visma Recruits underleverantör visar att underbiträden behöver följas upp i avtalen."',
  hx_observationList: '\nExempel:\n  efterlev observation list --year 2025',
  hx_overview: `
Visar hur långt årets granskning har kommit ("6 av 8 tjänster klara, 1 pågår, 1 ej påbörjad"),
poäng och status per checklista över de tjänster som bedömts, varje tjänsts läge och de åtgärder
som bör göras först. Förändringen sedan året före räknas bara över tjänster som granskats båda åren.

Exempel:
  efterlev
  efterlev overview --year 2025
  efterlev --dir /srv/efterlev --json`,
  hx_planSet: `
Det som inte anges behåller sitt tidigare värde. Den tidigare uppföljningen sparas i historiken.
Utan --year: senaste året i arbetsytan (handlingsplanen som följs upp nu), och utskriften säger det.
En åtgärd som markerats klar men vars brist finns kvar ett senare år visas som återöppnad.

Exempel:
  efterlev plan set formansportalen:AVT-pubavtal-brist-aterkommande --year 2025 --status pågår --owner "Sara Ek" --due 2026-03-31
  efterlev plan set telefoni:DRI-manga-allvarliga-incidenter --year 2025 --status accepterad_risk \\
    --motivation "Ny växel upphandlas 2026" --accepted-by "Förvaltningschef"`,
  hx_planImport: `
Raderna matchas på Id. Kolumnerna Status, Ansvarig, Klart senast, Anteckning, Motivering och
Accepterad av läses och måste finnas kvar; allt annat i filen räknas fram på nytt. En cell som är
som den exporterades lämnar det sparade orört, en tömd cell tar bort det sparade värdet (utskriften
visar varje värde som tas bort). Tomma rader hoppas över. Formler och felvärden läses inte: skriv
in värdet. Allt eller inget: okända id:n, ogiltiga statusar eller datum, formler och saknade
kolumner rapporteras med rad och kolumn, och ingenting ändras.

Exempel:
  efterlev plan import handlingsplan-2025.xlsx --year 2025
  efterlev plan import handlingsplan-2025.csv --year 2025 --dry-run`,
  hx_report: `
Årsrapporten (--kind arsrapport, standard, med --year): sammanfattning, resultat per kontrollpunkt
med kommentarer och förändring sedan förra året, IT-säkerhet per kontrollområde över tjänsterna,
täckningen mot ramverken (GDPR, ISO/IEC 27001, cybersäkerhetslagen: antal per resultat och kraven
som svaren visar inte uppfyllda; hela listan med efterlev coverage), stora brister, handlingsplanen
per prioritet, rekommenderade fokuskontrollpunkter för nästa år (röda och försämrade, med skälet)
och särskilda iakttagelser (efterlev observation add). HTML är
en fristående fil med diagram, utskrivbar på A4. DOCX är samma rapport
som Word-dokument (riktiga tabeller, diagrammen som bilder), för nämnden.

Avvikelserapporten (--kind avvikelser, med --from och --to): nämndens redogörelse för allvarliga
kvalitetsavvikelser under perioden. Per verksamhetsområde (registrets område; tjänster utan område
under Övrigt) och tjänst: IT-stöd, åtgärder, status för incidenter (major incidents,
informationssäkerhetsincidenter, betydande incidenter) och för personuppgiftsincidenter, var och en
Avvikelse – stor, Avvikelse – mellan/liten eller Enligt plan efter reglerna som står i rapporten;
sammanfattningen räknar major incidents per tjänst och personuppgiftsincidenter per område. Bara
tjänster med en incident under perioden, eller en öppen, tas upp. HTML och DOCX är liggande A4;
XLSX har ett blad per område och ett sammanfattningsblad.

Rapporterna är märkta konfidentiella och läsbara bara för ägaren. Engelska med --lang en.

Exempel:
  efterlev report --year 2025 --format html --out arsrapport-2025.html
  efterlev report --year 2025 --format docx --out arsrapport-2025.docx
  efterlev report --year 2025 > arsrapport-2025.md
  efterlev --lang en report --year 2025 --format html --out annual-report-2025.html
  efterlev report --kind avvikelser --from 2023-01-01 --to 2023-05-31 --format html --out avvikelser-2301-2305.html
  efterlev report --kind avvikelser --from 2025-01-01 --to 2025-12-31 --format xlsx --out avvikelser-2025.xlsx`,
  hx_score: `
Poäng: ja 1, delvis 0,5, nej 0, obesvarad 0 (ej bedömd); ej tillämplig räknas inte.
Kontrollens poäng är det viktade medelvärdet × 100. Status: Avvikelse – stor under 50 eller vid
en stor brist; Avvikelse – mellan/liten under 80 eller vid annan brist; annars Enligt plan.

Utan --year: senaste året i arbetsytan.

Exempel:
  efterlev score
  efterlev score --year 2025
  efterlev score --year 2025 --service ubw-agresso
  efterlev score --year 2025 --checklist dso --json`,
  hx_show: `
Varje fråga med svar, kommentar, underlag, vem och när, kontroll för kontroll; ingenting kortas av.
Med --history följer varje frågas tidigare värden (äldst först) under den. Utan --year: senaste
året i arbetsytan.

Exempel:
  efterlev show --year 2025 --service formansportalen
  efterlev show --service telefoni --history
  efterlev show --year 2025 --service organisation --json`,
  hx_validate: `
Kör också varje regels exempel (examples) genom motorn.
Skriver en rad per problem med fil och plats (JSON-pekare och rad) och slutar med kod 2;
slutkod 0 när allt är i ordning. Ändrar ingenting.

Exempel:
  efterlev validate
  efterlev --dir ../annan-arbetsyta validate --json`,

  // ---- the remaining option and argument descriptions ----
  o_priority: 'bara en prioritet',
  o_sort: 'inom en prioritet: fast ordning eller störst effekt först',
  o_explain: 'visa varför: regelns villkor i ord med värdena de prövade (json-rules-engine)',
  o_answers: 't.ex. LOG.1=ja KON.3=2025-03-14 DRI.4=7',
  o_answerService: `tjänstens id, eller organisation för dataskyddsombudets kontrollpunkter`,
  o_comment: 'kommentar till svaren',
  o_evidence: 'underlag: dokumentreferens eller länk',
  o_year1: 'det tidigare året',
  o_year2: 'det senare året',
  o_details: 'visa också varje ändrat svar med gammalt → nytt värde och kommentar',
  o_trend: 'varje kontrolls poäng över alla år i arbetsytan, med ett litet diagram',
  o_importFile: 'CSV (service, question, value, comment, evidence) eller JSON som show --json skriver',
  o_fromYear: 'JSON från show --json för ett annat år: flytta svaren därifrån till --year (antal för perioden flyttas inte)',
  o_detected: 'när organisationen fick kännedom, ÅÅÅÅ-MM-DD TT:MM: tidsfristerna räknas härifrån',
  o_resolved: 'när incidenten var åtgärdad',
  o_incidentStatus: 'pågår, åtgärdad eller stängd (standard: pågår, eller åtgärdad med --resolved)',
  o_description: 'beskrivning',
  o_incidentSupplier: 'leverantör eller underleverantör som var inblandad',
  o_rootCause: 'om en rotorsaksanalys är gjord',
  o_actionsTaken: 'vidtagna åtgärder',
  o_imyNotified: 'personuppgiftsincident: när IMY underrättades (inom 72 timmar från kännedom, art. 33.1)',
  o_delayReason: 'personuppgiftsincident: skälen till att anmälan kom efter 72 timmar',
  o_notNotified: 'personuppgiftsincident: dokumenterat beslut att inte anmäla, med skälet (art. 33.5)',
  o_subjectsInformed: 'personuppgiftsincident: om de registrerade har informerats (art. 34)',
  o_earlyWarning: 'betydande incident: tidig varning till CSIRT-enheten (inom 24 timmar)',
  o_notification: 'betydande incident: incidentanmälan till CSIRT-enheten (inom 72 timmar)',
  o_finalReport: 'betydande incident: slutrapport (inom en månad efter incidentanmälan)',
  o_incidentId: 'eget id (annars ÅÅÅÅ-nnn)',
  o_incidentIdArg: 'incidentens id',
  o_from: 'inträffade från och med',
  o_to: 'inträffade till och med',
  o_orgName: 'organisationens namn',
  o_observation: 'iakttagelsen',
  o_actionId: 'åtgärdens id, som efterlev actions visar (tjänst:regel)',
  o_actionOwner: 'ansvarig för åtgärden',
  o_due: 'klart senast',
  o_note: 'anteckning',
  o_motivation: 'motivering, krävs för accepterad_risk',
  o_acceptedBy: 'vem som accepterade risken, krävs för accepterad_risk',
  o_planFile: 'handlingsplanen som XLSX eller CSV (från efterlev export)',
  o_kind: 'vilken rapport',
  o_periodFrom: 'avvikelser: periodens första dag',
  o_periodTo: 'avvikelser: periodens sista dag',
  o_reportFormat: 'filformat (standard: md; docx och xlsx bara med --out, xlsx bara för avvikelser)',
  o_reportOut: 'filen att skriva (utan: stdout; krävs för docx och xlsx)',
  o_checklistEg: 'bara en checklista, t.ex. itsak eller dso',
  o_showService: 'tjänstens id, eller organisation',
  o_history: 'visa också varje tidigare värde per fråga, med vem och när',
  o_yearRequired: (year: string) => `${year} (krävs: svaren skrivs till det året)`,
  o_reportYear: (year: string) => `årsrapporten: ${year}`,

  // ---- reading files: JSON, its schema, regular files ----
  js_invalid: (what: string) => `ogiltig JSON: ${what}`,
  js_parseError: (code: string) =>
    ({
      InvalidSymbol: 'ogiltigt tecken',
      InvalidNumberFormat: 'ogiltigt tal',
      PropertyNameExpected: 'egenskapsnamn väntades',
      ValueExpected: 'värde väntades',
      ColonExpected: 'kolon väntades',
      CommaExpected: 'komma väntades',
      CloseBraceExpected: '} väntades',
      CloseBracketExpected: '] väntades',
      EndOfFileExpected: 'filen borde ha slutat här',
      InvalidCommentToken: 'kommentarer är inte tillåtna i JSON',
      UnexpectedEndOfComment: 'oavslutad kommentar',
      UnexpectedEndOfString: 'oavslutad sträng',
      UnexpectedEndOfNumber: 'oavslutat tal',
      InvalidUnicode: 'ogiltig unicode-escape',
      InvalidEscapeCharacter: 'ogiltig escape-sekvens',
      InvalidCharacter: 'ogiltigt tecken i sträng',
    })[code] ?? code,
  js_expected: (expected: string) => ({ string: 'text', number: 'tal', boolean: 'true eller false', object: 'objekt', array: 'lista' })[expected] ?? expected,
  js_wrongType: (expected: string) => `fel typ: ${expected} väntades`,
  js_unknownKey: (keys: readonly PropertyKey[]) => `okänd nyckel ${keys.map((k) => `'${String(k)}'`).join(', ')}`,
  js_invalidValue: (values: readonly string[]) => `ogiltigt värde, tillåtna: ${values.join(', ')}`,
  js_minElements: (n: string) => `minst ${n} element krävs`,
  js_tooSmall: (n: string) => `för litet värde, minst ${n}`,
  js_maxElements: (n: string) => `högst ${n} element`,
  js_maxCharacters: (n: string) => `högst ${n} tecken`,
  js_tooBig: (n: string) => `för stort värde, högst ${n}`,
  js_invalidFormat: (format: string) => `ogiltigt format (${format})`,
  js_invalidUnion: 'värdet passar ingen av de tillåtna formerna',
  js_invalidKey: 'ogiltig nyckel',
  js_invalidElement: 'ogiltigt element',
  js_invalidNumber: 'ogiltigt tal',
  js_keyNotAllowed: (key: string) => `nyckeln '${key}' är inte tillåten`,
  js_notUtf8: 'filen är inte giltig UTF-8',
  js_duplicateKey: (key: string, line: number) => `nyckeln '${key}' finns redan på rad ${line}`,
  js_tooDeep: (max: number) => `för djupt nästlad, mer än ${max} nivåer`,
  io_isLink: 'är en symbolisk länk: efterlev läser och skriver aldrig genom länkar i arbetsytan',
  io_isNotRegular: (kind: string) => `är ${kind}, inte en vanlig fil`,
  io_tooLarge: (size: string | undefined, max: string) => `filen är för stor (${size !== undefined ? `${size}, ` : 'växer medan den läses, '}högst ${max})`,

  // ---- export, import, compare, incidents and observations: the rest ----
  x_noActionsForPoam: (year: number) => `Handlingsplanen ${year} har inga åtgärder; en OSCAL POA&M måste ha minst en.`,
  im_allPerPeriod: (n: number, from: number, year: number) => `alla ${n} svar är antal för perioden, som inte flyttas från ${from} till ${year}: inget att importera`,
  im_notApplicable: (question: string, service: string) => `varning: ${question} gäller inte ${service}; svaret sparas men räknas inte.`,
  im_perPeriodSkipped: (n: number, from: number, year: number, which: string) => `${n} svar flyttas inte från ${from} till ${year}, eftersom de är antal för perioden (förra periodens antal är inte årets): ${which}`,
  cp_twoYears: 'Ange två år, t.ex. efterlev compare 2024 2025, eller --trend.',
  cp_noAnswers: 'Arbetsytan har inga svar ännu.',
  cp_answersFor: (years: readonly number[]) => `Arbetsytan har svar för ${years.join(', ')}.`,
  cp_differentYears: 'Ange två olika år.',
  e_controlCharacterHint: 'Ta bort styrtecknet (ofta följer det med inklistrad text) och försök igen.',
  ni_badKindFlag: (raw: string) => `--kind: '${raw}' är ingen incidenttyp.`,
  ni_chooseKind: 'Välj major_incident, personuppgiftsincident, informationssakerhetsincident eller betydande_incident (cybersäkerhetslagen); även mi, pui, betydande.',
  o_kinds: 'major_incident, personuppgiftsincident, informationssakerhetsincident eller betydande_incident (cybersäkerhetslagen); även mi, pui, betydande',
  ob_empty: 'Iakttagelsen är tom.',
  ob_saved: (year: number, note: string | undefined) => `Sparade en särskild iakttagelse för ${year}${note ? ` ${note}` : ''}.`,
  ob_none: (year: number, note: string | undefined) => `Inga särskilda iakttagelser för ${year}${note ? ` ${note}` : ''}.`,

  // ---- git merge-file: why a file could not be merged, and what was decided ----
  gm_our: 'vår',
  gm_their: 'deras',
  gm_base: 'basen',
  gm_ourSide: 'vår sida',
  gm_theirSide: 'deras sida',
  gm_theFile: 'filen',
  gm_differentYears: (ours: number, theirs: number, base: number | undefined) => `sidorna gäller olika år (vår: ${ours}, deras: ${theirs}${base !== undefined ? `, basen: ${base}` : ''})`,
  gm_differentServices: (ours: string, theirs: string, base: string | undefined) => `sidorna gäller olika tjänster (vår: '${ours}', deras: '${theirs}'${base !== undefined ? `, basen: '${base}'` : ''})`,
  gm_differentVersions: (ours: string, theirs: string) =>
    `svaren är skrivna för olika katalogversioner (vår: ${ours}; deras: ${theirs}), och samma fråge-id behöver inte betyda samma fråga. ` +
    'Kör efterlev migrate på grenen med den äldre versionen (med samma efterlev som den andra) och slå ihop igen',
  gm_answerRemovedChanged: (question: string, side: string, value: string) => `${question}: borttaget på ${side} sida och ändrat på den andra; det ändrade svaret ${value} behölls`,
  gm_answerBoth: (question: string, winner: string, loser: string) => `${question}: besvarad på båda sidor; det senare svaret ${winner} gäller, det andra ${loser} ligger i historiken`,
  gm_followUpRemovedChanged: (action: string, side: string) => `${action}: uppföljningen borttagen på ${side} sida och ändrad på den andra; den ändrade behölls`,
  gm_followUpBoth: (action: string, winner: string, loser: string) => `${action}: följd upp på båda sidor; den senare ${winner} gäller, den andra ${loser} ligger i historiken`,
  gm_incidentRemovedChanged: (id: string, side: string) =>
    `${id}: borttagen på ${side} sida (flyttad till ett annat år?) och ändrad på den andra; den ändrade behölls. ` +
    'Kör efterlev validate efter sammanslagningen: en incident får bara finnas i ett år',
  gm_incidentBothAdded: (id: string, ours: string, theirs: string) => `incidenten '${id}' registrerades på båda sidor med olika innehåll (${ours} och ${theirs}); ett eget id kan inte numreras om utan att fråga`,
  gm_incidentBoth: (id: string, winner: string, loser: string) => `${id}: ändrad på båda sidor; den senare versionen ${winner} gäller, den andra ${loser} ligger i historiken`,
  gm_incidentRenumbered: (id: string, keptTitle: string, keptAt: string, title: string, at: string, next: string) =>
    `${id}: två olika incidenter fick samma id på var sin gren; '${keptTitle}' (registrerad ${keptAt}) behöll det, ` + `'${title}' (registrerad ${at}) har nu id ${next}`,
  gm_serviceRemovedChanged: (id: string, side: string) => `'${id}' (borttagen på ${side} sida, ändrad på den andra)`,
  gm_serviceBoth: (id: string, added: boolean) => `'${id}' (${added ? 'tillagd' : 'ändrad'} olika på båda sidor)`,
  gm_registerConflict: (what: string, conflicts: readonly string[]) => `${what} har ändrats olika på båda sidor: ${conflicts.join(', ')}; tjänsteregistret slås bara ihop där sidorna inte ändrat samma sak`,
  gm_organisation: 'Organisationen',
  gm_organisationFields: 'namn, ansvarig eller fokuskontrollpunkter',
  gm_services: 'Tjänsterna',
  gm_organisationOf: (year: number) => `Organisationen i ${year} års register`,
  gm_servicesOf: (year: number) => `Tjänsterna i ${year} års register`,
  gm_unknownFile: 'efterlev slår bara ihop arbetsytans svarsfiler, handlingsplaner, incidentregister, särskilda iakttagelser och tjänsteregister (answers/…), och känner inte igen den här filen',
  gm_noPath: 'det går inte att se vad för slags fil det är (ange sökvägen som fjärde argument, %P)',

  // ---- keys, closing, rollup, answer import, the register and answer files ----
  e_badServiceId: (id: string) => `'${id}' är inget giltigt tjänste-id`,
  cy_changedWhileClosing: (file: string, year: number) => `${file} ändrades medan ${year} stängdes. Ingenting skrevs.`,
  cy_tryAgain: 'Försök igen.',
  cy_previousManifestBad: (previous: number, year: number) => `manifestet för ${previous} stämmer inte med sin kontrollsumma; ${year} länkas inte till det. Kör efterlev verify.`,
  cy_keptComing: (year: number) => `Svarsfiler för ${year} tillkom hela tiden medan året stängdes. Ingenting skrevs.`,
  cy_keptComingHint: 'Försök igen när ingen annan svarar för året.',
  k_notEd25519: (shown: string, kind: string | undefined) => `${shown} är ingen Ed25519-nyckel${kind ? ` (utan ${kind})` : ''}.`,
  k_makeKeyPair: 'Skapa ett nyckelpar med efterlev year keygen --out FIL.',
  k_encrypted: (shown: string) => `${shown} är krypterad med lösenord; efterlev läser bara okrypterade nycklar (skydda filen med rättigheter, 0600).`,
  k_notPrivate: (shown: string) => `${shown} är ingen privat nyckel i PEM-format.`,
  k_isPrivate: (shown: string) => `${shown} är en privat nyckel: ange den publika (FIL.pub).`,
  k_isPrivateHint: 'Den privata nyckeln behövs bara för att signera, och ska inte lämnas ut.',
  k_notPublic: (shown: string) => `${shown} är ingen publik nyckel i PEM-format.`,
  k_notPublicHint: 'Ange den publika nyckeln som efterlev year keygen skrev (FIL.pub).',
  o_incidentService: 'tjänsten incidenten gäller',
  o_occurred: 'när incidenten inträffade (avgör vilket års register den hamnar i)',
  r_sameOrganisationId: (id: string, a: string, b: string) => `organisations-id '${id}' finns i både ${a} och ${b}; ge någon av dem ett eget id (organisation.id i answers/services.json)`,
  ir_missingColumns: (missing: readonly string[]) => `kolumnerna ${missing.join(', ')} saknas i rubrikraden (service, question, value och gärna comment, evidence)`,
  ir_notFromYear: (said: number, from: number) => `året ${said} stämmer inte med --from-year ${from}`,
  ir_notYear: (said: number, year: number) => `året ${said} stämmer inte med --year ${year}. Flytta svaren från ${said} till ${year} med --from-year ${said} (antal för perioden flyttas inte)`,
  ir_fromYearCsv: '--from-year flyttar svar ur JSON som show --json skriver, där året står; en CSV-fil säger inte vilket år den är från.',
  ir_fromYearCsvHint: 'Importera CSV-filen utan --from-year.',
  sv_exists: (id: string) => `Tjänsten '${id}' finns redan i registret.`,
  sv_existsHint: (id: string) => `Ändra den med efterlev service set ${id} …`,
  sv_duplicate: (id: string) => `tjänsten '${id}' finns redan`,
  e_serviceNotFileName: (said: string, service: string) => `'${said}' stämmer inte med filnamnet ('${service}')`,
  e_yearNotFolder: (said: number, year: number) => `${said} stämmer inte med mappen (${year})`,
  e_questionFromLater: (id: string, checklist: string, from: string) => `frågan '${id}' hör till checklistan ${checklist}, som gäller från ${from}`,
  e_unknownQuestionIn: (id: string, organisation: boolean) => `okänd fråga '${id}' för ${organisation ? 'organisationen' : 'en tjänst'}`,
  e_noMigration: (checklist: string, version: string, current: string) => `svaren är skrivna för ${checklist} ${version}, och det finns ingen flyttning därifrån till ${current} (checklists/migrations)`,

  // ---- edited tables, the follow-up store, answer import, years, validate ----
  pt_tooManyColumns: (max: number, letters: string) => `plan import läser högst ${max} kolumner (till och med ${letters}). Ta bort innehållet längst till höger och spara igen.`,
  pt_tooManyRows: (line: number, max: string) => `innehåll på rad ${line}: plan import läser högst ${max} rader. Ta bort innehållet längre ned (Ctrl+End visar den sista cellen med innehåll) och spara igen.`,
  pt_formula: (formula: string | undefined, error: string | undefined, shows: string | undefined) =>
    `cellen är en formel${formula !== undefined ? ` (=${formula})` : ''}${error !== undefined ? ` som ger felet ${error}` : shows !== undefined ? ` som visar '${shows}'` : ''}`,
  pt_typedFormula: (what: string, first: string, formula: string) => `${what}: Excel gjorde det som skrevs till en formel eftersom det börjar med ${first}. Skriv en apostrof först ('${formula}) så blir det text.`,
  pt_noFormulas: (what: string) => `${what}: plan import läser bara inskrivna värden, inte formler. Skriv in värdet i stället.`,
  pt_errorValue: (error: string) => `cellen innehåller felvärdet ${error}: skriv in värdet i stället.`,
  pt_badDate: 'cellen har ett ogiltigt datum: skriv det som ÅÅÅÅ-MM-DD.',
  pt_cannotRead: (message: string) => `kan inte läsa XLSX: ${message}`,
  ps_removed: 'borttagen',
  ps_changedMeanwhile: (who: readonly string[]) => `Uppföljningen ändrades av någon annan medan kommandot arbetade: ${who.join(', ')}. Ingenting ändrades.`,
  ps_changedMeanwhileHint: 'Kör kommandot igen: det utgår då från det senaste.',
  ip_unknownService: (id: string, known: readonly string[]) => `okänd tjänst '${id}' (kända: ${known.join(', ')})`,
  ip_duplicate: (question: string, service: string, where: string) => `${question} för ${service} förekommer redan (${where})`,
  e_badYearRange: (raw: string, min: number, max: number) => `Ogiltigt år '${raw}': ange ett årtal ${min}–${max}.`,
  tx_pending: (root: string) => `efterlev: ${root} har en avbruten skrivning som inte är slutförd; kör ett efterlev-kommando i den arbetsytan.`,
  io_special: (kind: string) => `är ${kind}: efterlev läser och skriver aldrig genom länkar eller specialfiler i arbetsytan; ersätt den med en vanlig fil eller mapp, eller ta bort den`,
  va_noRegister: 'tjänsteregistret saknas (skapa med efterlev init)',
  va_notRegistered: (id: string) => `tjänsten '${id}' finns inte i tjänsteregistret`,
  va_fileNames: (folder: string) => `filerna i ${folder}/ heter <år>.json`,

  // ---- the annual report (report --year) ----
  decimalMark: ',',
  report_word: 'årsrapport',
  report_title: (year: number) => `Efterlevnadskontroll och dataskyddsombudets kontrollpunkter ${year}`,
  report_comparedWith: (prev: number) => ` · jämfört med ${prev}`,
  report_evidence: (withEvidence: number, answered: number, legalYesWithout: number) => `${withEvidence} av ${answered} svar anger underlag${legalYesWithout > 0 ? `; ${legalYesWithout} lagkrav är besvarade Ja utan underlag` : ''}.`,
  report_summary: 'Sammanfattning',
  report_summaryText: (year: number, review: string, organisation: string, major: number, actions: number, p1: number, evidence: string) =>
    `Granskningen ${year}: IT-tjänsterna ${review}; organisationens kontrollpunkter: ${organisation}. Poäng och status avser det som har bedömts; obesvarade frågor räknas inte. Granskningen fann ${major} stora brister; handlingsplanen har ${actions} åtgärder, varav ${p1} med prioritet 1. ${evidence}`,
  report_checklist: 'Checklista',
  report_changeBoth: 'Förändring (granskade båda åren)',
  report_assessed: 'Bedömda',
  report_of: (n: number, total: number) => `${n} av ${total}`,
  report_perControlPoint: 'Resultat per kontrollpunkt',
  report_controlPoint: 'Kontrollpunkt',
  report_scorePerControlPoint: (prev: number | undefined, year: number) => `Poäng per kontrollpunkt${prev ? `, ${prev} och ${year}` : ''}`,
  report_change: 'Förändring',
  report_comments: 'Kommentarer',
  report_itSecurity: 'IT-säkerhet per kontrollområde',
  report_area: 'Område',
  report_meanPerArea: 'Medelpoäng över tjänsterna per område',
  report_meanScore: 'Medelpoäng',
  report_servicesByStatus: 'Tjänster: enligt plan / mellan / stor / ej bedömd',
  report_statusOfAll: 'Status för alla kontroller i alla tjänster',
  report_theOrganisation: 'organisationen',
  report_nServices: (n: number) => `${n} tjänster`,
  report_frameworks: 'Täckning mot ramverk',
  report_frameworksText: (year: number) =>
    `Hur årets svar visar ramverkens krav uppfyllda, genom frågornas koppling till kraven (checklists/mappings). Uppfyllt: varje svar är det bästa och minst en fråga täcker hela kravet. Ej täckt: ingen fråga i katalogen ger underlag, en brist i katalogen snarare än i svaren. Hela listan per krav: efterlev coverage --year ${year} --framework ID.`,
  report_framework: 'Ramverk',
  report_requirements: 'Krav',
  report_requirement: 'Krav',
  report_noShortfall: (partOnly: number) => `Inget krav brister i svaren${partOnly > 0 ? `; ${partOnly} är delvis uppfyllda bara för att frågorna täcker en del av dem` : ''}.`,
  report_shortfalls: (partOnly: number) => `Krav som svaren visar ej uppfyllda eller delvis uppfyllda, med frågorna vars svar brister${partOnly > 0 ? ` (ytterligare ${partOnly} krav är delvis uppfyllda bara för att frågorna täcker en del av dem)` : ''}:`,
  report_result: 'Resultat',
  report_questionsShort: 'Frågor med brist',
  report_majorGaps: 'Stora brister',
  report_noMajorGaps: 'Inga stora brister.',
  report_action: 'Åtgärd',
  report_actionPlan: 'Handlingsplanen',
  report_priority: 'Prioritet',
  report_actions: 'Åtgärder',
  report_fixFirst: 'Åtgärda först:',
  report_topAction: (priority: number, id: string, why: string, action: string, owner: string, due: string) => `P${priority} ${id} (${why}): ${action} Ansvarig: ${owner}, klart senast ${due}.`,
  report_acceptedRisks: 'Accepterade risker:',
  report_acceptedRisk: (id: string, finding: string, motivation: string, by: string) => `${id}: ${finding} Motivering: ${motivation} (${by})`,
  report_focus: (year: number) => `Rekommenderade fokuskontrollpunkter ${year}`,
  report_noFocus: 'Inga kontrollpunkter är röda eller försämrade.',
  report_points: (score: string) => `${score} poäng`,
  report_fell: (change: string, since: number | undefined) => `försämring ${change} sedan ${since}`,
  report_observations: 'Särskilda iakttagelser',
  report_noObservations: 'Inga särskilda iakttagelser har registrerats.',
  report_controls: 'Antal kontroller',
  report_page: 'Sida',
  report_pageOf: 'av',

  // ---- the deviation report (report --kind avvikelser) ----
  dev_other: 'Övrigt',
  dev_notice: (from: string, to: string, organisation: string) => `KONFIDENTIELLT – avvikelserapport ${from} – ${to} för ${organisation}. Innehåller kända säkerhetsbrister och personuppgiftsincidenter: sprid inte utanför behöriga.`,
  orWord: 'eller',
  dev_majors: (n: number) => `${n} ${n === 1 ? 'major incident' : 'major incidents'}`,
  dev_breaches: (n: number) => `${n} ${n === 1 ? 'personuppgiftsincident' : 'personuppgiftsincidenter'}`,
  dev_incidents: (n: number) => `${n} ${n === 1 ? 'incident' : 'incidenter'}`,
  dev_services: (n: number) => `${n} ${n === 1 ? 'tjänst' : 'tjänster'}`,
  dev_beforePeriod: 'inträffade före perioden och var öppen när den började',
  dev_resolvedOn: (date: string, afterEnd: boolean) => `åtgärdad ${date}${afterEnd ? ', efter periodens slut' : ''}`,
  dev_ongoing: 'pågår, inte åtgärdad',
  dev_closed: 'stängd',
  dev_resolved: 'åtgärdad',
  dev_stepMissing: (label: string, late: boolean, limit: number) => `${label} saknas${late ? ` (fristen ${limit} h har gått ut)` : ''}`,
  dev_stepHours: (hours: string, late: boolean, limit: number) => ` (${hours} h${late ? `, för sent: frist ${limit} h` : ''})`,
  dev_earlyWarning: 'Tidig varning till CSIRT-enheten',
  dev_notification: 'incidentanmälan',
  dev_finalReport: (date: string) => `slutrapport ${date}`,
  dev_finalReportMissing: 'slutrapport saknas',
  dev_imyHours: (hours: string) => `, ${hours} h efter kännedom`,
  dev_imyNotified: 'Anmäld till IMY',
  dev_delayReason: 'skäl till dröjsmålet',
  dev_noDelayReason: 'utan angivet skäl till dröjsmålet',
  dev_imyNotNotified: 'Inte anmäld till IMY',
  dev_imyAssessing: 'Bedömning pågår: 72 timmar från kännedom har inte gått.',
  dev_imyNoDecision: 'Beslut om anmälan till IMY saknas.',
  dev_unresolved: (open: number) => `${open} ${open === 1 ? 'incident' : 'incidenter'} inte åtgärdad${open === 1 ? '' : 'e'} vid periodens slut`,
  dev_manyMajor: (n: number, limit: number) => `${n} ${n === 1 ? 'major incident' : 'major incidents'} under perioden (${limit} eller fler)`,
  dev_lateCsirt: 'för sen rapportering till CSIRT-enheten',
  dev_handled: (n: number, anyOpen: boolean) => `${n} ${n === 1 ? 'incident' : 'incidenter'}, ${anyOpen ? 'ingen major incident öppen' : n === 1 ? 'åtgärdad' : 'alla åtgärdade'}`,
  dev_noIncidents: 'Inga incidenter',
  dev_notifiedCount: (n: number) => `${n} ${n === 1 ? 'personuppgiftsincident' : 'personuppgiftsincidenter'} anmäld${n === 1 ? '' : 'a'} till IMY`,
  dev_lateWithoutReason: 'anmäld efter mer än 72 timmar utan angivet skäl',
  dev_noDecision: 'beslut om anmälan till IMY saknas',
  dev_notNotifiedCount: (n: number) => `${n} ${n === 1 ? 'personuppgiftsincident' : 'personuppgiftsincidenter'}, inte anmäld${n === 1 ? '' : 'a'} till IMY efter dokumenterad bedömning (låg risk)`,
  dev_beingAssessed: (n: number) => `${n} under bedömning`,
  dev_noBreachesInPeriod: 'Inga personuppgiftsincidenter under perioden',
  dev_noActions: 'Inga åtgärder registrerade',
  dev_colService: 'Tjänst (ansvarig)',
  dev_colSystem: 'IT-stöd',
  dev_colActions: 'Åtgärder',
  dev_colIncidents: 'Status incidenter',
  dev_colBreaches: 'Status personuppgiftsincidenter',
  dev_retired: ' (avvecklad)',
  dev_countIn: (count: string, name: string) => `${count} i ${name}`,
  dev_noMajorsInPeriod: 'Inga major incidents under perioden.',
  dev_inPeriod: 'Under perioden',
  dev_oneNotified: ', anmäld till IMY',
  dev_notifiedOf: (n: number) => `, varav ${n} anmäld${n === 1 ? '' : 'a'} till IMY`,
  dev_whereOne: (all: boolean, area: string) => `${all ? 'alla ' : ''}inom ${area}`,
  dev_whereCount: (count: number, area: string) => `${count} inom ${area}`,
  dev_noneIn: (areas: string) => `; inga inom ${areas}`,
  dev_reportedLate: (n: number) => `; ${n} rapporterad${n === 1 ? '' : 'e'} för sent till CSIRT-enheten`,
  dev_significant: 'Betydande incidenter enligt cybersäkerhetslagen',
  dev_informationSecurity: 'Informationssäkerhetsincidenter',
  dev_carriedOver: (n: number) => `${n} ${n === 1 ? 'incident' : 'incidenter'} från före perioden var fortfarande ${n === 1 ? 'öppen' : 'öppna'} när den började.`,
  dev_openAtEnd: (n: number) => `${n} ${n === 1 ? 'incident' : 'incidenter'} var inte ${n === 1 ? 'åtgärdad' : 'åtgärdade'} vid periodens slut.`,
  dev_servicesWithout: (without: number, total: number) => `${without} av ${total} tjänster hade ingen incident under perioden och ingen öppen incident; de redovisas inte i tabellerna.`,
  dev_legendMajorIncidents: (many: number) => `En major incident eller betydande incident var inte åtgärdad vid periodens slut; ${many} eller fler major incidents i tjänsten under perioden; eller en betydande incident rapporterades för sent till CSIRT-enheten (tidig varning mer än 24 timmar, incidentanmälan mer än 72 timmar efter kännedom, eller saknas när fristen har gått ut).`,
  dev_legendMajorBreaches: 'En personuppgiftsincident anmäldes till IMY (sannolik risk för de registrerades rättigheter och friheter); anmäldes mer än 72 timmar efter kännedom utan angivet skäl; eller saknar beslut om anmälan när 72 timmar har gått.',
  dev_legendMediumIncidents: 'Incidenter under perioden, eller öppna från tidigare, utan något av ovanstående: t.ex. major incidents som åtgärdades, informationssäkerhetsincidenter.',
  dev_legendMediumBreaches: 'Alla personuppgiftsincidenter har ett dokumenterat beslut att inte anmäla till IMY (ingen sannolik risk), eller är inom 72 timmar från kännedom.',
  dev_legendNoIncidents: 'Inga incidenter.',
  dev_legendNoBreaches: 'Inga personuppgiftsincidenter.',
  dev_title: 'Allvarliga kvalitetsavvikelser: incidenter och personuppgiftsincidenter',
  dev_period: 'Period',
  dev_noneAtAll: (total: number) => `Inga incidenter under perioden: ingen av de ${total} tjänsterna i registret hade en incident eller en öppen incident.`,
  dev_areaHeading: (area: string) => `Återrapportering tjänster med avvikelser: ${area}`,
  dev_howColours: 'Så sätts statusfärgerna',
  dev_howTables: (asOf: string) => `Tabellerna tar upp tjänsterna som hade en incident under perioden, eller en incident från tidigare som inte var åtgärdad när perioden började. Status incidenter avser major incidents, informationssäkerhetsincidenter och betydande incidenter enligt cybersäkerhetslagen; Status personuppgiftsincidenter avser personuppgiftsincidenterna och anmälan till IMY. Åtgärder är incidenternas vidtagna åtgärder. Tjänst (ansvarig), IT-stöd och område är tjänsteregistrets uppgifter i dag; tidsfrister som inte har hållits räknas fram till ${asOf}.`,

  // ---- export: the action plan as a file ----
  x_actionPlanWord: 'handlingsplan',
  x_notice: (document: string, year: number, organisation: string) => `KONFIDENTIELLT – ${document} ${year} för ${organisation}. Innehåller kända säkerhetsbrister: sprid inte utanför behöriga.`,
  x_actionPlan: 'Handlingsplan',
  x_summaryPerControl: 'Sammanfattning per kontroll',
  x_colPrio: 'Prio',
  x_colWhy: 'Varför',
  x_colFinding: 'Brist',
  x_colAction: 'Åtgärd',
  x_colReference: 'Referens',
  x_colDue: 'Klart senast',
  x_printHeader: (title: string) => `&LKONFIDENTIELLT&C${title}&RSida &P av &N`,
  x_invalidStatus: 'Ogiltig status',
  x_statusIsOneOf: (listed: string) => `Status är en av ${listed}: välj i listan.`,

  // ---- actions --explain: a rule's conditions in words ----
  explain_months: (n: number) => `${n} ${n === 1 ? 'månad' : 'månader'}`,
  explain_reviewDate: 'granskningsdagen',
  explain_before: 'före',
  explain_lastYear: (id: string) => `${id} förra året`,
  explain_seenLastYear: 'förra årets svar',
  explain_seenAnswer: 'svaret',
  explain_level: (v: string) => `nivå ${v}`,
  explain_serviceField: (key: string) => `tjänstens ${key}`,
  explain_registerCovers: 'incidentregistret täcker de senaste 12 månaderna',
  explain_registerNotCovers: 'incidentregistret täcker inte de senaste 12 månaderna',
  explain_maxImyDelay: 'längsta tiden från kännedom till anmälan till IMY de senaste 12 månaderna',
  explain_hours: 'timmar',
  explain_reviewYear: 'granskningsåret',
  explain_unanswered: 'obesvarad',
  explain_not: 'inte',
  explain_neither: (a: string, b: string) => `varken ${a} eller ${b}`,
  explain_noneOf: (items: string) => `inget av ${items}`,
  explain_is: 'är',
  explain_was: 'var',
  /** [greaterThanInclusive, greaterThan, lessThan, lessThanInclusive] (op 0–3): counts are fewer or more, levels lower or higher. */
  explain_scale: (kind: string, op: number, n: string) =>
    (
      ({
        count: [`${n} eller fler`, `fler än ${n}`, `färre än ${n}`, `${n} eller färre`],
        level: [`${n} eller högre`, `högre än ${n}`, `lägre än ${n}`, `${n} eller lägre`],
        year: [`${n} eller senare`, `senare än ${n}`, `före ${n}`, `${n} eller tidigare`],
      }) as Record<string, string[]>
    )[kind]?.[op] ?? [`${n} eller mer`, `mer än ${n}`, `mindre än ${n}`, `${n} eller mindre`][op]!,
  explain_olderThan: (is: string, months: string) => `${is} äldre än ${months} före granskningsdagen`,
  explain_atMost: (is: string, months: string) => `${is} högst ${months} före granskningsdagen`,
  explain_orLater: 'eller senare',
  explain_notEvaluated: '(inte prövat)',
  explain_limit: 'gränsen',

  // ---- incident list and incident show ----
  inc_reasonGiven: ', skäl angivet',
  inc_lateWithoutReason: ', för sent utan skäl',
  inc_notNotified: 'ej anmäld',
  inc_noDecision: 'beslut om anmälan saknas',
  inc_missing: 'saknas',
  inc_earlyWarning: 'tidig varning',
  inc_notification: 'incidentanmälan',
  inc_finalReport: 'slutrapport',
  inc_none: 'Inga incidenter.',
  inc_occurred: 'Inträffad',
  inc_kind: 'Typ',
  inc_title: 'Rubrik',
  inc_reporting: 'Rapportering',
  inc_register: (n: number) => `Incidentregistret: ${n} incidenter`,
  inc_detected: 'Kännedom',
  inc_resolved: 'Åtgärdad',
  inc_rootCause: 'Rotorsaksanalys',
  inc_rootCauseDone: 'gjord',
  inc_rootCauseNotDone: 'inte gjord',
  inc_description: 'Beskrivning',
  inc_actions: 'Åtgärder',
  inc_subjectsInformed: 'Registrerade informerade',
  inc_recorded: 'Registrerad',
  inc_earlierVersions: (n: number) => `${n} tidigare versioner i historiken`,

  // ---- actions: the prioritised list ----
  act_evidenceFor: (question: string) => `underlag för ${question}`,
  act_noFix: 'inget enskilt svar stänger bristen',
  act_effectLine: (control: string, service: string, fix: string) => `kontrollen ${control}, tjänsten ${service} (med ${fix})`,
  act_why: 'Varför:',
  act_finding: 'Brist',
  act_action: 'Åtgärd',
  act_effect: 'Effekt',
  act_effectWith: (fix: string) => `Effekt med ${fix}`,
  act_reopened: 'återöppnad',
  act_reference: 'Referens',
  act_ownerDue: 'Ansvarig, klart senast',
  act_effectNote: 'Effekt: poäng som kontrollen (övre) och tjänsten (nedre) vinner när bristen är åtgärdad med svaret som anges; – när inget enskilt svar stänger bristen.',
  act_heading: (year: number, n: number) => `Handlingsplan ${year}: ${n} ${n === 1 ? 'åtgärd' : 'åtgärder'}`,
  act_acceptedRisks: 'Accepterade risker',

  // ---- compare ----
  cmp_title: 'Jämförelse',
  cmp_checklistOrg: 'Checklista (organisationen)',
  cmp_over: 'Över',
  cmp_services: (n: number) => `${n} ${n === 1 ? 'tjänst' : 'tjänster'}`,
  cmp_changesOver: (n: number) => `Förändringar räknas över tjänsterna som granskats båda åren (${n}).`,
  cmp_added: (year: number) => `Tillkomna tjänster ${year}`,
  cmp_pending: (year: number) => `Ej granskade ännu ${year}`,
  cmp_removed: (year: number) => `Borttagna ur registret ${year}`,
  cmp_newGaps: (year: number) => `Nya brister ${year}`,
  cmp_resolved: (year: number) => `Åtgärdade sedan ${year}`,
  cmp_persistent: 'Kvarstående',
  cmp_since: (year: number) => `sedan ${year}`,
  cmp_notYetAssessed: (year: number) => `Ej bedömda ännu ${year}`,
  cmp_withRemoved: 'Med borttagna tjänster',
  cmp_changedAnswers: 'Ändrade svar',
  cmp_showDetails: (n: number) => `${n} ändrade svar: visa dem med --details`,
  cmp_latestNote: (earlier: number, latest: number) => `(${earlier} mot ${latest}, senaste året i arbetsytan)`,

  // ---- the service register: service list, service show, the fields ----
  reg_sensitiveUnknown: 'känsliga okänt',
  reg_thirdCountryUnknown: 'tredje land okänt',
  reg_area: 'Område',
  reg_retiredTag: ' (avvecklad)',
  reg_notClassified: 'ej klassad',
  reg_count: (organisation: string, n: number) => `${organisation}: ${n} tjänster`,
  reg_retired: 'avvecklad',
  reg_noSupplier: 'ingen',
  reg_personalData: 'Personuppgifter',
  reg_history: 'Historik',
  reg_registered: 'registrerad',
  reg_unchanged: 'oförändrad',
  reg_notAFlag: (field: string, raw: string) => `${field}: '${raw}' är varken ja, nej eller okänt`,
  field_name: 'namn',
  field_owner: 'ansvarig',
  field_area: 'område',
  field_supplier: 'leverantör',
  field_personalData: 'personuppgifter',
  field_sensitiveData: 'känsliga',
  field_thirdCountry: 'tredjeland',
  field_classification: 'klassning',

  // ---- the overview ----
  ov_review: (year: number, summary: string) => `Granskning ${year}: ${summary}`,
  ov_organisation: (state: string) => ` · organisationen: ${state}`,
  ov_over: (n: number) => ` (över ${n})`,
  ov_changeOver: (previous: number, year: number) => `Förändringen räknas över tjänster som granskats både ${previous} och ${year}.`,
  ov_answeredShort: 'Besv.',
  ov_reviewColumn: 'Granskning',
  ov_more: (n: number) => `… och ${n} till (efterlev score för alla)`,
  ov_fixFirst: 'Åtgärda först',
  ov_moreCommands: (year: number, previous: number) => `Mer: efterlev actions --year ${year}, efterlev compare ${previous} ${year}, efterlev --help`,
  ov_emptyYear: (year: number, services: number) => `Inga svar för ${year} ännu: granskningen är inte påbörjad för någon av de ${services} tjänsterna eller organisationen.`,
  ov_startWith: (year: number) => `Börja med: efterlev assess --year ${year}`,

  // ---- show: the stored answers ----
  ans_earlier: 'tidigare',
  ans_earlierValues: 'Tidigare värden',
  ans_otherQuestions: 'Övriga frågor i historiken',
  ans_noHistory: 'Inga tidigare värden i historiken.',
  ans_showHistory: 'visa dem med --history',
  score_organisation: (year: number) => `Organisationen ${year}`,
  ag_classification: (aspect: string, min: number) => `klassning ${aspect === 'max' ? 'högsta' : aspect} ≥ ${min}`,

  // ---- OSCAL: the assessment results and the POA&M ----
  review_services: (n: number) => (n === 1 ? 'tjänst' : 'tjänster'),
  review_reviews: (n: number) => (n === 1 ? 'granskning' : 'granskningar'),
  review_summary: (done: number, total: number, noun: string, ongoing: number, notStarted: number) =>
    `${done} av ${total} ${noun} klara, ${ongoing} pågår, ${notStarted} ${notStarted === 1 ? 'ej påbörjad' : 'ej påbörjade'}`,
  locale: 'sv-SE',
  os_followUp: 'Uppföljning',
  os_severity: 'Allvarlighet',
  os_fromIncidents: ' (från incidentregistret, de senaste tolv månaderna)',
  os_noScore: 'Ingen poäng (inget poängsatt svar)',
  os_score: (score: string) => `Poäng ${score} av 100`,
  os_coverage: (answered: number, total: number) => `${answered} av ${total} frågor som gäller besvarade`,
  os_complianceReview: 'Efterlevnadskontroll',
  os_arNotice: (year: number, organisation: string) => `KONFIDENTIELLT – efterlevnadskontroll ${year} för ${organisation}: svar, bedömningar och kända säkerhetsbrister. Sprid inte utanför behöriga.`,
  os_planRemarks: 'Granskningsplanen är efterlevs katalog, beskriven i back-matter.',
  os_reviewOf: (services: number, summary: string) => `Årets granskning av organisationens kontrollpunkter och ${services} tjänster: ${summary}.`,
  os_findings: (findings: number, pairs: number, notAssessed: number) =>
    `${findings} av ${pairs} kontroller (per tjänst) är bedömda och har ett fynd. ${notAssessed} är ej bedömda (inget besvarat): de har inget fynd och står som egenskapen not-assessed.`,
  os_planTitle: (year: number) => `Granskningsplan ${year}: efterlevs checklistor och regler`,
  os_planDescription: (checklists: string) => `Ingen separat OSCAL-granskningsplan finns. Granskningen följer checklistorna ${checklists} och reglerna i arbetsytans katalog; frågorna besvaras per tjänst och år.`,
  os_acceptedBy: 'Accepterad av',

  // ---- the placeholders of options and arguments in --help (and in commander's errors) ----
  ph_year: '<år>',
  ph_year1: '[år1]',
  ph_year2: '[år2]',
  ph_name: '<namn>',
  ph_file: '<fil>',
  ph_date: '<ÅÅÅÅ-MM-DD>',
  ph_time: '<tidpunkt>',
  ph_kind: '<typ>',
  ph_folder: '<mapp>',
  ph_path: '[sökväg]',
  ph_base: '<bas>',
  ph_ours: '<vår>',
  ph_theirs: '<deras>',
  ph_evidence: '<underlag>',
  ph_answers: '<svar...>',
  ph_language: '<språk>',
  ph_report: '<rapport>',
  ph_order: '<ordning>',
  ph_area: '<område>',
  ph_motivation: '<motivering>',
  ph_helpCommand: 'help [kommando]',
  ph_observation: 'iakttagelsen',
  o_incidentTitle: 'kort rubrik',

  // ---- git setup: what it writes into .gitattributes, .gitignore and the repository's config ----
  gs_driverName: 'efterlev per fråga',
  gs_begin: '# efterlev git setup: början',
  gs_end: '# efterlev git setup: slut',
  gs_beginNote: ' (skrivs om av efterlev git setup; ändra inte inom blocket)',
  gs_attributes: '# Arbetsytans filer slås ihop per fråga, åtgärd, incident, iakttagelse och tjänst av efterlev git merge-file.',
  gs_ignores: '# Lås, temporära filer och journalen för en pågående skrivning: finns bara medan efterlev skriver.',
  gs_configFailed: (key: string, why: string) => `git config ${key} misslyckades: ${why}`,
  gm_notValid: (why: string) => `sammanslagningen blev inte en giltig fil: ${why}`,

  gk_answers: 'svarsfil',
  gk_plan: 'handlingsplan',
  gk_incidents: 'incidentregister',
  gk_observations: 'särskilda iakttagelser',
  gk_register: 'tjänsteregister',
  gk_snapshot: 'årets tjänsteregister',
  gm_merged: 'sammanslagen',

  // ---- catalogue authoring (validate), XLSX archives, control characters ----
  ca_noChecklistFolder: 'mappen med checklistor saknas',
  ca_noChecklists: 'inga checklistor (*.json) i mappen',
  ca_checklistExists: (id: string, other: string) => `checklistan '${id}' finns redan i ${other}`,
  ca_idNotFileName: (id: string, fileId: string) => `id '${id}' ska vara detsamma som filnamnet ('${fileId}')`,
  ca_controlExists: (id: string) => `kontrollen '${id}' finns redan`,
  ca_questionPrefix: (id: string, control: string) => `frågan '${id}' ska börja med kontrollens id, '${control}.'`,
  ca_optionExists: (value: string) => `svarsalternativet '${value}' finns redan`,
  ca_minOverMax: 'min är större än max',
  ca_questionExists: (id: string, checklist: string) => `fråge-id '${id}' finns redan (checklistan '${checklist}')`,
  ca_noChecklistForRules: (id: string) => `det finns ingen checklista '${id}' (regelmappen heter så)`,
  ca_checklistNotFolder: (said: string, folder: string) => `'${said}' ska vara mappens namn, '${folder}'`,
  ca_noControl: (checklist: string, control: string) => `checklistan '${checklist}' har ingen kontroll '${control}'`,
  ca_ruleFileName: (control: string) => `filen ska heta ${control}.json efter kontrollen den gäller`,
  ca_ruleExists: (name: string, other: string) => `regelnamnet '${name}' finns redan i ${other}`,
  ca_paramsQuestion: 'params.question ska vara ett fråge-id',
  ca_unknownQuestionIn: (id: string, checklist: string) => `okänd fråga '${id}' i checklistan '${checklist}'`,
  ca_unknownParam: (key: string, fact: string) => `okänd parameter '${key}' för fact '${fact}'`,
  ca_pathOnly: "path används bara med fact 'service' och 'incidents'",
  ca_pathOneOf: (paths: string) => `path ska vara en av ${paths}`,
  ca_trueOrFalse: 'true eller false',
  ca_level: 'en nivå 0–4',
  ca_number: 'ett tal',
  ca_year: 'ett årtal',
  ca_date: 'ett datum',
  ca_monthsBack: (max: number) => `monthsBack ska vara ett heltal 0–${max}`,
  ca_operator: (operator: string, use: string) => `operatorn '${operator}' passar inte här; använd ${use}`,
  ca_valueMustBe: (what: string) => `värdet ska vara ${what}`,
  ca_comparesList: (operator: string) => `'${operator}' jämför med en lista`,
  ca_needsType: (operator: string, type: string, id: string, actual: string) => `'${operator}' kräver en fråga av typen ${type}; ${id} är ${actual}`,
  ca_onlyReviewDate: "ett värde kan bara hämtas från fact 'reviewDate'",
  ca_pathNotHere: 'path används inte här',
  ca_dateValue: 'värdet ska vara ett datum ÅÅÅÅ-MM-DD eller { "fact": "reviewDate", … }',
  ca_invalidValue: 'ogiltigt värde',
  ca_frameworkIdNotFileName: (id: string) => `id '${id}' ska vara detsamma som filnamnet`,
  ca_requirementExists: (id: string) => `kravet '${id}' finns redan`,
  ca_unknownQuestion: (id: string) => `okänd fråga '${id}'`,
  ca_noFramework: (id: string) => `det finns inget ramverk '${id}' i checklists/frameworks`,
  ca_noRequirement: (id: string, framework: string) => `kravet '${id}' finns inte i ${framework}`,
  ca_noChecklist: (id: string) => `det finns ingen checklista '${id}'`,
  ca_movedEarlier: (id: string) => `frågan '${id}' flyttas redan tidigare i filen`,
  ca_questionNotIn: (id: string, checklist: string, version: string) => `frågan '${id}' finns inte i ${checklist} ${version}`,
  ca_mergeIntoOne: 'flera frågor kan bara slås ihop till en',
  ca_mergeHow: 'ange hur svaren slås ihop: "lowest" eller "first"',
  ca_notAllowed: (value: string, id: string) => `'${value}' är inget tillåtet svar på ${id}`,
  ca_chainBroken: (from: string, to: string, current: string) => `flyttningen ${from} → ${to} leder inte fram till checklistans version (${current})`,
  ca_questionMissing: (id: string) => `frågan ${id} finns inte`,
  ca_cannotMove: (id: string, target: string, to: string, problem: string, file: string) => `${id} kan inte flyttas till ${target} i ${to}: ${problem}; rätta flyttningen i ${file}`,
  ca_questionIdForm: 'Fråge-id ska se ut som KP3.2 eller LOG.1',
  ca_optionForm: 'Svarsalternativ skrivs med a–z, 0–9 och _',
  ca_controlIdForm: 'Kontroll-id ska se ut som KP3 eller LOG',
  ca_conditionForms: 'Ett villkor ska ha exakt en av all, any, not eller fact',
  ca_operatorMissing: 'operator saknas',
  ca_valueMissing: 'value saknas',
  ca_factOnly: (key: string) => `${key} hör bara till ett fact-villkor`,
  ca_ruleNameForm: 'Regelnamn skrivs med A–Z, 0–9, punkt, - och _',
  ca_ruleConditions: 'Regelns villkor ska börja med all, any eller not',
  zip_tooLarge: (size: string, max: string) => `filen är för stor (${size} MB, högst ${max} MB)`,
  zip_directoryOutside: 'XLSX-filen är trasig (zip-arkivets innehållsförteckning pekar utanför filen)',
  zip_unpacksTo: (size: string, max: string) => `XLSX-filen packas upp till ${size} MB (högst ${max} MB): en handlingsplan är långt mindre, så filen är skadad eller gjord för att fylla minnet`,
  zip_directoryWrong: 'XLSX-filen är trasig (zip-arkivets innehållsförteckning stämmer inte)',
  zip_passwordOrXls: 'filen är lösenordsskyddad eller sparad som äldre Excel-fil (.xls): spara den som Excel-arbetsbok (.xlsx) utan lösenord',
  zip_notXlsx: 'inte en XLSX-fil (inget zip-arkiv): spara den som Excel-arbetsbok (.xlsx), eller läs in handlingsplanen som CSV',
  zip_tooManyParts: (count: number, max: number) => `XLSX-filen har ${count} delar (högst ${max})`,
  zip_brokenEntry: (name: string) => `XLSX-filen är trasig (zip-posten ${name})`,
  zip_encrypted: (name: string) => `zip-posten ${name} är krypterad: spara filen utan lösenord`,
  zip_method: (name: string, method: number) => `zip-posten ${name} är packad på ett sätt som inte stöds (metod ${method}): spara om filen som .xlsx`,
  zip_moreThanSaid: (name: string, size: number) => `zip-posten ${name} packas upp till mer än de ${size} byte den uppger: filen är skadad eller gjord för att fylla minnet`,
  tx_controlCharacter: (codePoint: string, place: number) => `innehåller ett styrtecken (${codePoint}) på plats ${place}`,

  // ---- the rest: lengths, answer pairs, rule examples, the register's schema, signing keys ----
  lim_tooLong: (field: string, length: number, max: number) => {
    // The field in a message, and the adjective's gender: "kommentaren är för lång", "underlaget är för långt".
    const [label, long] = ({ comment: ['kommentaren', 'lång'], evidence: ['underlaget', 'långt'], note: ['anteckningen', 'lång'], motivation: ['motiveringen', 'lång'], observation: ['iakttagelsen', 'lång'], name: ['namnet', 'långt'] } as Record<string, [string, string]>)[field] ?? [field, 'lång'];
    return `${label} är för ${long} (${length} tecken, högst ${max})`;
  },
  ans_pairForm: (pair: string) => `'${pair}': skriv FRÅGA=VÄRDE, t.ex. LOG.1=ja`,
  ans_controlIn: (id: string, problem: string) => `svaret på ${id} ${problem}`,
  ans_needsMotivation: (id: string, reason: string) => `${id} = ej_tillamplig behöver en motivering: ${reason}. Skriv varför i kommentaren.`,
  ex_differ: (rule: string) => `regeln '${rule}' utvärderas olika av efterlev och json-rules-engine (fel i efterlev, rapportera det)`,
  ex_doesNotFire: (rule: string) => `regeln '${rule}' slår inte till i exemplet`,
  ex_firesWrongly: (rule: string) => `regeln '${rule}' slår till i exemplet, fast den inte borde`,
  reg_idForm: 'Tjänste-id skrivs med a–z, 0–9 och bindestreck (högst 63 tecken), t.ex. office365',
  reg_windowsName: (id: string) => `'${id}' är ett reserverat namn i Windows och kan inte bli ett filnamn`,
  reg_organisationId: (id: string) => `'${id}' är reserverat för organisationens svar`,
  reg_sensitiveNeedsPersonal: 'Känsliga personuppgifter kräver att tjänsten behandlar personuppgifter (personalData: true eller okänt)',
  reg_thirdCountryNeedsPersonal: 'Överföring av personuppgifter till tredje land kräver att tjänsten behandlar personuppgifter',
  k_readableByOthers: (shown: string, mode: string) => `Varning: ${shown} kan läsas av andra än du (rättigheter ${mode}); skydda den med chmod 600 ${shown}.`,

  ws_none: (root: string) => `Ingen arbetsyta i ${root} (answers/services.json saknas).`,
  ws_noneHint: 'Skapa en med `efterlev init`, eller peka ut en med --dir eller EFTERLEV_DIR.',
  pt_readerExited: (code: number | null) => `XLSX-läsaren avslutades utan svar (kod ${code})`,
} as const;

/** The shape every catalogue has: the same keys, a text for a text and a function of the same parameters for a function. */
export type Messages = { readonly [K in keyof typeof sv]: (typeof sv)[K] extends (...args: infer A) => string ? (...args: A) => string : string };
