/** Reading a check rule's `options:` (plain YAML data) with defaults; shared by the document packs. */
export function stringList(options: Readonly<Record<string, unknown>>, key: string): string[] {
  const v = options[key];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' ? [v] : [];
}

export function flag(options: Readonly<Record<string, unknown>>, key: string, otherwise = false): boolean {
  const v = options[key];
  return typeof v === 'boolean' ? v : otherwise;
}
