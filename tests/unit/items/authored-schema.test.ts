/** Authored item files: every mistake is reported as file:line with a message naming the fix. */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseItemsFile } from '../../../src/core/items/authored/parse.js';
import { loadAuthoredItems } from '../../../src/items/load.js';

const questions = new Set(['Q1', 'Q3', 'Q31']);

/** Lines as lint prints them. */
function lint(source: string): string[] {
  return parseItemsFile('bad.yaml', source, { questions }).issues.map(
    (i) => `${i.file}:${i.line}: ${i.message}`,
  );
}

const header = (id: string, type = 'numeric') =>
  `  - id: ${id}\n    type: ${type}\n    sources: [Q3]\n    tags: [DL]\n    prompt: p\n    explanation: e\n`;

describe('authored item schema errors', () => {
  it('a good file has no issues and yields its items', () => {
    const parsed = parseItemsFile(
      'good.yaml',
      `items:\n${header('a')}    answer: 3\n${header('b', 'choice')}    options: { a: x, b: y }\n    answer: [a, b]\n`,
      { questions },
    );
    expect(parsed.issues).toEqual([]);
    expect(parsed.items.map((i) => [i.id, i.kind, i.origin])).toEqual([
      ['a', 'numeric', { kind: 'authored', file: 'good.yaml', line: 2 }],
      ['b', 'choice', { kind: 'authored', file: 'good.yaml', line: 9 }],
    ]);
  });

  it('bad type', () => {
    expect(lint(`items:\n${header('odd', 'essay')}    answer: 3\n`)).toEqual([
      'bad.yaml:3: odd: type must be "choice" or "numeric" (got "essay")',
    ]);
  });

  it('missing answer', () => {
    expect(
      lint(
        `items:\n  - id: x\n    type: numeric\n    sources: [Q1]\n    tags: [DL]\n    prompt: p\n    explanation: e\n`,
      ),
    ).toEqual(['bad.yaml:2: x: missing "answer"']);
  });

  it('a misspelt field is unknown, on its own line', () => {
    expect(lint(`items:\n${header('x')}    anwser: 3\n    answer: 3\n`)).toEqual([
      'bad.yaml:8: x: unknown field "anwser"',
    ]);
  });

  it('wrong value types name the field', () => {
    expect(lint(`items:\n${header('x')}    answer: 3\n    tolerance: { abs: lots }\n`)).toEqual([
      'bad.yaml:9: x: tolerance.abs must be a number',
    ]);
    expect(
      lint(
        `items:\n  - id: Bad_Id\n    type: numeric\n    sources: Q1\n    tags: [DL]\n    prompt: p\n    explanation: e\n    answer: 1\n`,
      ),
    ).toEqual([
      'bad.yaml:2: Bad_Id: id must be lower-case letters, digits and "-"',
      'bad.yaml:4: Bad_Id: sources must be a list of question ids, e.g. [Q3]',
    ]);
  });

  it('unknown parameter in a template (answer, where and prompt)', () => {
    const source = `items:
${header('t').replace('prompt: p', 'prompt: "n = {{n}}, m = {{m}}"')}    params:
      n: { range: [1, 9] }
    where: n > k
    answer: 2 / q
`;
    expect(lint(source)).toEqual([
      'bad.yaml:6: t: unknown parameter "m" in "m" (params: n)',
      'bad.yaml:10: t: unknown parameter "k" in "n > k" (params: n)',
      'bad.yaml:11: t: unknown parameter "q" in "2 / q" (params: n)',
    ]);
  });

  it('unsafe or foreign expressions are rejected, never run', () => {
    const attempts = [
      `"constructor.constructor('return process')()"`,
      `"process.exit(1)"`,
      `"this"`,
      `"Function('x')"`,
      `"require('fs')"`,
      `"n[0]"`,
      `"eval(n)"`,
    ];
    const messages = attempts.map((answer) =>
      lint(
        `items:\n${header('u').replace('prompt: p', 'prompt: "{{n}}"')}    params:\n      n: { values: [1] }\n    answer: ${answer}\n`,
      ),
    );
    expect(messages).toEqual([
      [
        'bad.yaml:10: u: bad expression "constructor.constructor(\'return process\')()": unexpected character "." (column 12)',
      ],
      ['bad.yaml:10: u: bad expression "process.exit(1)": unexpected character "." (column 8)'],
      ['bad.yaml:10: u: unknown parameter "this" in "this" (params: n)'],
      ['bad.yaml:10: u: bad expression "Function(\'x\')": unexpected character "\'" (column 10)'],
      ['bad.yaml:10: u: bad expression "require(\'fs\')": unexpected character "\'" (column 9)'],
      ['bad.yaml:10: u: bad expression "n[0]": unexpected character "[" (column 2)'],
      [
        'bad.yaml:10: u: bad expression "eval(n)": unknown function "eval" (allowed: floor, ceil, round, sqrt, abs, log2, log10, min, max) (column 1)',
      ],
    ]);
  });

  it('a choice answer that is not an option, and duplicate options', () => {
    expect(
      lint(
        `items:\n${header('c', 'choice')}    options:\n      a: same\n      b: Same\n    answer: [a, e]\n`,
      ),
    ).toEqual([
      'bad.yaml:10: c: options a and b have the same text',
      'bad.yaml:11: c: answer "e" is not an option (options: a, b)',
    ]);
  });

  it('a check that disagrees with the answer expression', () => {
    const source = `items:
${header('conv').replace('prompt: p', 'prompt: "{{W}} {{K}} {{S}}"')}    params:
      W: { range: [8, 16] }
      K: { values: [3] }
      S: { values: [2] }
    answer: floor((W - K) / S) + 1
    checks:
      - { W: 9, K: 3, S: 2, answer: 4 }
      - { W: 10, K: 3, S: 2, answer: 5 }
      - { W: 10, K: 3, answer: 4 }
`;
    expect(lint(source)).toEqual([
      'bad.yaml:15: conv: check 2: the answer expression gives 4, the check says 5',
      'bad.yaml:16: conv: check 3: missing S',
    ]);
  });

  it('a template that divides by zero somewhere in its ranges, and one that can never be drawn', () => {
    const zero = `items:\n${header('z').replace('prompt: p', 'prompt: "{{n}}"')}    params:\n      n: { range: [0, 3] }\n    answer: 1 / n\n`;
    expect(lint(zero)).toEqual([
      'bad.yaml:10: z: answer is Infinity for n=0; narrow the ranges or add "where"',
    ]);
    const never = `items:\n${header('w').replace('prompt: p', 'prompt: "{{n}}"')}    params:\n      n: { range: [0, 3] }\n    where: n > 5\n    answer: n\n`;
    expect(lint(never)).toEqual(['bad.yaml:10: w: no parameter values satisfy "where"']);
  });

  it('a parameter the prompt never shows, and placeholders without params', () => {
    const hidden = `items:\n${header('h')}    params:\n      n: { range: [1, 3] }\n    answer: n\n`;
    expect(lint(hidden)).toEqual(['bad.yaml:9: h: parameter n is never shown in the prompt']);
    const plain = `items:\n${header('p').replace('prompt: p', 'prompt: "{{n}}"')}    answer: 1\n`;
    expect(lint(plain)).toEqual([
      'bad.yaml:6: p: {{…}} placeholders need params (this item declares none)',
    ]);
  });

  it('an unknown source question', () => {
    expect(lint(`items:\n${header('s').replace('[Q3]', '[Q3, Q77]')}    answer: 1\n`)).toEqual([
      'bad.yaml:4: s: source Q77 is not a question in the bank',
    ]);
  });

  it('YAML syntax errors and a wrong top level', () => {
    // The parser notices the missing quote where the file ends.
    expect(lint(`items:\n  - id: x\n    prompt: "unclosed\n`)).toEqual([
      'bad.yaml:4: YAML: Missing closing "quote',
    ]);
    expect(lint(`items:\n  - id: x\n  id: y\n`)[0]).toMatch(/^bad\.yaml:[23]: YAML: /);
    expect(lint(`- id: x\n`)).toEqual([
      'bad.yaml:1: the file must hold "items:" with a list of items',
    ]);
    expect(lint(`items: []\nextra: 1\n`)).toEqual(['bad.yaml:2: unknown field "extra"']);
  });

  it('one broken item does not hide the good ones', () => {
    const parsed = parseItemsFile(
      'mixed.yaml',
      `items:\n${header('ok')}    answer: 1\n${header('broken')}\n`,
      { questions },
    );
    expect(parsed.items.map((i) => i.id)).toEqual(['ok']);
    expect(parsed.issues.map((i) => i.message)).toEqual(['broken: missing "answer"']);
  });

  it('duplicate ids across files point at the first use', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'qb-items-'));
    await writeFile(path.join(dir, 'a.yaml'), `items:\n${header('same')}    answer: 1\n`);
    await writeFile(path.join(dir, 'b.yml'), `items:\n${header('same')}    answer: 2\n`);
    await writeFile(path.join(dir, 'notes.txt'), 'not an items file');
    const loaded = await loadAuthoredItems(dir);
    expect(loaded.files.map((f) => path.basename(f))).toEqual(['a.yaml', 'b.yml']);
    expect(loaded.issues.map((i) => `${path.basename(i.file)}:${i.line}: ${i.message}`)).toEqual([
      `b.yml:2: same: id is already used at ${path.join(dir, 'a.yaml')}:2`,
    ]);
  });

  it('an unreadable path is an issue, not a crash', async () => {
    const loaded = await loadAuthoredItems('/no/such/items');
    expect(loaded.issues).toEqual([
      { file: '/no/such/items', line: 1, message: 'cannot read (ENOENT)' },
    ]);
  });
});
