/**
 * Time limits the platform is held to, in working days of the Chinese statutory calendar
 * (shared/calendar), each with the text it comes from.
 */
import { DEFAULT_AT_RISK_THRESHOLD_MS } from '../calendar/sla';

export type SlaItem = 'registration' | 'invoice' | 'seal';

export interface LegalSource {
  /** Instrument and article, as precise as we are sure of. */
  citation: string;
  /** What it says, paraphrased. */
  says: string;
  /** `to-confirm`: not checked against the official text; treat the value as provisional. */
  status: 'confirmed' | 'to-confirm';
}

export interface TimeLimit {
  workingDays: number;
  source: LegalSource;
}

const BAIYUN_REFORM =
  '广州市白云区《“不跑少跑，一次办好”政务服务改革工作方案》(as reported in the news; docs/sources.md)';

/** The whole case: registration, then invoice and seal in parallel. */
export const CASE_SLA: TimeLimit = {
  workingDays: 3,
  source: {
    citation: BAIYUN_REFORM,
    says: '2018年底前，将企业开办时间整体压缩至3个工作日内',
    status: 'confirmed',
  },
};

/** Statutory limit per item: the most the law allows the department. */
export const STATUTORY_LIMITS: Readonly<Record<SlaItem, TimeLimit>> = {
  registration: {
    workingDays: 3,
    source: {
      citation: '《中华人民共和国市场主体登记管理条例》(国务院令第746号, 2021) 第十九条',
      says: 'Complete, lawful applications are registered on the spot; when that is not possible, within 3 working days (extendable by 3 more with the registry head’s approval in complex cases).',
      status: 'confirmed',
    },
  },
  invoice: {
    workingDays: 5,
    source: {
      citation: '《中华人民共和国发票管理办法》第十五条 (as revised)',
      says: 'The competent tax authority acts on an application to obtain invoices — confirming their kinds, quantity and manner of obtaining them — within 5 working days.',
      status: 'confirmed',
    },
  },
  seal: {
    workingDays: 1,
    source: {
      citation: 'platform default, to be confirmed',
      says: 'No statutory limit for public-security seal filing (公章刻制备案) was found to cite; 1 working day keeps the item inside the 3-day case SLA.',
      status: 'to-confirm',
    },
  },
};

/** The reform target: actual time at most this share of the statutory limit. */
export const REFORM_TARGET_RATIO = {
  ratio: 0.5,
  source: {
    citation: BAIYUN_REFORM,
    says: '区内政务服务事项实际办理时限总体压缩至法定办理时限的50%以内',
    status: 'confirmed',
  } satisfies LegalSource,
} as const;

/** When the ops board starts warning: less than one working day left. */
export const AT_RISK_THRESHOLD_MS = DEFAULT_AT_RISK_THRESHOLD_MS;
