import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * What the platform needs from the operating system rather than from npm, found or installed with Debian's
 * apt-get. `start` (before `npm start`): ClamAV's clamscan, the local malware scanner. `test` (before
 * `npm test`): clamscan too, Debian's Chromium for the browser tests (playwright-core drives it; it cannot
 * download a browser of its own here) and CJK fonts so the Chinese pages render. Installs what is missing
 * when it may (root, or sudo without a password), saying what it does. Otherwise `test` stops with the
 * command to run, so the browser and scanner tests never skip silently; `start` prints it and carries on,
 * since the platform runs without a scanner and refuses every upload as unscanned.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

interface Need {
  /** The Debian package that provides it. */
  package: string;
  what: string;
  present: () => boolean;
}

const succeeds = (command: string, args: string[]) =>
  spawnSync(command, args, { stdio: 'ignore' }).status === 0;

function hasCjkFont(): boolean {
  if (!succeeds('fc-list', ['--version'])) return false;
  return execFileSync('fc-list', [':lang=zh'], { encoding: 'utf8' }).trim().length > 0;
}

const CLAMAV: Need = {
  package: 'clamav',
  what: 'clamscan',
  present: () => succeeds('clamscan', ['--version']),
};
const NEEDS_BY_PURPOSE: Record<string, Need[]> = {
  start: [CLAMAV],
  test: [
    { package: 'chromium', what: `Chromium at ${CHROMIUM}`, present: () => existsSync(CHROMIUM) },
    { package: 'fonts-noto-cjk', what: 'CJK fonts', present: hasCjkFont },
    CLAMAV,
  ],
};

function installer(): string[] | undefined {
  if (!succeeds('apt-get', ['--version'])) return undefined;
  if (process.getuid?.() === 0) return [];
  if (succeeds('sudo', ['-n', 'true'])) return ['sudo', '-n'];
  return undefined;
}

function install(prefix: string[], packages: string[]): void {
  const run = (args: string[]) => {
    const [executable, ...rest] = [...prefix, ...args];
    execFileSync(executable as string, rest, {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  };
  run(['apt-get', 'update', '-qq']);
  run(['apt-get', 'install', '-y', '--no-install-recommends', '-qq', ...packages]);
}

function cannotInstall(purpose: string, absent: Need[]): void {
  const names = absent.map((need) => need.what).join(' and ');
  const line = `sudo apt-get update && sudo apt-get install -y --no-install-recommends ${absent.map((need) => need.package).join(' ')}`;
  if (purpose === 'start') {
    console.warn(
      `system packages: ${names} missing, and this user cannot install it. The platform starts, but every ` +
        `upload will be refused as unscanned until you run:\n  ${line}`,
    );
    return;
  }
  console.error(
    `The tests need ${names}, and this user cannot install them.\nInstall them, then run the tests again:\n  ${line}\n` +
      'or point CHROMIUM_PATH at a Chromium binary.',
  );
  process.exit(1);
}

const purpose = process.argv[2] ?? '';
const needs = NEEDS_BY_PURPOSE[purpose];
if (!needs) {
  console.error(`usage: tsx scripts/system-packages.ts ${Object.keys(NEEDS_BY_PURPOSE).join('|')}`);
  process.exit(2);
}
const absent = needs.filter((need) => !need.present());
if (absent.length === 0) {
  console.info(`system packages: ${needs.map((need) => need.what).join(', ')} found`);
} else {
  const prefix = installer();
  if (!prefix) {
    cannotInstall(purpose, absent);
  } else {
    const packages = absent.map((need) => need.package);
    console.info(
      `system packages: installing ${absent.map((need) => need.what).join(' and ')} with apt-get (Debian's ${packages.join(', ')})`,
    );
    install(prefix, packages);
    const still = absent.filter((need) => !need.present());
    if (still.length > 0) {
      console.error(
        `system packages: ${still.map((need) => need.what).join(' and ')} still missing after apt-get`,
      );
      if (purpose !== 'start') process.exit(1);
    } else {
      console.info('system packages: installed');
    }
  }
}
