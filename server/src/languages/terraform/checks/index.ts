/** The checks Terraform rules name (`check:`), and the fixes each may offer (rule pages list them). */
import type { DocumentCheck, DocumentPack } from '../../documentPack';
import type { TfModule } from '../module';
import { providerCredentials, hardcodedSecret } from './credentials';
import { openIngress } from './network';
import { publicPrincipal, wildcardPolicy } from './policies';
import { openControlPlane, openDatabaseFirewall, plainHttpListener, worldAuthorizedNetwork } from './services';
import { setting } from './setting';
import { publicAccessBlock, publicMembers } from './storage';

export const TERRAFORM_CHECKS: Record<string, DocumentCheck<TfModule>> = {
  setting,
  'open-ingress': openIngress,
  'wildcard-policy': wildcardPolicy,
  'public-principal': publicPrincipal,
  'public-access-block': publicAccessBlock,
  'public-members': publicMembers,
  'provider-credentials': providerCredentials,
  'hardcoded-secret': hardcodedSecret,
  'open-database-firewall': openDatabaseFirewall,
  'plain-http-listener': plainHttpListener,
  'open-control-plane': openControlPlane,
  'world-authorized-network': worldAuthorizedNetwork,
};

export const TERRAFORM_FIX_TITLES: DocumentPack<TfModule>['fixTitles'] = {
  setting: (options: Readonly<Record<string, unknown>>) => {
    const fix = typeof options.fix === 'string' ? options.fix : undefined;
    const attribute = String(([] as unknown[]).concat(options.attribute ?? '')[0] ?? '').split('.').pop();
    return fix === undefined ? [] : [options.missing === true ? `Set \`${attribute} = ${fix}\` (added when it is left out)` : `Set \`${attribute} = ${fix}\``];
  },
  'public-access-block': ['Set all four public access block flags to `true`'],
};
