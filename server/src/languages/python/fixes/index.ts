/** The fixes the Python pack writes (see languages/packFixes.ts). */
import type { PackFixes } from '../../packFixes';
import { basenameFix } from '../../../fixes/pathBasename';
import { pathContainmentFix } from '../../../fixes/pathContainment';
import { safeRedirectFix } from '../../../fixes/safeRedirect';
import { hostAllowListFix } from '../../../fixes/hostAllowList';
import { htmlEscapeFix } from '../../../fixes/htmlEscape';
import { dataEvalFix, dataEvalFixes } from '../../../fixes/dataEval';
import { HOST_ALLOW_LIST, HTML_ESCAPE, PATH_BASENAME, PATH_CONTAINMENT, SITE_REDIRECT, SQL_PARAMS, SECURE_RANDOM_SOURCE, REGEX_ESCAPE } from '../../../fixes/sharedEntries';
import { sqlParamsFix } from './sql';
import { basenameSyntax, containmentSyntax } from './paths';
import { redirectHelper } from './redirect';
import { SHLEX_QUOTE, shellQuoteFix } from './shellQuote';
import { allowListHelper } from './hostAllowList';
import { htmlEscaper } from './htmlEscape';
import { TEMPLATE_VARIABLES, templateContextFix } from './templateContext';
import { dataEvalSyntax, LITERAL_EVAL } from './dataEval';
import { secureRandom } from './secureRandom';
import { sourceCallFix } from '../../../fixes/sourceCall';
import { regexEscapeFix } from '../../../fixes/regexEscape';
import { regexEscaper } from './regexEscape';
import { passwordHash } from './passwordHash';
import { yamlSafeLoader } from './yamlLoader';
import { weakHash } from './weakHash';
import { compareDigest } from './compareDigest';

export const pythonFixes: PackFixes = {
  taint: {
    regex: { escape: { ...REGEX_ESCAPE, make: (ctx, hit) => regexEscapeFix(ctx, hit, regexEscaper, REGEX_ESCAPE) } },
    secret: { random: { ...SECURE_RANDOM_SOURCE, make: (ctx, hit) => sourceCallFix(ctx, hit, 'weak-random', secureRandom, SECURE_RANDOM_SOURCE) } },
    sql: { params: { ...SQL_PARAMS, make: sqlParamsFix } },
    path: {
      basename: { ...PATH_BASENAME, make: (ctx, hit) => basenameFix(ctx, hit, basenameSyntax, PATH_BASENAME) },
      containment: { ...PATH_CONTAINMENT, make: (ctx, hit, local) => hit.arg && pathContainmentFix(ctx, hit.arg, containmentSyntax, PATH_CONTAINMENT, local) },
    },
    redirect: { site: { ...SITE_REDIRECT, make: (ctx, hit, local) => safeRedirectFix(ctx, hit, redirectHelper, SITE_REDIRECT, local) } },
    command: { shlex: { ...SHLEX_QUOTE, make: shellQuoteFix } },
    code: { literal: { ...LITERAL_EVAL, make: (ctx, hit) => dataEvalFix(ctx, hit.node, dataEvalSyntax) } },
    ssrf: { allowList: { ...HOST_ALLOW_LIST, make: (ctx, hit, local) => hit.arg && hostAllowListFix(ctx, hit.arg, allowListHelper, HOST_ALLOW_LIST, local) } },
    html: { escape: { ...HTML_ESCAPE, make: (ctx, hit) => htmlEscapeFix(ctx, hit, htmlEscaper, HTML_ESCAPE) } },
    template: { variables: { ...TEMPLATE_VARIABLES, make: templateContextFix } },
    timing: { compareDigest },
  },
  recipes: {
    'py-secure-random': secureRandom,
    'py-password-hash': passwordHash,
    'data-eval': { fixes: { literal: LITERAL_EVAL }, make: (ctx, captures) => dataEvalFixes(ctx, captures, dataEvalSyntax) },
    'yaml-safe-loader': yamlSafeLoader,
    'py-weak-hash': weakHash,
  },
};
