import { z } from 'zod';
import { AnswerFile, ServiceRegister } from '../store/schema.js';
import { Checklist, RuleFile } from './schema.js';
import { MigrationFile } from './migration.js';
import { FrameworkFile, MappingFile, OverlapFile } from './frameworks.js';
import { IncidentFile } from '../incidents/schema.js';
import { YearRecord } from '../years/manifest.js';

/**
 * The zod schemas as JSON Schema files that catalogue and rule files name in `$schema`, so an
 * editor checks and completes them while an author types. `npm run schemas` writes them;
 * a test keeps them in step.
 */
export function jsonSchemas(): Record<string, unknown> {
  const write = (schema: z.ZodType, title: string): unknown => ({
    ...z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }),
    title,
  });
  return {
    'checklist.schema.json': write(Checklist, 'efterlev checklista'),
    'rules.schema.json': write(RuleFile, 'efterlev regelfil'),
    'services.schema.json': write(ServiceRegister, 'efterlev tjänsteregister'),
    'answers.schema.json': write(AnswerFile, 'efterlev svarsfil'),
    'migration.schema.json': write(MigrationFile, 'efterlev flyttning mellan katalogversioner'),
    'incidents.schema.json': write(IncidentFile, 'efterlev incidentregister'),
    'framework.schema.json': write(FrameworkFile, 'efterlev ramverk'),
    'mapping.schema.json': write(MappingFile, 'efterlev mappning av frågor till krav'),
    'overlap.schema.json': write(OverlapFile, 'efterlev överlappande frågor'),
    'closed-year.schema.json': write(YearRecord, 'efterlev stängt år: manifest, signatur och öppningar'),
  };
}
