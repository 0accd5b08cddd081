/** Request bodies of the sources routes, validated by zod and read into the model (no casts). */
import { z } from 'zod';
import type { PartialDate } from '../core/partial-date.js';
import { partialDate } from '../core/schemas.js';
import type { Source } from './model.js';

export const sourceBody = z.object({
  id: z.string().regex(/^[A-Z]+\d+[a-z]?$/, 'a source id such as S400'),
  title: z.string().min(1),
  url: z.string().url().nullable(),
  published: partialDate.nullable(),
});

export function readSource(body: z.infer<typeof sourceBody>): Source {
  return { id: body.id, title: body.title, url: body.url, published: body.published as PartialDate | null };
}
