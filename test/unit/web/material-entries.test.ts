import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkForm } from '../../../web/src/form/check';
import { MESSAGES } from '../../../web/src/i18n/messages';
import {
  type MaterialEntry,
  readableForm,
  submittedForm,
  uploadProblems,
} from '../../../web/src/uploads/material-entry';
import type { UploadPhase } from '../../../web/src/uploads/upload-state';

const entry = (type: string, uploadId: string | undefined, phase: UploadPhase): MaterialEntry => ({
  type,
  ...(uploadId ? { uploadId } : {}),
  upload: {
    key: `key-${type}`,
    fileName: `${type}.pdf`,
    sizeBytes: 1024,
    sha256: 'b'.repeat(64),
    phase,
    progress: 1,
    ...(phase === 'rejected' ? { reason: { en: 'Not a PDF', zh: '不是PDF文件' } } : {}),
  },
});

/** The valid fixture with its materials as the draft keeps them. */
function draftForm(materials: MaterialEntry[]): Record<string, unknown> {
  const path = resolve(import.meta.dirname, '../../fixtures/applications/valid-baiyun-llc.json');
  return { ...JSON.parse(readFileSync(path, 'utf8')), materials };
}

/** Upload ids as the platform gives them (UPLOAD_ID_PATTERN): the form schema refuses any other. */
const UP_1 = `up-${'1'.repeat(26)}`;
const UP_2 = `up-${'2'.repeat(26)}`;

const clean = [entry('articles-of-association', UP_1, 'clean'), entry('address-proof', UP_2, 'clean')];

describe('the materials of a draft', () => {
  it('are sent as only { type, uploadId }, the display info left in the draft', () => {
    const form = draftForm(clean);

    const body = submittedForm(form);

    expect(body.materials).toEqual([
      { type: 'articles-of-association', uploadId: UP_1 },
      { type: 'address-proof', uploadId: UP_2 },
    ]);
    expect({ ...body, materials: undefined }).toEqual({ ...form, materials: undefined });
    expect((form.materials as MaterialEntry[])[0]?.upload?.fileName).toBe('articles-of-association.pdf');
  });

  it('are read back by type and file name', () => {
    expect(readableForm(draftForm(clean)).materials).toEqual([
      { type: 'articles-of-association', fileName: 'articles-of-association.pdf' },
      { type: 'address-proof', fileName: 'address-proof.pdf' },
    ]);
  });

  it('block submission while a file is on its way, and when it must be replaced', () => {
    const wait = {
      message: MESSAGES.en.uploads.waitBeforeSubmit,
      message_zh: MESSAGES.zh.uploads.waitBeforeSubmit,
    };
    const replace = {
      message: MESSAGES.en.uploads.replaceBeforeSubmit,
      message_zh: MESSAGES.zh.uploads.replaceBeforeSubmit,
    };
    const at = (phase: UploadPhase, uploadId?: string) =>
      uploadProblems(draftForm([clean[0] as MaterialEntry, entry('address-proof', uploadId, phase)]));

    expect(uploadProblems(draftForm(clean))).toEqual([]);
    for (const phase of ['declaring', 'sending', 'checking'] as const)
      expect(at(phase, phase === 'declaring' ? undefined : UP_2)).toEqual([
        { path: 'materials[1]', ...wait },
      ]);
    for (const phase of ['refused', 'rejected', 'infected', 'failed'] as const)
      expect(at(phase, UP_2)).toEqual([{ path: 'materials[1]', ...replace }]);
  });

  it("are checked by the form schema as sent, an upload's own problem standing for the material", () => {
    expect(checkForm(draftForm(clean))).toEqual([]);

    const stillDeclaring = checkForm(
      draftForm([clean[0] as MaterialEntry, entry('address-proof', undefined, 'declaring')]),
    );
    expect(stillDeclaring.map((error) => error.path)).toEqual(['materials[1]']);

    // A material kept from the case (a correction) has no display info and is not blocked.
    expect(
      checkForm(draftForm([{ type: 'articles-of-association', uploadId: UP_1 }, clean[1] as MaterialEntry])),
    ).toEqual([]);
  });
});
