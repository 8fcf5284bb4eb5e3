import socket
import ssl
from ssl import wrap_socket

sock = socket.create_connection(("example.com", 443))

# ruleid: py-ssl-wrap-socket
tls = ssl.wrap_socket(sock)

# ruleid: py-ssl-wrap-socket
tls2 = wrap_socket(sock, ssl_version=ssl.PROTOCOL_TLS)

# ok: py-ssl-wrap-socket
ctx = ssl.create_default_context()
# ok: py-ssl-wrap-socket
tls3 = ctx.wrap_socket(sock, server_hostname="example.com")

# ok: py-ssl-wrap-socket
eventlet_green.wrap_socket(sock)
