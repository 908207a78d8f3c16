import { z } from 'zod';

/** Events flow core → UI only (job progress and the like); every host forwards them unchanged. */
export const eventSchemas = {
  'jobs.progress': z.object({
    jobId: z.string(),
    kind: z.string(),
    done: z.number().int(),
    total: z.number().int(),
    state: z.enum(['running', 'done', 'failed', 'cancelled']),
  }),
  'data.changed': z.object({ entity: z.string() }),
};
export type EventName = keyof typeof eventSchemas;
export type EventPayload<E extends EventName> = z.infer<(typeof eventSchemas)[E]>;
export const EVENT_NAMES = Object.keys(eventSchemas) as EventName[];
