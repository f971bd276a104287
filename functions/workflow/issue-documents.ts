import * as z from 'zod';
import { issueDocuments } from '../../shared/documents/issue-documents';
import { applicationId, stepHandler } from './step-handler';

export const handler = stepHandler(z.object({ applicationId }).strict(), (input) =>
  issueDocuments(input.applicationId),
);
