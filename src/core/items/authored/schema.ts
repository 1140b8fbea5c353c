import { z } from 'zod';

/**
 * The shape of `data/items/*.yaml` (documented for authors in data/items/README.md). Objects are
 * strict so a misspelt key (`anwser`) is an error rather than a silently missing field. Meaning
 * that needs more than shape (answer ids among the options, expressions, parameter names) is
 * checked afterwards in convert.ts and template-entry.ts, where each problem still gets its line.
 */

const ID = /^[a-z0-9][a-z0-9-]*$/;
/** Parameter names are expression names; `answer` is taken by `checks` and explanations. */
const PARAM_NAME = /^[A-Za-z_]\w*$/;
const OPTION_ID = /^[a-h]$/;

const text = (what: string) =>
  z
    .string({ error: `${what} must be text` })
    .trim()
    .min(1, `${what} is empty`);

const common = {
  id: z
    .string({ error: 'id must be text' })
    .regex(ID, 'id must be lower-case letters, digits and "-"'),
  sources: z
    .array(z.string({ error: 'each source must be a question id such as Q3' }), {
      error: 'sources must be a list of question ids, e.g. [Q3]',
    })
    .min(1, 'sources needs at least one question id'),
  tags: z
    .array(text('a tag'), { error: 'tags must be a list, e.g. [DL]' })
    .min(1, 'tags needs at least one tag'),
  prompt: text('prompt'),
  explanation: text('explanation'),
};

const choice = z.strictObject({
  ...common,
  type: z.literal('choice'),
  options: z
    .record(z.string().regex(OPTION_ID, 'option ids are single letters a–h'), text('an option'), {
      error: 'options must map letters to text, e.g. { a: …, b: … }',
    })
    .refine((o) => Object.keys(o).length >= 2, 'a choice item needs at least two options'),
  answer: z.union([z.string(), z.array(z.string()).min(1)], {
    error: 'answer must be an option id (a) or a list of them ([a, c])',
  }),
});

const number = (what: string) => z.number({ error: `${what} must be a number` });

const param = z.union(
  [
    z.strictObject({
      range: z.tuple([number('range start'), number('range end')], {
        error: 'range must be [min, max]',
      }),
      step: number('step').positive('step must be positive').optional(),
    }),
    z.strictObject({
      values: z.array(number('each value'), { error: 'values must be a list of numbers' }).min(1),
    }),
  ],
  { error: 'a parameter is { range: [min, max], step? } or { values: [a, b, …] }' },
);

const numeric = z.strictObject({
  ...common,
  type: z.literal('numeric'),
  answer: z.union([z.number(), z.string().trim().min(1)], {
    error: 'answer must be a number or an expression',
  }),
  tolerance: z
    .strictObject({
      abs: number('tolerance.abs').nonnegative('tolerance cannot be negative').optional(),
      rel: number('tolerance.rel').nonnegative('tolerance cannot be negative').optional(),
    })
    .optional(),
  unit: text('unit').optional(),
  params: z
    .record(z.string().regex(PARAM_NAME, 'parameter names are letters, digits and _'), param)
    .optional(),
  where: text('where').optional(),
  checks: z
    .array(z.record(z.string(), number('a check value')), {
      error: 'checks must be a list of { param: value, …, answer: value }',
    })
    .optional(),
});

export const itemSchema = z.discriminatedUnion('type', [choice, numeric]);

export type ChoiceEntry = z.infer<typeof choice>;
export type NumericEntry = z.infer<typeof numeric>;
export type ParamEntry = z.infer<typeof param>;
