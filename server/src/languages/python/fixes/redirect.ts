/** The same-site redirect helper in Python; a function defined at the end of a module exists only once the module has run. */
import type { RedirectHelper } from '../../../fixes/safeRedirect';

export const redirectHelper: RedirectHelper = {
  name: 'safe_redirect',
  hoistsFunctions: false,
  text: () => String.raw`


def safe_redirect(target):
    """Allows only paths on this site ("/account"), never "//evil.example" or "https://..."."""
    # Browsers read "\" as "/" and drop tabs and newlines, so none of them may follow the "/".
    if (
        isinstance(target, str)
        and target.startswith("/")
        and not target.startswith(("//", "/\\", "/\t", "/\n", "/\r"))
    ):
        return target
    return "/"
`,
};
