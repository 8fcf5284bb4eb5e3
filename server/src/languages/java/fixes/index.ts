/**
 * The fixes the Java pack writes in code (see languages/packFixes.ts): built SQL bound as `?`
 * parameters, values written into HTML escaped. Pattern rules' fixes are templates, so no
 * recipe is written here.
 */
import type { PackFixes } from '../../packFixes';
import { htmlEscapeFix } from '../../../fixes/htmlEscape';
import { HTML_ESCAPE } from '../../../fixes/sharedEntries';
import { JDBC_PARAMS, jdbcParamsFix } from './sql';
import { javaHtmlEscaper } from './htmlEscape';

export const javaFixes: PackFixes = {
  taint: {
    sql: { jdbcParams: { ...JDBC_PARAMS, make: jdbcParamsFix } },
    html: { escape: { ...HTML_ESCAPE, make: (ctx, hit) => htmlEscapeFix(ctx, hit, javaHtmlEscaper, HTML_ESCAPE) } },
  },
  recipes: {},
};
