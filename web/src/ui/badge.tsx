/** Tones map a status to colour; the text always says the status, so colour is never the only cue. */
type Tone = 'neutral' | 'info' | 'success' | 'warning' | 'danger';

const TONES: Record<string, Tone> = {
  submitted: 'info',
  'in-review': 'info',
  pending: 'neutral',
  'correction-needed': 'warning',
  'awaiting-correction': 'warning',
  'correction-requested': 'warning',
  completed: 'success',
  approved: 'success',
  met: 'success',
  'on-track': 'success',
  OK: 'success',
  open: 'info',
  closed: 'neutral',
  'at-risk': 'warning',
  INSUFFICIENT_DATA: 'neutral',
  rejected: 'danger',
  cancelled: 'neutral',
  breached: 'danger',
  missed: 'danger',
  overdue: 'danger',
  ALARM: 'danger',
};

export function Badge(props: { status: string; label: string }) {
  return <span class={`badge badge-${TONES[props.status] ?? 'neutral'}`}>{props.label}</span>;
}
