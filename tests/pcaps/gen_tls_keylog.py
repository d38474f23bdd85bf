#!/usr/bin/python3
"""TLS 1.2 and TLS 1.3 sessions with their key logs, for trawl's TLS decryption tests.

Unlike the scapy generators this one records real sessions: a Python ssl server and client on
the loopback interface, port 443, one HTTP/1.1 GET each (ALPN http/1.1), captured with tcpdump,
their secrets written by ssl's keylog_filename (NSS key log). The randoms and keys differ on
every run, so the committed files are the reference, not the script's next output. Outputs:

  tls12-keylog.pcap + tls12-keylog.keys   TLS 1.2, ECDHE-RSA-AES128-GCM-SHA256
  tls12-cbc-keylog.pcap + .keys           TLS 1.2, ECDHE-RSA-AES256-SHA384 (CBC)
  tls13-keylog.pcap + tls13-keylog.keys   TLS 1.3, TLS_AES_256_GCM_SHA384
  tls12-null.pcap (+ .keys)               TLS 1.2, NULL-SHA256: no encryption, so readable
                                          without the key log (its MAC not checked)
  tls12-null-eof.pcap (+ .keys)           the same with a response without Content-Length (its
                                          body ends at the close: TLS segment data)
  NAME-dsb.pcapng                         each capture with its keys in a pcapng
                                          Decryption Secrets Block (editcap --inject-secrets)

Needs root (port 443, tcpdump), openssl, tcpdump and editcap. Run: /usr/bin/python3 gen_tls_keylog.py
[NAME...] (only the named sessions; all of them without a name).
"""
import os
import socket
import ssl
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def session(name, tls13, ciphers, tmp, eof=False):
    cert, key = os.path.join(tmp, "c.pem"), os.path.join(tmp, "k.pem")
    if not os.path.exists(cert):
        subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key,
                        "-out", cert, "-days", "3650", "-subj", "/CN=trawl.test"],
                       check=True, capture_output=True)
    keys = os.path.join(HERE, name + ".keys")
    pcap = os.path.join(HERE, name + ".pcap")
    for f in (keys, pcap):
        if os.path.exists(f):
            os.unlink(f)
    dump = subprocess.Popen(["tcpdump", "-i", "lo", "-U", "-s", "0", "-w", pcap, "tcp port 443"],
                            stderr=subprocess.DEVNULL)
    time.sleep(1.0)
    sctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    sctx.load_cert_chain(cert, key)
    sctx.set_alpn_protocols(["http/1.1"])
    if tls13:
        sctx.minimum_version = ssl.TLSVersion.TLSv1_3
    else:
        sctx.maximum_version = ssl.TLSVersion.TLSv1_2
        sctx.set_ciphers(ciphers)
    srv = socket.socket()
    srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    srv.bind(("127.0.0.1", 443))
    srv.listen(1)

    def serve():
        conn, _ = srv.accept()
        with sctx.wrap_socket(conn, server_side=True) as s:
            req = b""
            while b"\r\n\r\n" not in req:
                req += s.recv(4096)
            body = b"hello from trawl\n"
            if eof:
                s.sendall(b"HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\n" + body * 20)
            else:
                s.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: "
                          + str(len(body)).encode() + b"\r\nConnection: close\r\n\r\n" + body)
            s.unwrap()

    t = threading.Thread(target=serve)
    t.start()
    cctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    cctx.check_hostname = False
    cctx.verify_mode = ssl.CERT_NONE
    cctx.set_alpn_protocols(["http/1.1"])
    if not tls13:
        cctx.maximum_version = ssl.TLSVersion.TLSv1_2
        cctx.set_ciphers(ciphers)
    cctx.keylog_filename = keys
    with socket.create_connection(("127.0.0.1", 443)) as raw:
        with cctx.wrap_socket(raw, server_hostname="trawl.test") as c:
            c.sendall(b"GET /index.html HTTP/1.1\r\nHost: trawl.test\r\nUser-Agent: trawl-test\r\n\r\n")
            resp = b""
            while True:
                d = c.recv(4096)
                if not d:
                    break
                resp += d
    t.join()
    srv.close()
    time.sleep(1.0)
    dump.terminate()
    dump.wait()
    return pcap, keys


SESSIONS = (("tls12-keylog", False, "ECDHE-RSA-AES128-GCM-SHA256", True),
            ("tls12-cbc-keylog", False, "ECDHE-RSA-AES256-SHA384", True),
            ("tls13-keylog", True, None, True),
            ("tls12-null", False, "NULL-SHA256:@SECLEVEL=0", False),
            ("tls12-null-eof", False, "NULL-SHA256:@SECLEVEL=0", False))


def main(names):
    with tempfile.TemporaryDirectory() as tmp:
        for name, tls13, ciphers, dsb in SESSIONS:
            if names and name not in names:
                continue
            pcap, keys = session(name, tls13, ciphers, tmp, eof=name.endswith("-eof"))
            if not dsb:
                continue
            subprocess.run(["editcap", "--inject-secrets", "tls," + keys, pcap,
                            os.path.join(HERE, name + "-dsb.pcapng")], check=True)


if __name__ == "__main__":
    main(sys.argv[1:])
