import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The read-and-parse floor: the plainest script there is that reads the same files a command
 * reads (the service register and every answer file of the years named) and parses each as JSON,
 * nothing more. Run as its own process by the benchmark; prints how many files it read.
 */
const [root, ...years] = process.argv.slice(2);
let files = 0;
JSON.parse(readFileSync(join(root!, 'answers', 'services.json'), 'utf8'));
files++;
for (const year of years) {
  const dir = join(root!, 'answers', year);
  for (const name of readdirSync(dir)) {
    if (!name.endsWith('.json')) continue;
    JSON.parse(readFileSync(join(dir, name), 'utf8'));
    files++;
  }
}
process.stdout.write(`${files}\n`);
