import { z } from 'zod';

/**
 * The shape of a criteria framework file (resources/criteria/*.json, or one built from an .xlsx
 * sheet). Two levels: categories hold items. A category without items is scored as a whole (EFQM
 * criteria 6 and 7 have no sub-criteria), so "scored items" are the leaves of the tree.
 *
 * Objects are strict: an unknown key is far more likely a typo ("point") than a new feature, and a
 * typo in a criteria file silently changes every score computed from it.
 */

export const FRAMEWORK_SCHEMA_VERSION = 1;

export const localizedTextSchema = z.strictObject({
  'zh-CN': z.string().trim().min(1),
  en: z.string().trim().min(1),
  'zh-TW': z.string().trim().min(1),
});

export const nodeKindSchema = z.enum(['process', 'results']);

const nodeIdSchema = z.string().trim().min(1).max(40);
const pointsSchema = z.int().positive().max(100_000);

export const itemPartSchema = z.strictObject({
  label: z.string().trim().min(1),
  names: localizedTextSchema,
});

export const frameworkItemSchema = z.strictObject({
  id: nodeIdSchema,
  kind: nodeKindSchema,
  points: pointsSchema,
  names: localizedTextSchema,
  parts: z.array(itemPartSchema).optional(),
});

export const frameworkCategorySchema = z.strictObject({
  id: nodeIdSchema,
  kind: nodeKindSchema,
  points: pointsSchema,
  names: localizedTextSchema,
  items: z.array(frameworkItemSchema),
});

export const scaleSchema = z.strictObject({
  min: z.int().min(0).max(100),
  max: z.int().min(0).max(100),
  step: z.int().positive().max(100),
});

export const bandSchema = z.strictObject({
  min: z.int().min(0).max(100),
  max: z.int().min(0).max(100),
  guidance: localizedTextSchema,
});

export const frameworkSchema = z.strictObject({
  schemaVersion: z.literal(FRAMEWORK_SCHEMA_VERSION),
  code: z.string().trim().min(1).max(60),
  version: z.string().trim().min(1).max(40),
  /** Editorial counter of the file; the fingerprint (electron/core/frameworks) identifies content. */
  revision: z.int().positive(),
  names: localizedTextSchema,
  notes: localizedTextSchema.optional(),
  /** Which words the UI uses for the two levels (EFQM says criterion / sub-criterion). */
  terms: z.strictObject({
    category: z.enum(['category', 'criterion']),
    item: z.enum(['item', 'subCriterion']),
  }),
  total: pointsSchema,
  scale: scaleSchema,
  bands: z.strictObject({
    process: z.array(bandSchema).min(1),
    results: z.array(bandSchema).min(1),
  }),
  categories: z.array(frameworkCategorySchema).min(1),
});

export type LocalizedText = z.infer<typeof localizedTextSchema>;
export type NodeKind = z.infer<typeof nodeKindSchema>;
export type ItemPart = z.infer<typeof itemPartSchema>;
export type FrameworkItem = z.infer<typeof frameworkItemSchema>;
export type FrameworkCategory = z.infer<typeof frameworkCategorySchema>;
export type PercentScale = z.infer<typeof scaleSchema>;
export type ScoringBand = z.infer<typeof bandSchema>;
export type Framework = z.infer<typeof frameworkSchema>;

/** GB/T 19580-2012 is what Chinese government quality awards are judged against. */
export const DEFAULT_FRAMEWORK_CODE = 'GB/T 19580';
