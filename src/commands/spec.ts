import { type CommandSpec, isGroup, type SubcommandSpec } from '../../commands/quiz.js';

/** One runnable subcommand of the tree: its path (`['daily', 'set']`) and spec. */
export interface Leaf {
  readonly path: readonly string[];
  /** The path joined by spaces (`daily set`): the registry key and the metrics label. */
  readonly key: string;
  readonly spec: SubcommandSpec;
}

/** Every runnable subcommand, in spec order (groups expanded). */
export function leaves(spec: CommandSpec): Leaf[] {
  return spec.subcommands.flatMap((entry): Leaf[] =>
    isGroup(entry)
      ? entry.subcommands.map((s) => ({
          path: [entry.name, s.name],
          key: `${entry.name} ${s.name}`,
          spec: s,
        }))
      : [{ path: [entry.name], key: entry.name, spec: entry }],
  );
}

/** The subcommand a path names, or undefined. */
export function leafAt(spec: CommandSpec, path: readonly string[]): Leaf | undefined {
  const key = path.join(' ');
  return leaves(spec).find((leaf) => leaf.key === key);
}
