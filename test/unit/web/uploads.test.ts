import { describe, expect, it, vi } from 'vitest';

// The API client keeps the session in sessionStorage, which Node lacks.
vi.hoisted(() => {
  const items = new Map<string, string>();
  Object.assign(globalThis, {
    sessionStorage: {
      getItem: (key: string) => items.get(key) ?? null,
      setItem: (key: string, value: string) => items.set(key, value),
      removeItem: (key: string) => items.delete(key),
    },
  });
});

import type { UploadDeclaration } from '../../../shared/uploads/declaration';
import { ApiError } from '../../../web/src/api/client';
import type { UploadStatus } from '../../../web/src/api/types';
import { MESSAGES } from '../../../web/src/i18n/messages';
import { POLL_SCHEDULE, pollDelays } from '../../../web/src/uploads/poll-schedule';
import { type UploadReport, type UploadSteps, uploadFile } from '../../../web/src/uploads/upload-file';

const declaration: UploadDeclaration = {
  fileName: 'articles.pdf',
  mediaType: 'application/pdf',
  sizeBytes: 4,
  sha256: 'a'.repeat(64),
};
const file = new File(['%PDF'], 'articles.pdf', { type: 'application/pdf' });
const ticket = {
  id: 'up-1',
  status: 'pending' as const,
  upload: { url: 'https://s3.example/b', fields: { key: 'k' } },
};

/** Steps that answer as told and record what was asked of them. */
function fakeSteps(statuses: (UploadStatus | Error)[], overrides: Partial<UploadSteps> = {}) {
  const calls = {
    declared: [] as UploadDeclaration[],
    sent: 0,
    statusOf: [] as string[],
    slept: [] as number[],
  };
  const steps: UploadSteps = {
    declare: async (body) => {
      calls.declared.push(body);
      return ticket;
    },
    send: async (_target, _file, onProgress) => {
      calls.sent++;
      onProgress(0.5);
      onProgress(1);
    },
    status: async (id) => {
      calls.statusOf.push(id);
      const next = statuses.length > 1 ? statuses.shift() : statuses[0];
      if (next instanceof Error) throw next;
      return next ?? { id, status: 'pending' };
    },
    sleep: async (ms) => {
      calls.slept.push(ms);
    },
    ...overrides,
  };
  return { steps, calls };
}

async function run(steps: UploadSteps, facts: UploadDeclaration = declaration) {
  const reports: UploadReport[] = [];
  await uploadFile(file, facts, steps, (change) => reports.push(change));
  return reports;
}

const pending = { id: 'up-1', status: 'pending' } as const;

describe('the upload of a picked file', () => {
  it('waits 250 ms, doubling to 2 s between status requests, for at most a minute', () => {
    const delays = pollDelays();
    const total = delays.reduce((sum, delay) => sum + delay, 0);
    expect(delays.slice(0, 5)).toEqual([250, 500, 1000, 2000, 2000]);
    expect(Math.max(...delays)).toBe(POLL_SCHEDULE.longestMs);
    expect(total).toBeLessThanOrEqual(POLL_SCHEDULE.giveUpAfterMs);
    expect(total + POLL_SCHEDULE.longestMs).toBeGreaterThan(POLL_SCHEDULE.giveUpAfterMs);
  });

  it('declares, sends with progress, then polls with back-off until clean', async () => {
    const { steps, calls } = fakeSteps([pending, pending, { id: 'up-1', status: 'clean' }]);

    const reports = await run(steps);

    expect(calls.declared).toEqual([declaration]);
    expect(calls.sent).toBe(1);
    expect(calls.slept).toEqual([250, 500, 1000]);
    expect(calls.statusOf).toEqual(['up-1', 'up-1', 'up-1']);
    expect(reports).toEqual([
      { uploadId: 'up-1', phase: 'sending', progress: 0 },
      { progress: 0.5 },
      { progress: 1 },
      { phase: 'checking', progress: 1 },
      { phase: 'clean', reason: undefined },
    ]);
  });

  it("ends rejected or infected with the server's bilingual reason", async () => {
    const reason = { en: 'Not a PDF', zh: '不是PDF文件' };
    for (const status of ['rejected', 'infected'] as const) {
      const { steps } = fakeSteps([pending, { id: 'up-1', status, reason }]);

      const reports = await run(steps);

      expect(reports.at(-1)).toEqual({ phase: status, reason });
    }
  });

  it('gives up after the schedule with a message, having asked once per wait', async () => {
    const { steps, calls } = fakeSteps([pending]);

    const reports = await run(steps);

    expect(calls.slept).toEqual(pollDelays());
    expect(calls.statusOf).toHaveLength(pollDelays().length);
    expect(reports.at(-1)).toEqual({
      phase: 'failed',
      reason: { en: MESSAGES.en.uploads.checkTooLong, zh: MESSAGES.zh.uploads.checkTooLong },
    });
  });

  it('keeps polling through a passing server error, and stops at a refusal', async () => {
    const passing = fakeSteps([
      new ApiError(503, 'Unavailable', 'Try again', '请重试'),
      { id: 'up-1', status: 'clean' },
    ]);
    expect((await run(passing.steps)).at(-1)).toEqual({ phase: 'clean', reason: undefined });
    expect(passing.calls.statusOf).toHaveLength(2);

    const gone = fakeSteps([new ApiError(404, 'NotFound', 'No such upload', '上传不存在')]);
    expect((await run(gone.steps)).at(-1)).toEqual({
      phase: 'failed',
      reason: { en: 'No such upload', zh: '上传不存在' },
    });
    expect(gone.calls.statusOf).toHaveLength(1);
  });

  it('refuses locally, with the declaration schema’s message, what the API would refuse', async () => {
    const cases: [Partial<UploadDeclaration>, string, string][] = [
      [
        { mediaType: 'text/plain' as UploadDeclaration['mediaType'], fileName: 'notes.txt' },
        'Upload a PDF, JPG or PNG file',
        '请上传PDF、JPG或PNG文件',
      ],
      [{ sizeBytes: 21 * 1024 * 1024 }, 'A file may be at most 20 MiB', '单个文件不得超过20 MiB'],
      [{ sizeBytes: 0 }, 'The file is empty', '文件为空'],
      [
        { fileName: 'articles.png' },
        'A file of type application/pdf needs a name ending in .pdf',
        'application/pdf文件的文件名应以.pdf结尾',
      ],
    ];
    for (const [change, en, zh] of cases) {
      const { steps, calls } = fakeSteps([pending]);

      const reports = await run(steps, { ...declaration, ...change });

      expect(reports).toEqual([{ phase: 'refused', reason: { en, zh } }]);
      expect(calls.declared).toEqual([]);
    }
  });

  it("fails with the API's words when the declaration is refused, and sends nothing", async () => {
    const { steps, calls } = fakeSteps([pending], {
      declare: async () => {
        throw new ApiError(400, 'ValidationError', 'Too many uploads', '上传过多');
      },
    });

    const reports = await run(steps);

    expect(reports).toEqual([{ phase: 'failed', reason: { en: 'Too many uploads', zh: '上传过多' } }]);
    expect(calls.sent).toBe(0);
  });

  it('fails without polling when storage refuses the file', async () => {
    const { steps, calls } = fakeSteps([pending], {
      send: async () => {
        throw new Error('Storage answered 403');
      },
    });

    const reports = await run(steps);

    expect(reports.at(-1)).toEqual({
      phase: 'failed',
      reason: { en: MESSAGES.en.uploads.sendFailed, zh: MESSAGES.zh.uploads.sendFailed },
    });
    expect(calls.statusOf).toEqual([]);
  });
});
