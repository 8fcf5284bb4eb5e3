/**
 * The last few lockfiles read, by their text. A monorepo's workspaces each read the root's
 * lockfile: parsing vite's 500 KB pnpm-lock.yaml again for each of its 260 package.json
 * files took 40 s of CPU where one parse takes 0.15 s. Keyed by the text itself, so an
 * edited lockfile is parsed again; a parse that throws is not kept.
 */
export class TextMemo<T> {
  private readonly entries: { text: string; value: T }[] = [];

  constructor(private readonly size = 2) {}

  get(text: string, build: () => T): T {
    const at = this.entries.findIndex((e) => e.text === text);
    if (at >= 0) {
      const [hit] = this.entries.splice(at, 1);
      this.entries.unshift(hit!);
      return hit!.value;
    }
    const value = build();
    this.entries.unshift({ text, value });
    if (this.entries.length > this.size) this.entries.pop();
    return value;
  }
}
