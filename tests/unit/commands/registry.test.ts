import { describe, expect, it } from 'vitest';
import { quizCommand } from '../../../commands/quiz.js';
import { commandHandlers } from '../../../src/commands/handlers/registry.js';
import { leafAt, leaves } from '../../../src/commands/spec.js';

describe('the handler registry and the command spec', () => {
  it('every leaf of commands/quiz.ts has a handler, and every handler a leaf', () => {
    const specKeys = leaves(quizCommand).map((leaf) => leaf.key);
    expect(Object.keys(commandHandlers).sort()).toEqual([...specKeys].sort());
  });

  it('walks groups into their subcommands', () => {
    expect(leaves(quizCommand).map((l) => l.key)).toContain('daily set');
    expect(leafAt(quizCommand, ['daily', 'set'])?.spec.adminOnly).toBe(true);
    expect(leafAt(quizCommand, ['daily'])).toBeUndefined();
    expect(leafAt(quizCommand, ['nope'])).toBeUndefined();
  });
});
