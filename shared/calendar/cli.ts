/** `npm run calendar -- <ISO instant> <N>`: an ops check of an SLA deadline. */
import { deadlineReport } from './deadline-report';
import { workingCalendar } from './index';

const report = deadlineReport(process.argv.slice(2), workingCalendar);
(report.exitCode === 0 ? process.stdout : process.stderr).write(`${report.text}\n`);
process.exitCode = report.exitCode;
