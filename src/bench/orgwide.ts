import { compareYears } from '../compare/compare.js';
import { buildActions } from '../plan/actions.js';
import { assessYear, openReview, selectServices } from '../review.js';
import { resolveWorkspace } from '../store/workspace.js';

/**
 * The board's questions for a whole city in one process, as a command runs them: read and
 * validate the files, score the year, build the handlingsplan, compare with the year before.
 * Run as its own process by the benchmark, so that its peak memory is its own.
 */
const [root, yearArg] = process.argv.slice(2);
const year = Number(yearArg);
const start = process.hrtime.bigint();
const review = await openReview(resolveWorkspace(root));
const services = selectServices(review, year);
const plan = await buildActions(review, year, {});
const comparison = compareYears(review.catalog, year - 1, await assessYear(review, year - 1), year, plan.assessed, new Set(services.map((s) => s.id)));
const ms = Number(process.hrtime.bigint() - start) / 1e6;
process.stdout.write(JSON.stringify({ ms, maxRssMb: process.resourceUsage().maxRSS / 1024, actions: plan.actions.length, controls: comparison.controls.length }) + '\n');
