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

  test('setting it back tells the rewind listeners and keeps absolute timers where they are', () => {
    // Prepare
    const start = clock.now();
    const fired: string[] = [];
    let rewinds = 0;
    clock.onRewind(() => rewinds++);
    clock.at(start + 3_600_000, () => fired.push('one hour'));
    clock.advance(30 * 60_000);

    // Act
    clock.set(start - 86_400_000);

    // Assess
    expect(rewinds).toBe(1);
    expect(fired).toEqual([]);
    clock.set(start + 3_600_000);
    expect(fired).toEqual(['one hour']);
    expect(rewinds).toBe(1);
  });

  test('setting it to what it reads is not a rewind, though real time moved on meanwhile', () => {
    // Prepare
    let rewinds = 0;
    clock.onRewind(() => rewinds++);
    const reading = clock.now();

    // Act
    clock.set(reading);
    clock.set(reading - 500);

    // Assess
    expect(rewinds).toBe(0);
  });

  test('a listener that unsubscribed is not told', () => {
    // Prepare
    let rewinds = 0;
    const stop = clock.onRewind(() => rewinds++);
    stop();

    // Act
    clock.advance(-60_000);

    // Assess
    expect(rewinds).toBe(0);
  });
});
