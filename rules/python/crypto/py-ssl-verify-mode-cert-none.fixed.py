import ssl
import ssl as tls
from ssl import CERT_NONE, CERT_REQUIRED, create_default_context

ctx = ssl.create_default_context()
ctx.check_hostname = False
# ruleid: py-ssl-verify-mode-cert-none
ctx.verify_mode = ssl.CERT_REQUIRED


class Client:
    def connect(self):
        self.context = tls.SSLContext(tls.PROTOCOL_TLS_CLIENT)
        self.context.check_hostname = False
        # ruleid: py-ssl-verify-mode-cert-none
        self.context.verify_mode = tls.CERT_REQUIRED


c2 = create_default_context()
c2.check_hostname = False
# ruleid: py-ssl-verify-mode-cert-none
c2.verify_mode = CERT_REQUIRED

# ok: py-ssl-verify-mode-cert-none
ctx.verify_mode = ssl.CERT_REQUIRED

# ok: py-ssl-verify-mode-cert-none
ctx.verify_mode = ssl.CERT_OPTIONAL

# ok: py-ssl-verify-mode-cert-none
widget.verify_mode = "none"
