import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { openApiDocument } from '../shared/api/openapi';

/** Writes the generated OpenAPI document to a file (default .data/openapi.json) for tools that lint files. */
const file = process.argv[2] ?? '.data/openapi.json';
mkdirSync(dirname(file), { recursive: true });
writeFileSync(file, `${JSON.stringify(openApiDocument(), null, 2)}\n`);
console.info(`wrote ${file}`);
