import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * What the tests need from the operating system rather than from npm: Debian's Chromium for the
 * browser tests (playwright-core drives it; it cannot download a browser of its own here) and CJK fonts
 * so the Chinese pages render. Runs before `npm test`: finds them, or installs them with apt-get when
 * it may (root, or sudo without a password), saying what it does; otherwise it stops with the command to
 * run. The browser tests never skip silently.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const PACKAGES = ['chromium', 'fonts-noto-cjk'];

const succeeds = (command: string, args: string[]) =>
  spawnSync(command, args, { stdio: 'ignore' }).status === 0;

function hasCjkFont(): boolean {
  if (!succeeds('fc-list', ['--version'])) return false;
  return execFileSync('fc-list', [':lang=zh'], { encoding: 'utf8' }).trim().length > 0;
}

function missing(): string[] {
  const absent: string[] = [];
  if (!existsSync(CHROMIUM)) absent.push('chromium');
  if (!hasCjkFont()) absent.push('fonts-noto-cjk');
  return absent;
}

function installer(): string[] | undefined {
  if (!succeeds('apt-get', ['--version'])) return undefined;
  if (process.getuid?.() === 0) return [];
  if (succeeds('sudo', ['-n', 'true'])) return ['sudo', '-n'];
  return undefined;
}

const absent = missing();
if (absent.length === 0) {
  console.info(`system packages: Chromium at ${CHROMIUM} and CJK fonts found`);
} else {
  const prefix = installer();
  const command = ['apt-get', 'install', '-y', '--no-install-recommends', ...PACKAGES];
  if (!prefix) {
    console.error(
      `The browser tests need ${absent.join(' and ')}, and this user cannot install them.\n` +
        `Install them, then run the tests again:\n  sudo apt-get update && sudo ${command.join(' ')}\n` +
        'or point CHROMIUM_PATH at a Chromium binary.',
    );
    process.exit(1);
  }
  console.info(
    `system packages: installing ${absent.join(' and ')} with apt-get (Debian's ${PACKAGES.join(', ')})`,
  );
  const run = (args: string[]) => {
    const [executable, ...rest] = [...prefix, ...args];
    execFileSync(executable as string, rest, {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  };
  run(['apt-get', 'update', '-qq']);
  run([...command, '-qq']);
  const still = missing();
  if (still.length > 0) {
    console.error(`system packages: ${still.join(' and ')} still missing after apt-get`);
    process.exit(1);
  }
  console.info('system packages: installed');
}
