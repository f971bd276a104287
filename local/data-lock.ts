import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * One runtime per data folder: LevelDB allows one process per directory and fails obscurely for the
 * second. A pid file says who holds it; one left by a killed process is taken over.
 */
export async function lockDataDirectory(directory: string): Promise<() => Promise<void>> {
  const file = join(directory, 'runtime.pid');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await writeFile(file, String(process.pid), { flag: 'wx' });
      return () => rm(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(await readFile(file, 'utf8').catch(() => ''));
      if (holder && holder !== process.pid && isRunning(holder)) {
        throw new Error(
          `${directory} is in use by another runtime (pid ${holder}): stop that npm start, or set DATA_DIR to another folder`,
        );
      }
      await rm(file, { force: true });
    }
  }
  throw new Error(`Could not lock ${directory}`);
}
