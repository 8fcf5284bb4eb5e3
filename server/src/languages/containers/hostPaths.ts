/**
 * Host paths a container can mount, by what they give it: the container runtime's socket
 * (the node, through a new privileged container), the node's sensitive trees (`/`, `/etc`,
 * `/proc`, the kubelet's credentials), or anything else. Shared by the Kubernetes and Compose packs.
 */

export type HostPathClass = 'socket' | 'sensitive' | 'other';

const SOCKETS = [
  '/var/run/docker.sock', '/run/docker.sock', '/var/run/containerd/containerd.sock', '/run/containerd/containerd.sock',
  '/var/run/crio/crio.sock', '/run/crio/crio.sock', '/var/run/cri-dockerd.sock', '/run/cri-dockerd.sock',
  '/var/run/podman/podman.sock', '/run/podman/podman.sock', '/var/run/dockershim.sock',
];

/** Trees that are sensitive as a whole (a path holding one is too; `/etc/localtime` inside `/etc` is not). */
const SENSITIVE = ['/etc', '/proc', '/sys', '/boot', '/dev', '/home', '/var/lib'];
/** Trees where every path is sensitive: credentials, keys and the runtimes' state. */
const SENSITIVE_INSIDE = [
  '/root', '/var/lib/kubelet', '/var/lib/docker', '/var/lib/containerd', '/var/lib/etcd', '/etc/kubernetes', '/var/lib/rancher',
  '/var/run/secrets', '/run/secrets', '/etc/ssh', '/etc/shadow', '/etc/sudoers', '/etc/passwd', '/proc/sys', '/sys/kernel', '/dev/mem',
];

function normalise(path: string): string {
  const p = path.trim().replace(/\/{2,}/g, '/').replace(/\/\.$/, '');
  return p.length > 1 ? p.replace(/\/+$/, '') : p;
}

function holds(dir: string, path: string): boolean {
  return dir === '/' ? path.startsWith('/') : path === dir || path.startsWith(`${dir}/`);
}

export function classifyHostPath(raw: string): HostPathClass {
  const path = normalise(raw);
  if (path === '/') return 'sensitive';
  if (SOCKETS.some((s) => holds(path, s))) return 'socket';
  if (SENSITIVE.some((s) => holds(path, s)) || SENSITIVE_INSIDE.some((s) => holds(path, s) || holds(s, path))) return 'sensitive';
  return 'other';
}
