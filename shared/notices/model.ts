import type { CaseEventType } from '../events/case-events';

/** The languages a person may read notices in. */
export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** The channels a person may choose to be told by, besides the app's message centre, which everyone has. */
export const SENT_CHANNELS = ['sms', 'email'] as const;
export type SentChannel = (typeof SENT_CHANNELS)[number];
export const CHANNELS = ['app', ...SENT_CHANNELS] as const;
export type Channel = (typeof CHANNELS)[number];

/**
 * Where a sent notice stands: queued until a send is claimed, sending while one is under way (a lease),
 * sent once the provider took it, then delivered or bounced as its delivery events tell; failed when the
 * provider refused it for good. An app notice is delivered when it is stored.
 */
export const NOTICE_STATUSES = ['queued', 'sending', 'sent', 'delivered', 'bounced', 'failed'] as const;
export type NoticeStatus = (typeof NOTICE_STATUSES)[number];

/** One notice to one person on one channel, as stored (shared/data/notices.ts). */
export interface Notice {
  id: string;
  recipient: string;
  event: CaseEventType;
  /** The case event it tells of: the same event, recipient and channel always make the same notice. */
  eventId: string;
  channel: Channel;
  language: Language;
  subject: string;
  body: string;
  /** The email's HTML part, when the channel is email. */
  html?: string;
  /** Where the email or SMS goes; never shown in the message centre's list. */
  address?: string;
  createdAt: string;
  readAt?: string;
  caseId: string;
  link: string;
  status: NoticeStatus;
  /** Bumped on every write: each change is a put conditional on the version it was made from. */
  version: number;
  /** While `sending`: until when the send is claimed; a retry after it may send again. */
  claimedUntil?: string;
  sendAttempts?: number;
  providerMessageId?: string;
  sentAt?: string;
  statusAt?: string;
  /** The provider's reason for a failure or a bounce. */
  statusReason?: string;
}

/** A person's choices: the language notices are written in, and how they are sent. */
export interface Account {
  sub: string;
  language: Language;
  channels: SentChannel[];
  email: string | null;
  mobile: string | null;
  /** The groups the person was in when they last saved: how the notifier finds officers and ops. */
  groups: string[];
  updatedAt?: string;
}

export const defaultAccount = (sub: string): Account => ({
  sub,
  language: 'zh-CN',
  channels: ['sms', 'email'],
  email: null,
  mobile: null,
  groups: [],
});

/**
 * A notice's id, from what makes it unique: the event and the channel (the recipient is its partition).
 * It starts with the event's instant so ids sort newest first by time; it holds only URL-safe characters.
 */
export function noticeIdOf(eventId: string, occurredAt: string, channel: Channel): string {
  const instant = occurredAt.replace(/[-:.]/g, '');
  return `${instant}.${eventId}.${channel}`;
}
