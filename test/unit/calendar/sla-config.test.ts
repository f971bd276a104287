import { describe, expect, it } from 'vitest';
import { WORKING_DAY_MS } from '../../../shared/calendar';
import {
  AT_RISK_THRESHOLD_MS,
  CASE_SLA,
  REFORM_TARGET_RATIO,
  STATUTORY_LIMITS,
} from '../../../shared/sla/config';

describe('SLA configuration', () => {
  it('holds the case to 3 working days and warns with less than one left', () => {
    expect(CASE_SLA.workingDays).toBe(3);
    expect(AT_RISK_THRESHOLD_MS).toBe(WORKING_DAY_MS);
  });

  it('cites a source for every statutory limit, and flags the one not confirmed', () => {
    expect(STATUTORY_LIMITS.registration.workingDays).toBe(3);
    expect(STATUTORY_LIMITS.registration.source.citation).toContain('第十九条');
    expect(STATUTORY_LIMITS.invoice.workingDays).toBe(5);
    expect(STATUTORY_LIMITS.invoice.source.citation).toContain('发票管理办法');
    expect(STATUTORY_LIMITS.seal.source).toMatchObject({
      citation: 'platform default, to be confirmed',
      status: 'to-confirm',
    });
  });

  it('targets half the statutory limit', () => {
    expect(REFORM_TARGET_RATIO.ratio).toBe(0.5);
    expect(REFORM_TARGET_RATIO.source.says).toContain('50%');
  });
});
