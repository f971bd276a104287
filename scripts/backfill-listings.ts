import { backfillCaseListings } from '../shared/data/listings-backfill';

/**
 * `TABLE_NAME=<the CompanyOpeningData TableName output> npx tsx scripts/backfill-listings.ts`: step 2 of
 * docs/deploy.md's index upgrade, with the AWS credentials and region in the shell.
 */
const { rewritten } = await backfillCaseListings();
process.stdout.write(`${rewritten} cases given their list summary\n`);
