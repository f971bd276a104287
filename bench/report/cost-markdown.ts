import { type CaseCost, type CostResult, MAX_TRANSITIONS_OVER_V1 } from '../cost';
import { fixed, usd } from './units';

const row = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;

const COST_ROWS: [string, (cost: CaseCost) => string][] = [
  ['cases measured (after one warm-up)', (c) => String(c.measured.cases)],
  ['state transitions', (c) => fixed(c.measured.transitions)],
  ['workflow Lambda invocations', (c) => fixed(c.measured.workflowInvocations)],
  ['API requests (= API Lambda invocations)', (c) => String(c.measured.apiRequests)],
  [
    'billed Lambda ms (workflow + API)',
    (c) => `${Math.round(c.measured.workflowBilledMs)} + ${Math.round(c.measured.apiBilledMs)}`,
  ],
  [
    'DynamoDB requests, app table: mean (reads / writes) [fewest–most]',
    (c) =>
      `${fixed(c.measured.dynamoRequests)} (${fixed(c.measured.dynamoReads)} / ${fixed(c.measured.dynamoWrites)}) [${c.measured.dynamoRequestsRange.join('–')}]`,
  ],
  [
    '… of which conditional writes that failed (version races)',
    (c) =>
      fixed(Object.values(c.measured.byOperation).reduce((sum, tally) => sum + tally.failedConditions, 0)),
  ],
  [
    'write units: table + GSI',
    (c) => `${fixed(c.measured.writeUnits)} + ${fixed(c.measured.indexWriteUnits)}`,
  ],
  ['read units', (c) => fixed(c.measured.readUnits)],
  ['largest item written', (c) => `${c.measured.largestItemBytes} B`],
  ['engine journal requests (local only, not priced)', (c) => fixed(c.measured.journalRequests)],
  ['all dynalite requests (app + journal)', (c) => fixed(c.measured.dynaliteRequests)],
  ['EMF bytes', (c) => String(Math.round(c.measured.emfBytes))],
  ['Step Functions', (c) => usd(c.usd.stepFunctions)],
  ['Lambda requests', (c) => usd(c.usd.lambdaRequests)],
  ['Lambda duration', (c) => usd(c.usd.lambdaDuration)],
  ['DynamoDB writes', (c) => usd(c.usd.dynamoWrites)],
  ['DynamoDB reads', (c) => usd(c.usd.dynamoReads)],
  ['API Gateway', (c) => usd(c.usd.apiGateway)],
  ['CloudWatch Logs (EMF + Lambda log lines)', (c) => usd(c.usd.logs)],
  ['**total per case**', (c) => `**${usd(c.usd.total)}**`],
  ['per 1,000 cases', (c) => usd(c.usd.total * 1000)],
];

/**
 * What one case costs, instant, officer-decided and a restaurant, row by row; then company opening's
 * transitions on today's definition against workflows/versions/1.json.
 */
export function costTables(cost: CostResult): string[] {
  const columns = [cost.instant, cost.officer, cost.restaurant];
  const lines = [
    row(['per case', 'instant', 'officer-decided', 'restaurant (officer-decided)']),
    row(['---', '---:', '---:', '---:']),
    ...COST_ROWS.map(([label, cell]) => row([label, ...columns.map(cell)])),
    '',
    `Company opening's state transitions on today's definition (generated from the catalogue) against the same case on workflows/versions/1.json; the bench fails above ${MAX_TRANSITIONS_OVER_V1}×.`,
    '',
    row(['company-opening case', 'v1', 'today', 'today ÷ v1']),
    row(['---', '---:', '---:', '---:']),
  ];
  for (const kind of ['instant', 'officer'] as const) {
    const { v1, today, ratio } = cost.againstV1[kind];
    lines.push(
      row([
        kind === 'instant' ? 'instant' : 'officer-decided',
        fixed(v1),
        fixed(today),
        `${ratio.toFixed(3)}×`,
      ]),
    );
  }
  return lines;
}
