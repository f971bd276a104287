import { readFileSync } from 'node:fs';
import { withUploadsOverHttp } from '../test/support/uploads';

/**
 * `tsx scripts/fixture-with-uploads.ts <api url> <token> <fixture.json>`: prints the fixture with each
 * placeholder material uploaded (a small PDF of its own, through POST /api/uploads and the presigned POST,
 * checked and scanned) as the token's caller, ready to submit (the README's walk-through).
 */
const [apiUrl, token, fixture] = process.argv.slice(2);
if (!apiUrl || !token || !fixture) {
  process.stderr.write('usage: tsx scripts/fixture-with-uploads.ts <api url> <token> <fixture.json>\n');
  process.exit(2);
}
const form = JSON.parse(readFileSync(fixture, 'utf8'));
process.stdout.write(
  `${JSON.stringify(await withUploadsOverHttp(apiUrl.replace(/\/api\/?$/, ''), token, form))}\n`,
);
