/** Linux capabilities as Kubernetes and Compose spell them (`SYS_ADMIN`, `CAP_SYS_ADMIN`, `all`). */
export function capabilityName(raw: string): string {
  return raw.trim().toUpperCase().replace(/^CAP_/, '');
}
