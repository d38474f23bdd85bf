#!/usr/bin/python3
"""FTPS client for the capture lab (Python's ftplib, which sends AUTH TLS; curl sends AUTH SSL).

  ftps_client.py explicit HOST CAFILE KEYLOG   AUTH TLS, PBSZ 0, PROT P, PASV RETR, LIST, CCC-less QUIT
  ftps_client.py implicit HOST CAFILE KEYLOG   TLS from the first byte on port 990
"""
import ftplib
import socket
import ssl
import sys


class ImplicitFTPS(ftplib.FTP_TLS):
    """ftplib has no implicit mode: wrap the control socket as soon as it connects."""

    def connect(self, host="", port=0, timeout=-999, source_address=None):
        if host:
            self.host = host
        if port:
            self.port = port
        if timeout != -999:
            self.timeout = timeout
        self.sock = socket.create_connection((self.host, self.port), self.timeout)
        self.af = self.sock.family
        self.sock = self.context.wrap_socket(self.sock, server_hostname=self.host)
        self.file = self.sock.makefile("r", encoding=self.encoding)
        self.welcome = self.getresp()
        return self.welcome


def main():
    mode, host, cafile, keylog = sys.argv[1:5]
    ctx = ssl.create_default_context(cafile=cafile)
    ctx.keylog_filename = keylog
    out = []
    if mode == "explicit":
        ftp = ftplib.FTP_TLS(context=ctx, timeout=10)
        ftp.connect(host, 21)
        ftp.auth()
    else:
        ftp = ImplicitFTPS(context=ctx, timeout=10)
        ftp.connect(host, 990)
    ftp.login()
    ftp.prot_p()
    ftp.set_pasv(True)
    ftp.retrlines("RETR pub/hello.txt", out.append)
    ftp.retrlines("LIST pub", out.append)
    ftp.sendcmd("NOOP")
    ftp.quit()
    print("\n".join(out))


if __name__ == "__main__":
    main()
