import { afterEach, describe, expect, test } from 'vitest';
import { RuntimeClock } from '../../../local/clock';

describe('RuntimeClock', () => {
  const clock = new RuntimeClock();
  afterEach(() => clock.close());

  test('moving forward fires what fell due, in due order, and nothing else', () => {
    // Prepare
    const start = clock.now();
    const fired: string[] = [];
    clock.at(start + 2 * 3_600_000, () => fired.push('two hours'));
    clock.at(start + 3_600_000, () => fired.push('one hour'));
    clock.at(start + 5 * 3_600_000, () => fired.push('five hours'));

    // Act
    clock.advance(3 * 3_600_000);

    // Assess
    expect(fired).toEqual(['one hour', 'two hours']);
  });

  test('setting it back restarts a periodic job from the new time and keeps absolute timers where they are', () => {
    // Prepare
    const start = clock.now();
    const fired: string[] = [];
    let runs = 0;
    clock.every(5 * 60_000, () => runs++);
    clock.at(start + 3_600_000, () => fired.push('one hour'));
    clock.advance(30 * 60_000);
    expect(runs).toBe(1);

    // Act: a day back; the job's next run was due 35 minutes after the start.
    clock.set(start - 86_400_000);

    // Assess: the job runs five minutes after the new time, not a day later.
    clock.advance(4 * 60_000);
    expect(runs).toBe(1);
    clock.advance(2 * 60_000);
    expect(runs).toBe(2);
    expect(fired).toEqual([]);
    clock.set(start + 3_600_000);
    expect(fired).toEqual(['one hour']);
  });

  test('setting it to what it reads is not a rewind, though real time moved on meanwhile', () => {
    // Prepare: a job due a minute after the start, 50 seconds in.
    let runs = 0;
    clock.every(60_000, () => runs++);
    clock.advance(50_000);

    // Act
    const reading = clock.now();
    clock.set(reading);
    clock.set(reading - 500);

    // Assess: still due at the minute (a rewind would have pushed it to 59.5 s from now).
    clock.advance(11_000);
    expect(runs).toBe(1);
  });

  test('a stopped job does not run, after a rewind either', () => {
    // Prepare
    let runs = 0;
    const stop = clock.every(60_000, () => runs++);
    stop();

    // Act
    clock.advance(120_000);
    clock.advance(-86_400_000);
    clock.advance(120_000);

    // Assess
    expect(runs).toBe(0);
  });
});
