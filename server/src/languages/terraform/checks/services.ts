/** Checks of single services that a plain setting cannot express. */
import type { CheckHit } from '../../documentPack';
import { blocksOf } from '../../hcl/document';
import { itemsOf, scalarText } from '../../hcl/values';
import type { TfModule } from '../module';
import { attrValue, headerSpan, hit, resourceBlocks } from './common';

/** Database firewall rules from `0.0.0.0` to `255.255.255.255` (Azure SQL, PostgreSQL, MySQL, MariaDB): every address. */
export function openDatabaseFirewall(m: TfModule, options: Readonly<Record<string, unknown>>): CheckHit[] {
  return resourceBlocks(m, options).flatMap((r) => {
    const start = attrValue(m, r.block.body, 'start_ip_address');
    const end = attrValue(m, r.block.body, 'end_ip_address');
    if (scalarText(start?.value) !== '0.0.0.0' || scalarText(end?.value) !== '255.255.255.255') return [];
    return [hit(m, end!.value.span, r.block.span, { resource: r.address })];
  });
}

/**
 * A load balancer listener that takes plain HTTP (`protocol = "HTTP"`, the ALB default when
 * no certificate is given) and forwards it, rather than redirecting to HTTPS or answering
 * with a fixed response.
 */
export function plainHttpListener(m: TfModule, options: Readonly<Record<string, unknown>>): CheckHit[] {
  return resourceBlocks(m, options).flatMap((r) => {
    const body = r.block.body;
    const protocol = attrValue(m, body, 'protocol');
    const p = protocol ? scalarText(protocol.value) : attrValue(m, body, 'certificate_arn') ? 'HTTPS' : 'HTTP';
    if (p?.toUpperCase() !== 'HTTP') return [];
    const actions = blocksOf(body, 'default_action');
    if (actions.length === 0 || body.blocks.some((b) => b.type === 'dynamic')) return [];
    const types = actions.map((a) => scalarText(attrValue(m, a.body, 'type')?.value));
    if (types.some((t) => t === undefined || t === 'redirect' || t === 'fixed-response')) return [];
    return [hit(m, protocol ? protocol.value.span : headerSpan(r.block), r.block.span, { resource: r.address })];
  });
}

/** A GKE cluster whose control plane answers from anywhere: no private endpoint and no authorized networks. */
export function openControlPlane(m: TfModule, options: Readonly<Record<string, unknown>>): CheckHit[] {
  return resourceBlocks(m, options).flatMap((r) => {
    const body = r.block.body;
    if (body.blocks.some((b) => b.type === 'master_authorized_networks_config' || (b.type === 'dynamic' && /master_authorized_networks_config|private_cluster_config/.test(b.labels[0] ?? '')))) return [];
    const priv = blocksOf(body, 'private_cluster_config')[0];
    const endpoint = priv ? attrValue(m, priv.body, 'enable_private_endpoint') : undefined;
    if (endpoint && scalarText(endpoint.value) !== 'false') return [];
    return [hit(m, headerSpan(r.block), r.block.span, { resource: r.address })];
  });
}

/** Cloud SQL `authorized_networks` with `0.0.0.0/0`: the database's public IP accepts every address. */
export function worldAuthorizedNetwork(m: TfModule, options: Readonly<Record<string, unknown>>): CheckHit[] {
  const hits: CheckHit[] = [];
  for (const r of resourceBlocks(m, options)) {
    for (const settings of blocksOf(r.block.body, 'settings')) {
      for (const ip of blocksOf(settings.body, 'ip_configuration')) {
        for (const net of blocksOf(ip.body, 'authorized_networks')) {
          const v = attrValue(m, net.body, 'value');
          for (const item of itemsOf(v?.value)) if (scalarText(item) === '0.0.0.0/0') hits.push(hit(m, item.span, net.span, { resource: r.address }));
        }
      }
    }
  }
  return hits;
}
