/**
 * The fixes several packs write, each in its own language: what they are called and when
 * they are offered. A pack declares them under the same sink kind and name
 * (languages/<lang>/fixes/index.ts), so the catalog lists one fix that several languages
 * have. Fixes only one language has are worded in its pack.
 */
import type { FixEntry } from '../languages/packFixes';

export const SQL_PARAMS: FixEntry = {
  title: 'Pass the values as query parameters',
  when: 'the file imports one known database driver, whose placeholder style is used',
};

export const PATH_BASENAME: FixEntry = {
  title: 'Keep only the file name (basename) under the root folder',
  when: 'the path is joined (path.join/path.resolve, os.path.join) with the request value last',
};

export const PATH_CONTAINMENT: FixEntry = {
  title: 'Resolve the path under its root folder and refuse one outside it',
  when: 'the path is built from a known root (a constant, __dirname, a module-level name, configuration) and the value',
};

export const SITE_REDIRECT: FixEntry = {
  title: 'Redirect only to paths on this site',
  when: 'the target is not built on a fixed absolute URL',
};

export const HOST_ALLOW_LIST: FixEntry = {
  title: 'Allow only hosts listed in ALLOWED_HOSTS (fill in the set)',
  when: 'the URL is passed to the request call; the set starts empty, so the fix is never applied unread',
};

export const HTML_ESCAPE: FixEntry = {
  title: 'Escape the values inserted into the HTML',
  when: 'an HTML response is built in place (concatenation, template literal, f-string, %, .format) or is the request value itself',
};

export const SECURE_RANDOM_SOURCE: FixEntry = {
  title: 'Draw the value from a cryptographic generator where it is made',
  when: 'the one random call the value comes from is in the same file and has a cryptographic equivalent',
};

export const REGEX_ESCAPE: FixEntry = {
  title: 'Escape the value so the pattern matches it literally',
  when: 'the value is the whole pattern or spliced into a constant one (JavaScript: an escapeRegExp helper, or lodash’s; Python: re.escape where `re` is imported)',
};
