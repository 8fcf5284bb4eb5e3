import ssl

ctx = ssl.create_default_context()
# ruleid: py-ssl-check-hostname-disabled
ctx.check_hostname = False


class Conn:
    def setup(self):
        self.ssl_ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        # ruleid: py-ssl-check-hostname-disabled
        self.ssl_ctx.check_hostname = False


# ok: py-ssl-check-hostname-disabled
ctx.check_hostname = True

# ok: py-ssl-check-hostname-disabled
ctx.check_hostname = settings.TLS_CHECK_HOSTNAME

# ok: py-ssl-check-hostname-disabled
check_hostname = False
