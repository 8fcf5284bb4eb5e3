/** Container image references (`registry:5000/team/app:1.2@sha256:…`), shared by the Kubernetes and Compose packs. */

export interface ImageRef {
  /** The tag, when the reference has one. */
  tag?: string;
  digest: boolean;
}

/** The parts of a reference, or undefined when it is chosen at deploy time (`${IMAGE}`, `$(X)`, `{{ }}`), a placeholder (`<your-image>`) or empty. */
export function parseImage(ref: string): ImageRef | undefined {
  const r = ref.trim();
  if (!r || /[$<>\s]|\{\{/.test(r)) return undefined;
  const digest = r.includes('@');
  const name = digest ? r.slice(0, r.indexOf('@')) : r;
  const lastSlash = name.lastIndexOf('/');
  const colon = name.indexOf(':', lastSlash + 1);
  return { tag: colon < 0 ? undefined : name.slice(colon + 1), digest };
}

/** No tag and no digest, or the `latest` tag without a digest: a moving target. */
export function isFloatingImage(ref: string): boolean {
  const image = parseImage(ref);
  return !!image && !image.digest && (image.tag === undefined || image.tag === 'latest');
}
