import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'esbuild';
import { beforeAll, expect, test } from 'vitest';
import { esbuildOptions, REPO_ROOT } from '../../infra/bundling';
import { ENTRY_POINTS } from '../../shared/entry-points/all';
import { WORKFLOW_FUNCTIONS } from '../../shared/entry-points/workflow-functions';

/** The packages that draw PDFs: only the function that renders documents may carry them. */
const PDF_PACKAGES = /node_modules\/(pdf-lib|@pdf-lib\/fontkit|@fontsource\/)/;
const RENDERER = WORKFLOW_FUNCTIONS.issueDocuments;

/** Each function's bundled input files (esbuild's metafile), by function name. */
let inputs: Map<string, string[]>;

beforeAll(async () => {
  inputs = new Map(
    await Promise.all(
      ENTRY_POINTS.map(async (fn): Promise<[string, string[]]> => {
        const result = await build({
          ...esbuildOptions(),
          entryPoints: [fn.handler],
          outfile: 'index.mjs',
          metafile: true,
          write: false,
          logLevel: 'error',
        });
        return [fn.name, Object.keys(result.metafile.inputs)];
      }),
    ),
  );
}, 180_000);

test("the upload and document functions are bundled (and so in the bench's bundle sizes)", () => {
  // Prepare
  const added = [
    'CreateUpload',
    'GetUpload',
    'GetMaterial',
    'ListDocuments',
    'GetDocument',
    'VerifyCompany',
    'UploadCheck',
    'UploadScanResult',
    'CaseIssueDocuments',
  ];

  // Act / Assess
  expect([...inputs.keys()]).toEqual(expect.arrayContaining(added));
});

test('no bundle but the document renderer carries pdf-lib, fontkit or a font', () => {
  // Prepare
  const others = [...inputs].filter(([name]) => name !== RENDERER.name);

  // Act
  const carrying = others.flatMap(([name, files]) =>
    files.filter((file) => PDF_PACKAGES.test(file)).map((file) => `${name}: ${file}`),
  );

  // Assess
  expect(others.length).toBeGreaterThan(30);
  expect(carrying).toEqual([]);
});

test('the document renderer bundles pdf-lib and fontkit, and ships the font beside its bundle', async () => {
  // Prepare
  const files = inputs.get(RENDERER.name) ?? [];

  // Act
  const fonts = RENDERER.bundledFiles.filter((file) => file.endsWith('.woff'));
  const signatures = await Promise.all(
    fonts.map(async (file) => (await readFile(join(REPO_ROOT, file))).subarray(0, 4).toString('latin1')),
  );

  // Assess
  expect(files.some((file) => file.includes('node_modules/pdf-lib/'))).toBe(true);
  expect(files.some((file) => file.includes('node_modules/@pdf-lib/fontkit/'))).toBe(true);
  expect(fonts).toContainEqual(expect.stringContaining('@fontsource/noto-sans-sc/'));
  expect(signatures).toEqual(fonts.map(() => 'wOFF'));
});
