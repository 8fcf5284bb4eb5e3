import ftplib
import telnetlib
from ftplib import FTP


def upload(host, user, password, path):
    # ruleid: py-cleartext-protocol
    ftp = ftplib.FTP(host)
    ftp.login(user, password)
    # ruleid: py-cleartext-protocol
    with FTP("ftp.example.com", user, password) as conn:
        conn.storbinary("STOR report.csv", open(path, "rb"))


def shell(host):
    # ruleid: py-cleartext-protocol
    tn = telnetlib.Telnet(host, 23)
    tn.write(b"show version\n")


# ok: py-cleartext-protocol
local = ftplib.FTP("127.0.0.1")

# ok: py-cleartext-protocol
secure = ftplib.FTP_TLS(host)
