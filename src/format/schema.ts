import * as z from 'zod/mini';
import { idShapeProblem } from '../text/ids.js';

const text = z.string().check(z.trim(), z.minLength(1));
// Ids of levels, aspects and bouwstenen become folder and file names (bouwbladen/<bouwsteen>/):
// only what can never leave the folder or trip a file system. idShapeProblem says why not.
const id = z.string().check(
  z.refine((value) => !idShapeProblem(value), { error: (issue) => `De id "${String(issue.input).slice(0, 40)}" kan niet: ${idShapeProblem(String(issue.input))?.why ?? 'onbekend'}.` }),
);
const described = z.object({ id, title: text, description: text });

export const FormatSchema = z
  .object({
    id: text,
    version: z.pipe(z.union([text, z.number()]), z.transform(String)),
    title: text,
    /** Who published this format file; only when that is known. */
    publisher: z.optional(z.string()),
    /**
     * Whether the question texts are the official wording, and where they come
     * from. A file without it is treated as not official: the report cannot
     * vouch for wording nobody vouched for.
     */
    wording: z._default(z.object({ official: z.boolean(), source: z.optional(text) }), { official: false }),
    levels: z.array(described).check(z.length(3)),
    aspects: z.array(described).check(z.length(3)),
    bouwstenen: z.array(
      z.object({
        id,
        level: text,
        aspect: text,
        title: text,
        description: text,
        questions: z.array(z.object({ text, mandatory: z._default(z.boolean(), false) })).check(z.minLength(1)),
      }),
    ),
    steps: z
      .array(
        z.object({
          number: z.int(),
          title: text,
          guidance: text,
          /** Guidance of earlier versions, so bouwbladen made with them are still recognised. */
          earlierGuidance: z._default(z.array(text), []),
        }),
      )
      .check(z.length(4)),
  })
  .check(
    z.superRefine((format, ctx) => {
      const levels = new Set(format.levels.map((l) => l.id));
      const aspects = new Set(format.aspects.map((a) => a.id));
      const seen = new Set<string>();
      format.bouwstenen.forEach((b, index) => {
        const path = ['bouwstenen', index];
        if (!levels.has(b.level)) ctx.addIssue({ code: 'custom', path: [...path, 'level'], message: `Onbekend niveau "${b.level}".` });
        if (!aspects.has(b.aspect)) ctx.addIssue({ code: 'custom', path: [...path, 'aspect'], message: `Onbekend aspect "${b.aspect}".` });
        if (b.id !== `${b.level}-${b.aspect}`)
          ctx.addIssue({ code: 'custom', path: [...path, 'id'], message: `De id moet "${b.level}-${b.aspect}" zijn, niet "${b.id}".` });
        if (seen.has(b.id)) ctx.addIssue({ code: 'custom', path: [...path, 'id'], message: `De bouwsteen "${b.id}" staat er twee keer in.` });
        seen.add(b.id);
        const mandatory = b.questions.filter((q) => q.mandatory).length;
        if (mandatory !== 1)
          ctx.addIssue({ code: 'custom', path: [...path, 'questions'], message: `Bouwsteen "${b.id}" heeft ${mandatory} verplichte vragen; dat moet er precies één zijn.` });
      });
      for (const level of levels)
        for (const aspect of aspects)
          if (!seen.has(`${level}-${aspect}`))
            ctx.addIssue({ code: 'custom', path: ['bouwstenen'], message: `De bouwsteen "${level}-${aspect}" ontbreekt.` });
      format.steps.forEach((step, index) => {
        if (step.number !== index + 1)
          ctx.addIssue({ code: 'custom', path: ['steps', index, 'number'], message: `Stap ${index + 1} heeft nummer ${step.number}.` });
      });
    }),
  );

export type FormatData = z.infer<typeof FormatSchema>;
