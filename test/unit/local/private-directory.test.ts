import { chmod, mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { privateDirectory } from '../../../local/private-directory';

const modeOf = async (path: string) => (await stat(path)).mode & 0o777;

describe('privateDirectory', () => {
  let parent: string;
  beforeEach(async () => {
    parent = await mkdtemp(join(tmpdir(), 'private-directory-'));
  });
  afterEach(async () => {
    await rm(parent, { recursive: true, force: true });
  });

  test('creates a missing directory, and the ones above it, for its owner only', async () => {
    // Prepare
    const path = join(parent, 'data', 'dynamo');

    // Act
    await privateDirectory(path);

    // Assess
    expect(await modeOf(path)).toBe(0o700);
    expect(await modeOf(join(parent, 'data'))).toBe(0o700);
  });

  test('tightens a directory others could read', async () => {
    // Prepare
    const path = join(parent, 'data');
    await mkdir(path);
    await chmod(path, 0o755);

    // Act
    await privateDirectory(path);

    // Assess
    expect(await modeOf(path)).toBe(0o700);
  });
});
