/**
 * Kubernetes manifests read from the YAML model: the objects of every `---` document (and
 * the `items` of a `List`), and the pod specs inside them wherever the workload kind keeps
 * one (a Pod's `spec`, a Deployment's `spec.template.spec`, a CronJob's
 * `spec.jobTemplate.spec.template.spec`, any other kind's `spec.template.spec` that holds
 * containers), with their containers, init containers and ephemeral containers.
 */
import { get, pairOfKey, scalar, YamlFile, YamlMap, YamlPair, YamlScalar, YamlValue } from '../yaml/document';

export interface K8sObject {
  map: YamlMap;
  kind: string;
  apiVersion: string;
  name: string;
  namespace?: string;
}

export type ContainerGroup = 'containers' | 'initContainers' | 'ephemeralContainers';

export interface Container {
  map: YamlMap;
  group: ContainerGroup;
  name: string;
  pod: PodSpec;
  /** The container's `securityContext` when it is a mapping. */
  securityContext?: YamlMap;
}

export interface PodSpec {
  owner: K8sObject;
  /** The mapping whose `spec:` this is (a template, or a Pod): its `metadata` has the pod's annotations. */
  holder: YamlMap;
  /** The `spec` key, where pod-wide findings with nothing else to point at go. */
  specKey: YamlPair['keyNode'];
  map: YamlMap;
  securityContext?: YamlMap;
  containers: Container[];
}

export interface Manifest {
  file: YamlFile;
  objects: K8sObject[];
  pods: PodSpec[];
  /**
   * A kustomize patch (a file named `*patch*`, or a `$patch:` directive): what it leaves out
   * comes from the base it is merged into, so only what it sets is judged.
   */
  isPatch: boolean;
}

/** Where each workload kind keeps its pod spec; other kinds are looked for at `spec.template.spec`. */
const POD_SPEC_PATHS: Record<string, string[]> = {
  Pod: ['spec'],
  PodTemplate: ['template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};
const DEFAULT_POD_PATH = ['spec', 'template', 'spec'];
const GROUPS: ContainerGroup[] = ['containers', 'initContainers', 'ephemeralContainers'];

/** `apiVersion:` and `kind:` as top-level keys (column 0) in the first lines: what claims a YAML file as a manifest. */
export function looksLikeManifest(head: string): boolean {
  return /^["']?apiVersion["']?[ \t]*:[ \t]*\S/m.test(head) && /^["']?kind["']?[ \t]*:[ \t]*["']?[A-Z]/m.test(head);
}

/**
 * A Helm chart's template source (`{{ .Values.x }}`, `{{- if … }}`): what Kubernetes reads is
 * its rendered output, so the source is not judged. Rendered output may hold `{{ }}` inside
 * strings (alerting templates in a ConfigMap), so this asks for Helm's own words, or a file
 * under `templates/` the YAML parser could not read.
 */
export function isTemplateSource(file: YamlFile, path: string | undefined): boolean {
  if (!file.text.includes('{{')) return false;
  if (/\{\{-?\s*(?:\.Values\b|\.Release\b|\.Chart\b|\.Capabilities\b|include\s+"|template\s+"|toYaml\b|tpl\b|define\s+")/.test(file.text)) return true;
  return file.hasErrors && !!path && /(?:^|[\\/])templates[\\/]/.test(path);
}

export function readManifest(file: YamlFile, path?: string): Manifest | { notice: string } {
  if (isTemplateSource(file, path)) return { notice: 'a Helm template source (`{{ }}`): scan its rendered output (`helm template`) instead' };
  const objects: K8sObject[] = [];
  const add = (v: YamlValue | undefined, depth: number): void => {
    if (v?.type !== 'map') return;
    const kind = scalar(get(v, 'kind'));
    const apiVersion = scalar(get(v, 'apiVersion'));
    if (!kind || apiVersion === undefined) return;
    if (/List$/.test(kind) && depth < 2) {
      const items = get(v, 'items');
      if (items?.type === 'seq') for (const item of items.items) add(item, depth + 1);
      return;
    }
    const metadata = get(v, 'metadata');
    objects.push({ map: v, kind, apiVersion, name: scalar(get(metadata, 'name')) ?? '', namespace: scalar(get(metadata, 'namespace')) });
  };
  for (const d of file.documents) add(d, 0);
  if (objects.length === 0) {
    // tree-sitter-yaml misreads a few valid forms (a quoted scalar over several lines inside a mapping): say which it was.
    return { notice: file.hasErrors ? 'the YAML parser could not read the file (a form it does not support, or invalid YAML)' : 'no Kubernetes object (`apiVersion` and `kind`) in the file' };
  }
  const pods = objects.flatMap((o) => {
    const pod = podSpecOf(o);
    return pod ? [pod] : [];
  });
  const isPatch = (!!path && /patch[^/\\]*$/i.test(path)) || /^\s*\$patch\s*:/m.test(file.text);
  return { file, objects, pods, isPatch };
}

function at(v: YamlValue | undefined, path: string[]): YamlValue | undefined {
  for (const key of path) v = get(v, key);
  return v;
}

function podSpecOf(owner: K8sObject): PodSpec | undefined {
  const path = POD_SPEC_PATHS[owner.kind] ?? DEFAULT_POD_PATH;
  const holder = at(owner.map, path.slice(0, -1));
  const pair = pairOfKey(holder, path[path.length - 1]!);
  const map = pair?.value;
  if (holder?.type !== 'map' || !pair || map?.type !== 'map' || get(map, 'containers')?.type !== 'seq') return undefined;
  const sc = get(map, 'securityContext');
  const pod: PodSpec = { owner, holder, specKey: pair.keyNode, map, securityContext: sc?.type === 'map' ? sc : undefined, containers: [] };
  for (const group of GROUPS) {
    const list = get(map, group);
    if (list?.type !== 'seq') continue;
    for (const item of list.items) {
      if (item.type !== 'map') continue;
      const csc = get(item, 'securityContext');
      pod.containers.push({ map: item, group, name: scalar(get(item, 'name')) ?? '', pod, securityContext: csc?.type === 'map' ? csc : undefined });
    }
  }
  return pod;
}

/** A container setting that the pod's `securityContext` provides when the container's does not (`runAsUser`, `runAsNonRoot`, `seccompProfile`). */
export function effective(container: Container, key: string): YamlValue | undefined {
  return get(container.securityContext, key) ?? get(container.pod.securityContext, key);
}

/** A plain value as YAML reads it (`true`, `True`, `"true"` are all true to Kubernetes' decoder only when unquoted: quoted is a string, which the API rejects). */
export function isTrue(v: YamlValue | undefined): v is YamlScalar {
  return v?.type === 'scalar' && v.style === 'plain' && /^(?:true|True|TRUE)$/.test(v.value);
}

export function isFalse(v: YamlValue | undefined): boolean {
  return v?.type === 'scalar' && v.style === 'plain' && /^(?:false|False|FALSE)$/.test(v.value);
}
