/**
 * Paths from the project to each package of a lockfile's graph, shortest first (breadth
 * first from the direct dependencies), so a finding can say how a transitive package
 * gets in: `express → body-parser → qs`.
 */

/** Node ids → the names of the path to them, for the nodes the roots reach. */
export function shortestPaths<T>(roots: readonly T[], edges: (node: T) => Iterable<T>, nameOf: (node: T) => string): Map<T, string[]> {
  const paths = new Map<T, string[]>();
  let frontier: T[] = [];
  for (const r of roots) {
    if (paths.has(r)) continue;
    paths.set(r, [nameOf(r)]);
    frontier.push(r);
  }
  while (frontier.length > 0) {
    const next: T[] = [];
    for (const node of frontier) {
      const path = paths.get(node)!;
      for (const child of edges(node)) {
        if (paths.has(child)) continue;
        paths.set(child, [...path, nameOf(child)]);
        next.push(child);
      }
    }
    frontier = next;
  }
  return paths;
}
