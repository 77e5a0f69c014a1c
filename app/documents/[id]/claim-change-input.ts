import { z } from 'zod';

/** What every change to an existing claim carries: which claim, the version the reviewer saw, and consent. */
export const ClaimChangeInput = z.object({
  documentId: z.uuid({ error: 'Unknown document.' }),
  claimId: z.uuid({ error: 'Unknown claim.' }),
  version: z.number({ error: 'Reload the page: the form is missing its version.' }).int().min(1),
  confirmed: z.boolean().optional(),
});
