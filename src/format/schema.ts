import { z } from 'zod';

const text = z.string().trim().min(1);

export const FormatSchema = z
  .object({
    id: text,
    version: z.union([text, z.number().transform(String)]),
    title: text,
    publisher: z.string().optional(),
    levels: z.array(z.object({ id: text, title: text, description: text })).length(3),
    aspects: z.array(z.object({ id: text, title: text, description: text })).length(3),
    bouwstenen: z.array(
      z.object({
        id: text,
        level: text,
        aspect: text,
        title: text,
        description: text,
        questions: z.array(z.object({ text, mandatory: z.boolean().default(false) })).min(1),
      }),
    ),
    steps: z.array(z.object({ number: z.number().int(), title: text, guidance: text })).length(4),
  })
  .superRefine((format, ctx) => {
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
  });

export type FormatData = z.infer<typeof FormatSchema>;
