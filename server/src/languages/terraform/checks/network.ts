/**
 * Inbound rules open to the whole internet (`0.0.0.0/0`, `::/0`; Azure's `*` and `Internet`)
 * on the ports a rule lists (`ports: [22, 3389]`), or on every port (`allPorts: true`), in
 * AWS security groups, Google Cloud firewalls and Azure network security groups
 * (`provider: aws | google | azure`). A rule that opens every port is reported by the
 * all-ports rule only, not once per listed port.
 */
import type { CheckHit } from '../../documentPack';
import { blocksOf, HclBody, Span } from '../../hcl/document';
import { itemsOf, scalarText, Value } from '../../hcl/values';
import type { TfBlock, TfModule } from '../module';
import { hit, strings, text } from './common';

type Ports = { from: number; to: number }[] | 'all';

interface Opening {
  owner: TfBlock;
  /** The world-open source value (reported). */
  source: Value;
  ports: Ports;
  anchor: Span;
}

const WORLD = new Set(['0.0.0.0/0', '::/0']);
const AZURE_WORLD = new Set(['*', '0.0.0.0/0', '0.0.0.0', '::/0', 'internet', 'any']);

export function openIngress(m: TfModule, options: Readonly<Record<string, unknown>>): CheckHit[] {
  const provider = text(options, 'provider');
  const wanted = strings(options, 'ports').map(Number);
  const all = options.allPorts === true;
  const openings = provider === 'google' ? googleOpenings(m) : provider === 'azure' ? azureOpenings(m) : awsOpenings(m);
  const hits: CheckHit[] = [];
  for (const o of openings) {
    const everything = o.ports === 'all' || o.ports.some((r) => r.from <= 1 && r.to >= 65535);
    let port: number | undefined;
    if (all) {
      if (!everything) continue;
    } else {
      if (everything || o.ports === 'all') continue;
      const ranges = o.ports;
      port = wanted.find((p) => ranges.some((r) => r.from <= p && p <= r.to));
      if (port === undefined) continue;
    }
    hits.push(hit(m, o.source.span, o.anchor, { resource: o.owner.address, port: port === undefined ? '*' : String(port), source: scalarText(o.source) ?? '' }));
  }
  return hits;
}

function num(v: Value | undefined): number | undefined {
  const s = scalarText(v);
  return s !== undefined && /^-?\d+$/.test(s.trim()) ? Number(s) : undefined;
}

function attr(m: TfModule, body: HclBody, name: string): Value | undefined {
  const a = body.attributes.find((x) => x.name === name);
  return a ? m.value(a) : undefined;
}

function worldSources(values: (Value | undefined)[], world: ReadonlySet<string>): Value[] {
  return values.flatMap((v) => itemsOf(v)).filter((v) => world.has((scalarText(v) ?? '').trim().toLowerCase()));
}

/** AWS: a port range from `from_port`/`to_port` and the protocol (`-1`/`all`: every port). */
function awsPorts(protocol: Value | undefined, from: Value | undefined, to: Value | undefined): Ports | undefined {
  const p = scalarText(protocol)?.toLowerCase();
  if (p === '-1' || p === 'all') return 'all';
  if (p !== undefined && p !== 'tcp' && p !== 'udp' && p !== '6' && p !== '17') return undefined; // icmp and others: no ports
  const f = num(from);
  const t = num(to);
  if (f === undefined || t === undefined) return undefined;
  return [{ from: f, to: t }];
}

function awsOpenings(m: TfModule): Opening[] {
  const out: Opening[] = [];
  const add = (owner: TfBlock, body: HclBody, anchor: Span, sources: string[], proto: string): void => {
    const ports = awsPorts(attr(m, body, proto), attr(m, body, 'from_port'), attr(m, body, 'to_port'));
    if (!ports) return;
    for (const s of worldSources(sources.map((n) => attr(m, body, n)), WORLD)) out.push({ owner, source: s, ports, anchor });
  };
  for (const b of m.blocks) {
    if (b.kind !== 'resource') continue;
    if (b.type === 'aws_security_group') {
      for (const ing of blocksOf(b.block.body, 'ingress')) add(b, ing.body, ing.span, ['cidr_blocks', 'ipv6_cidr_blocks'], 'protocol');
      // `ingress = [{ … }]`, the attribute form.
      const list = attr(m, b.block.body, 'ingress');
      for (const item of list?.kind === 'list' ? list.items : []) {
        if (item.kind !== 'object') continue;
        const get = (k: string): Value | undefined => item.entries.find((e) => e.key === k)?.value;
        const ports = awsPorts(get('protocol'), get('from_port'), get('to_port'));
        if (!ports) continue;
        for (const s of worldSources([get('cidr_blocks'), get('ipv6_cidr_blocks')], WORLD)) out.push({ owner: b, source: s, ports, anchor: item.span });
      }
    } else if (b.type === 'aws_security_group_rule') {
      if (scalarText(attr(m, b.block.body, 'type')) !== 'ingress') continue;
      add(b, b.block.body, b.block.span, ['cidr_blocks', 'ipv6_cidr_blocks'], 'protocol');
    } else if (b.type === 'aws_vpc_security_group_ingress_rule') {
      add(b, b.block.body, b.block.span, ['cidr_ipv4', 'cidr_ipv6'], 'ip_protocol');
    }
  }
  return out;
}

/** Google: `allow { protocol, ports }` blocks of an ingress firewall (no ports: every port of the protocol). */
function googleOpenings(m: TfModule): Opening[] {
  const out: Opening[] = [];
  for (const b of m.blocks) {
    if (b.kind !== 'resource' || b.type !== 'google_compute_firewall') continue;
    const body = b.block.body;
    const direction = scalarText(attr(m, body, 'direction'))?.toUpperCase() ?? 'INGRESS';
    if (direction !== 'INGRESS' || scalarText(attr(m, body, 'disabled')) === 'true') continue;
    const sources = worldSources([attr(m, body, 'source_ranges')], WORLD);
    if (sources.length === 0) continue;
    for (const allow of blocksOf(body, 'allow')) {
      const protocol = scalarText(attr(m, allow.body, 'protocol'))?.toLowerCase();
      let ports: Ports | undefined;
      if (protocol === 'all') ports = 'all';
      else if (protocol === 'tcp' || protocol === 'udp' || protocol === 'sctp') {
        const list = attr(m, allow.body, 'ports');
        ports = list ? rangesOf(itemsOf(list)) : 'all';
      }
      if (!ports) continue;
      for (const s of sources) out.push({ owner: b, source: s, ports, anchor: allow.span });
    }
  }
  return out;
}

/** `"22"`, `"8000-8080"`, `"*"`; undefined when any is unknown. */
function rangesOf(values: Value[]): Ports | undefined {
  const out: { from: number; to: number }[] = [];
  for (const v of values) {
    const s = scalarText(v)?.trim();
    if (s === undefined) return undefined;
    if (s === '*') return 'all';
    const r = /^(\d+)(?:\s*-\s*(\d+))?$/.exec(s);
    if (!r) return undefined;
    out.push({ from: Number(r[1]), to: Number(r[2] ?? r[1]) });
  }
  return out;
}

/** Azure: inbound `Allow` rules, standalone or as `security_rule` blocks of a group. */
function azureOpenings(m: TfModule): Opening[] {
  const out: Opening[] = [];
  const add = (owner: TfBlock, body: HclBody, anchor: Span): void => {
    if (scalarText(attr(m, body, 'direction'))?.toLowerCase() !== 'inbound' || scalarText(attr(m, body, 'access'))?.toLowerCase() !== 'allow') return;
    const sources = worldSources([attr(m, body, 'source_address_prefix'), attr(m, body, 'source_address_prefixes')], AZURE_WORLD);
    if (sources.length === 0) return;
    const portValues = [...itemsOf(attr(m, body, 'destination_port_range')), ...itemsOf(attr(m, body, 'destination_port_ranges'))];
    const ports = portValues.length > 0 ? rangesOf(portValues) : undefined;
    if (!ports) return;
    for (const s of sources) out.push({ owner, source: s, ports, anchor });
  };
  for (const b of m.blocks) {
    if (b.kind !== 'resource') continue;
    if (b.type === 'azurerm_network_security_rule') add(b, b.block.body, b.block.span);
    else if (b.type === 'azurerm_network_security_group') for (const r of blocksOf(b.block.body, 'security_rule')) add(b, r.body, r.span);
  }
  return out;
}
