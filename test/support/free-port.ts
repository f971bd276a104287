import { createServer } from 'node:net';

/**
 * Below Linux's ephemeral range (32768–60999): every server a test starts with port 0 (dynalite, the
 * local engine) takes its port from that range, so a port handed out here for a server that is
 * killed and restarted on it cannot be taken by one of them in between.
 */
const RANGE = { from: 20_000, to: 32_000 } as const;

function listens(port: number): Promise<boolean> {
  return new Promise((done) => {
    const server = createServer();
    server.once('error', () => done(false));
    server.listen(port, '127.0.0.1', () => server.close(() => done(true)));
  });
}

/** A loopback port nothing listens on now, for a server a test starts. */
export async function freePort(): Promise<number> {
  for (;;) {
    const port = RANGE.from + Math.floor(Math.random() * (RANGE.to - RANGE.from));
    if (await listens(port)) return port;
  }
}
