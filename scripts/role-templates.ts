import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ROLE_TEMPLATES_FILE } from '../local/iam/role-policies';
import { synthesizeRoleTemplates } from '../local/iam/role-templates';

/** Writes the role policies the local runtime enforces, after a change to an access declaration or to infra/. */
const file = fileURLToPath(ROLE_TEMPLATES_FILE);
writeFileSync(file, `${JSON.stringify(synthesizeRoleTemplates(), null, 2)}\n`);
// Formatted as `biome check` wants the file it then finds in the tree.
execFileSync('npx', ['biome', 'format', '--write', file], { stdio: 'ignore' });
console.info(`wrote ${file}`);
