/**
 * A Compose file (`docker-compose.yml`, `compose.yaml`, their `.override`/`-prod` variants)
 * read from the YAML model: its services, each with the mapping the checks read, merge keys
 * applied (`<<: *defaults` from an `x-` extension field: what the setting says is found where
 * it is written, in the anchored mapping).
 */
import { get, withMerges, YamlFile, YamlMap, YamlPair } from '../yaml/document';

export interface Service {
  name: string;
  pair: YamlPair;
  map: YamlMap;
}

export interface ComposeFile {
  file: YamlFile;
  services: Service[];
}

export function readCompose(file: YamlFile): ComposeFile | { notice: string } {
  const root = file.documents[0];
  if (!root || root.type !== 'map') return { notice: 'not a Compose file: the file is not a YAML mapping' };
  const services = get(root, 'services');
  // Version 1 files list the services at the top level.
  const holder = services?.type === 'map' ? services : get(root, 'version') === undefined && root.pairs.some((p) => get(p.value, 'image') || get(p.value, 'build')) ? root : undefined;
  if (!holder) return { notice: 'not a Compose file: no `services:`' };
  return {
    file,
    services: holder.pairs.flatMap((pair) => (pair.value?.type === 'map' && !pair.key.startsWith('x-') ? [{ name: pair.key, pair, map: withMerges(file, pair.value) }] : [])),
  };
}
