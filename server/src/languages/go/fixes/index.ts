/**
 * The fixes the Go pack writes in code (see languages/packFixes.ts). Most of its pattern
 * rules' fixes are templates in the rules; composite literal fields need gofmt's layout
 * (fields.ts).
 */
import type { PackFixes } from '../../packFixes';
import { removeFieldRecipe, setFieldRecipe, tlsMinVersionRecipe } from './fields';
import { serverTimeoutsRecipe } from './server';
import { cryptoRandRecipe } from './cryptoRand';
import { sqlParamsFix } from './sql';
import { SQL_PARAMS } from '../../../fixes/sharedEntries';

export const goFixes: PackFixes = {
  taint: {
    sql: { params: { ...SQL_PARAMS, make: sqlParamsFix } },
  },
  recipes: {
    'go-remove-field': removeFieldRecipe,
    'go-tls-min-version': tlsMinVersionRecipe,
    'go-server-timeouts': serverTimeoutsRecipe,
    'go-crypto-rand': cryptoRandRecipe,
    'go-cookie-secure': setFieldRecipe('secure', 'Secure', 'true'),
    'go-cookie-httponly': setFieldRecipe('httponly', 'HttpOnly', 'true'),
    'go-cookie-samesite': setFieldRecipe('samesite', 'SameSite', 'http.SameSiteLaxMode'),
  },
};
