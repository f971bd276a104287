/** Names the bus crash test and its worker share. */
export const BUS = 'crash-bus';
export const DELIVERIES_TABLE = 'local-event-deliveries';
export const EFFECTS_TABLE = 'bus-crash-effects';
