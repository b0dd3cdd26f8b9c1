/** Up to `count` items spread over the list (first, …, last), in their order. */
export function pickEvenly<T>(items: readonly T[], count: number): T[] {
  if (items.length <= count) return [...items];
  if (count <= 1) return items.slice(0, count);
  const picked: T[] = [];
  for (let index = 0; index < count; index++) {
    picked.push(items[Math.round((index * (items.length - 1)) / (count - 1))]!);
  }
  return picked;
}
