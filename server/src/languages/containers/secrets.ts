/**
 * Environment variables that hold a credential written as a literal value. Shared by the
 * Kubernetes and Compose packs; the names come from the rules' options.
 */

/** Names that say what the value is not, even with a secret word in them (`PASSWORD_FILE`, `TOKEN_URL`). */
const NOT_A_VALUE = /(?:_FILE|_PATH|_DIR|_URL|_URI|_ENDPOINT|_HOST|_PORT|_NAME|_USER|_USERNAME|_ID|_LENGTH|_TTL|_EXPIRY|_EXPIRATION|_TIMEOUT|_ENABLED|_REQUIRED|_TYPE|_HEADER|_FIELD|_KEY_ID|_REF|_MODE|_POLICY|_SECRET_NAME|_SECRET_KEY_REF|_ALGORITHM|_LOCATION)$/i;

/** Values that are not a credential: empty, a placeholder, a reference, a switch, a number, a path or a URL without a password. */
export function isLiteralSecret(name: string, value: string): boolean {
  const v = value.trim();
  if (NOT_A_VALUE.test(name) || v.length < 4) return false;
  if (/[$]\{|[$]\(|^\$[A-Za-z_]|\{\{/.test(v)) return false;
  if (/^(?:true|false|yes|no|on|off|null|none|nil|empty|disabled?|enabled?|required|optional)$/i.test(v)) return false;
  if (/^\d+$/.test(v) || /^(?:\/|\.\/|~\/|file:)/.test(v)) return false;
  if (/^[a-z][a-z0-9+.-]*:\/\/[^/@\s]*$|^[a-z][a-z0-9+.-]*:\/\/[^:@/\s]+(?:\/|$)/i.test(v) && !/:[^:@/]+@/.test(v)) return false;
  if (/^(?:<[^>]*>|\[[^\]]*\]|x{3,}|\*{3,}|\.{3,}|changeme|change[_-]?me|replace[_-]?me|placeholder|example|todo|tbd|secret|password|token)$/i.test(v)) return false;
  // `yourpassword`, `INSERT_ETCD_TOKEN`, `<set me>`-style words, and a variable's name standing for its value (`GOOGLE_API_KEY_VAL`, substituted at deploy time).
  if (/^(?:your|insert|replace|enter|put|set)[_-]?[a-z]/i.test(v) || /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(v)) return false;
  return true;
}
