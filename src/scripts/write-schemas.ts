import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { jsonSchemas } from '../catalog/json-schema.js';
import { stringify } from '../store/canonical.js';
import { PACKAGE_ROOT } from '../store/workspace.js';

for (const [name, schema] of Object.entries(jsonSchemas())) {
  writeFileSync(join(PACKAGE_ROOT, 'schemas', name), stringify(schema), { mode: 0o644 });
  console.log(`schemas/${name}`);
}
