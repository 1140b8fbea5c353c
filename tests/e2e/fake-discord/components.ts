/** Walking message and modal component trees the way Discord lays them out. */
type Json = Record<string, unknown>;
const arr = (v: unknown): Json[] => (Array.isArray(v) ? (v as Json[]) : []);

/** Discord numbers every component of a message or modal it stores; keep ids the sender chose. */
export function withIds(components: Json[]): Json[] {
  let next = 1;
  const visit = (c: Json): Json => {
    const out: Json = { ...c, id: typeof c.id === 'number' ? c.id : next };
    next = Math.max(next, Number(out.id)) + 1;
    if (Array.isArray(c.components)) out.components = (c.components as Json[]).map(visit);
    if (c.component && typeof c.component === 'object') out.component = visit(c.component as Json);
    if (c.accessory && typeof c.accessory === 'object') out.accessory = visit(c.accessory as Json);
    return out;
  };
  return components.map(visit);
}

/** Every component of a message, however deeply laid out (rows, sections, containers). */
export function flattenComponents(components: readonly unknown[]): Json[] {
  return (components as Json[]).flatMap((c) => [
    c,
    ...flattenComponents(arr(c.components)),
    ...(c.accessory ? [c.accessory as Json] : []),
    ...(c.component ? [c.component as Json] : []),
  ]);
}

/** The inputs of a modal, whether laid out in action rows (legacy) or in labels (type 18). */
export function modalInputs(modal: Json): Json[] {
  return arr(modal.components).flatMap((c) => {
    if (c.type === 1) return arr(c.components);
    if (c.type === 18 && c.component && typeof c.component === 'object')
      return [c.component as Json];
    return [];
  });
}
