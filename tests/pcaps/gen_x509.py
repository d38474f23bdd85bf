#!/usr/bin/python3
"""Writes DER X.509 certificates and OCSP messages for trawl's x509 and OCSP dissectors, and the
captures that carry them:

  tests/pcaps/x509/ca.der, leaf.der    a CA and a leaf certificate (fixed serials and validity;
                                       the leaf has SAN DNS + IPv4 + IPv6 + email + URI, key
                                       usage, EKU, basic constraints, SKI/AKI, CRL distribution
                                       point, AIA with an OCSP URL and CA issuers, policies with
                                       a CPS qualifier and a user notice)
  tests/pcaps/x509/ec.der              a self-signed EC certificate with GeneralizedTime validity
  tests/pcaps/x509/ocsp-req.der        an OCSP request for the leaf, with a nonce
  tests/pcaps/x509/ocsp-good.der       a response "good", responder by name, with the nonce
  tests/pcaps/x509/ocsp-revoked.der    a response "revoked" (keyCompromise), responder by key
  tests/pcaps/x509/ocsp-unauth.der     a response with status unauthorized (no responseBytes)
  tests/pcaps/x509.pcap                each of them alone in a UDP datagram: certificates to port
                                       9998, OCSP to port 9999 (trawl -d udp.port==9998,x509af
                                       -d udp.port==9999,ocsp)
  tests/pcaps/x509-tls.pcap            the same inside TLS (Certificate, CertificateStatus) and
                                       HTTP (application/ocsp-request / -response), as tshark
                                       dissects them
  tests/pcaps/x509/dsa.der             a self-signed DSA certificate (DSS-Params p, q, g in its
                                       key's algorithm parameters)
  tests/pcaps/x509-dsa.pcap            that certificate in a TLS Certificate message
  tests/pcaps/x509/ocsp-signer.der     an OCSP response signed by a delegated responder whose
                                       certificate (EKU OCSPSigning, id-pkix-ocsp-nocheck) it
                                       carries in certs
  tests/pcaps/x509-ocsp-signer.pcap    that response over HTTP
  tests/pcaps/x509/crl.der             a CRL of the CA: two revoked certificates (one with a
                                       reason code), CRL number and authority key id
  tests/pcaps/x509-crl.pcap            that CRL over HTTP (application/pkix-crl)

The RSA/EC keys are kept in tests/pcaps/x509/*.key (made on the first run): RSA PKCS#1 v1.5
signatures are deterministic, so a re-run with the same keys writes the same bytes (the EC
certificate's ECDSA signature is not, which is why ec.der is only rewritten when missing).
Run with /usr/bin/python3 (Debian's scapy and cryptography)."""
import datetime
import ipaddress
import os
import struct

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import dsa, ec, rsa
from cryptography.x509 import ocsp
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
from scapy.layers.inet import IP, TCP, UDP
from scapy.layers.l2 import Ether
from scapy.packet import Raw
from scapy.utils import wrpcap

HERE = os.path.dirname(os.path.abspath(__file__))
DIR = os.path.join(HERE, "x509")
os.makedirs(DIR, exist_ok=True)
UTC = datetime.timezone.utc


def key(name, kind="rsa"):
    path = os.path.join(DIR, name + ".key")
    if os.path.exists(path):
        with open(path, "rb") as f:
            return serialization.load_pem_private_key(f.read(), None)
    if kind == "rsa":
        k = rsa.generate_private_key(65537, 2048)
    elif kind == "dsa":
        k = dsa.generate_private_key(2048)
    else:
        k = ec.generate_private_key(ec.SECP256R1())
    with open(path, "wb") as f:
        f.write(k.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                serialization.NoEncryption()))
    return k


def write(name, data):
    with open(os.path.join(DIR, name), "wb") as f:
        f.write(data)
    return data


ca_key, leaf_key = key("ca"), key("leaf")
ca_name = x509.Name([
    x509.NameAttribute(NameOID.COUNTRY_NAME, "DE"),
    x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Trawl Test"),
    x509.NameAttribute(NameOID.COMMON_NAME, "Trawl Test CA"),
])
leaf_name = x509.Name([
    x509.NameAttribute(NameOID.COUNTRY_NAME, "DE"),
    x509.NameAttribute(NameOID.STATE_OR_PROVINCE_NAME, "Berlin"),
    x509.NameAttribute(NameOID.LOCALITY_NAME, "Berlin"),
    x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Trawl Test"),
    x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, "Dissectors"),
    x509.NameAttribute(NameOID.COMMON_NAME, "www.trawl.test"),
    x509.NameAttribute(NameOID.EMAIL_ADDRESS, "hostmaster@trawl.test"),
])
ca_ski = x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key())

ca = (x509.CertificateBuilder().subject_name(ca_name).issuer_name(ca_name)
      .public_key(ca_key.public_key()).serial_number(0x1001)
      .not_valid_before(datetime.datetime(2024, 1, 1, tzinfo=UTC))
      .not_valid_after(datetime.datetime(2034, 1, 1, tzinfo=UTC))
      .add_extension(x509.BasicConstraints(ca=True, path_length=1), critical=True)
      .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=False,
                                   key_encipherment=False, data_encipherment=False,
                                   key_agreement=False, key_cert_sign=True, crl_sign=True,
                                   encipher_only=False, decipher_only=False), critical=True)
      .add_extension(ca_ski, critical=False)
      .sign(ca_key, hashes.SHA256()))

leaf = (x509.CertificateBuilder().subject_name(leaf_name).issuer_name(ca_name)
        .public_key(leaf_key.public_key()).serial_number(0x0123456789abcdef01)
        .not_valid_before(datetime.datetime(2025, 3, 1, 12, 30, 0, tzinfo=UTC))
        .not_valid_after(datetime.datetime(2026, 3, 1, 12, 30, 0, tzinfo=UTC))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=False,
                                     key_encipherment=True, data_encipherment=False,
                                     key_agreement=False, key_cert_sign=False, crl_sign=False,
                                     encipher_only=False, decipher_only=False), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH,
                                              ExtendedKeyUsageOID.CLIENT_AUTH]), critical=False)
        .add_extension(x509.SubjectAlternativeName([
            x509.DNSName("www.trawl.test"), x509.DNSName("trawl.test"),
            x509.IPAddress(ipaddress.ip_address("192.0.2.10")),
            x509.IPAddress(ipaddress.ip_address("2001:db8::10")),
            x509.RFC822Name("hostmaster@trawl.test"),
            x509.UniformResourceIdentifier("https://www.trawl.test/"),
        ]), critical=False)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(leaf_key.public_key()),
                       critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_subject_key_identifier(ca_ski),
                       critical=False)
        .add_extension(x509.CRLDistributionPoints([x509.DistributionPoint(
            [x509.UniformResourceIdentifier("http://crl.trawl.test/ca.crl")], None, None,
            None)]), critical=False)
        .add_extension(x509.AuthorityInformationAccess([
            x509.AccessDescription(x509.oid.AuthorityInformationAccessOID.OCSP,
                                   x509.UniformResourceIdentifier("http://ocsp.trawl.test")),
            x509.AccessDescription(x509.oid.AuthorityInformationAccessOID.CA_ISSUERS,
                                   x509.UniformResourceIdentifier("http://ca.trawl.test/ca.der")),
        ]), critical=False)
        .add_extension(x509.CertificatePolicies([
            x509.PolicyInformation(x509.ObjectIdentifier("2.23.140.1.2.2"),
                                   ["https://cps.trawl.test/"]),
            x509.PolicyInformation(x509.ObjectIdentifier("1.3.6.1.4.1.99999.1"), [
                x509.UserNotice(None, "Test certificate only")]),
        ]), critical=False)
        .sign(ca_key, hashes.SHA256()))

ca_der = write("ca.der", ca.public_bytes(serialization.Encoding.DER))
leaf_der = write("leaf.der", leaf.public_bytes(serialization.Encoding.DER))

ec_path = os.path.join(DIR, "ec.der")
if not os.path.exists(ec_path):
    ec_key = key("ec", "ec")
    ec_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "ec.trawl.test")])
    ecc = (x509.CertificateBuilder().subject_name(ec_name).issuer_name(ec_name)
           .public_key(ec_key.public_key()).serial_number(7)
           .not_valid_before(datetime.datetime(2049, 6, 1, tzinfo=UTC))
           .not_valid_after(datetime.datetime(2051, 6, 1, tzinfo=UTC))
           .add_extension(x509.SubjectAlternativeName([x509.DNSName("ec.trawl.test")]),
                          critical=False)
           .sign(ec_key, hashes.SHA256()))
    write("ec.der", ecc.public_bytes(serialization.Encoding.DER))
with open(ec_path, "rb") as f:
    ec_der = f.read()

dsa_path = os.path.join(DIR, "dsa.der")
if not os.path.exists(dsa_path):  # DSA signatures are not deterministic either
    dsa_key = key("dsa", "dsa")
    dsa_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "dsa.trawl.test")])
    dsac = (x509.CertificateBuilder().subject_name(dsa_name).issuer_name(dsa_name)
            .public_key(dsa_key.public_key()).serial_number(9)
            .not_valid_before(datetime.datetime(2030, 1, 1, tzinfo=UTC))
            .not_valid_after(datetime.datetime(2040, 1, 1, tzinfo=UTC))
            .sign(dsa_key, hashes.SHA256()))
    write("dsa.der", dsac.public_bytes(serialization.Encoding.DER))
with open(dsa_path, "rb") as f:
    dsa_der = f.read()

NONCE = bytes(range(0x10, 0x20))
req = (ocsp.OCSPRequestBuilder().add_certificate(leaf, ca, hashes.SHA1())
       .add_extension(x509.OCSPNonce(NONCE), critical=False).build())
req_der = write("ocsp-req.der", req.public_bytes(serialization.Encoding.DER))

def write_once(name, resp):
    """producedAt comes from the clock (the builder cannot pin it): keep the first bytes"""
    path = os.path.join(DIR, name)
    if not os.path.exists(path):
        write(name, resp.public_bytes(serialization.Encoding.DER))
    with open(path, "rb") as f:
        return f.read()


this_upd = datetime.datetime(2025, 6, 1, 8, 0, 0)
next_upd = datetime.datetime(2025, 6, 8, 8, 0, 0)
good = (ocsp.OCSPResponseBuilder()
        .add_response(cert=leaf, issuer=ca, algorithm=hashes.SHA1(),
                      cert_status=ocsp.OCSPCertStatus.GOOD, this_update=this_upd,
                      next_update=next_upd, revocation_time=None, revocation_reason=None)
        .responder_id(ocsp.OCSPResponderEncoding.NAME, ca)
        .add_extension(x509.OCSPNonce(NONCE), critical=False)
        .sign(ca_key, hashes.SHA256()))
good_der = write_once("ocsp-good.der", good)
revoked = (ocsp.OCSPResponseBuilder()
           .add_response(cert=leaf, issuer=ca, algorithm=hashes.SHA1(),
                         cert_status=ocsp.OCSPCertStatus.REVOKED, this_update=this_upd,
                         next_update=None,
                         revocation_time=datetime.datetime(2025, 5, 30, 23, 59, 59),
                         revocation_reason=x509.ReasonFlags.key_compromise)
           .responder_id(ocsp.OCSPResponderEncoding.HASH, ca)
           .sign(ca_key, hashes.SHA256()))
revoked_der = write_once("ocsp-revoked.der", revoked)
signer_key = key("signer")
signer = (x509.CertificateBuilder()
          .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "ocsp.trawl.test"),
                                   x509.NameAttribute(NameOID.ORGANIZATION_NAME, "trawl")]))
          .issuer_name(ca.subject).public_key(signer_key.public_key()).serial_number(0x1003)
          .not_valid_before(datetime.datetime(2025, 1, 1, tzinfo=UTC))
          .not_valid_after(datetime.datetime(2026, 1, 1, tzinfo=UTC))
          .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.OCSP_SIGNING]), critical=False)
          .add_extension(x509.OCSPNoCheck(), critical=False)
          .sign(ca_key, hashes.SHA256()))
signed_by = (ocsp.OCSPResponseBuilder()
             .add_response(cert=leaf, issuer=ca, algorithm=hashes.SHA1(),
                           cert_status=ocsp.OCSPCertStatus.GOOD, this_update=this_upd,
                           next_update=next_upd, revocation_time=None, revocation_reason=None)
             .responder_id(ocsp.OCSPResponderEncoding.NAME, signer)
             .certificates([signer])
             .sign(signer_key, hashes.SHA256()))
signer_der = write_once("ocsp-signer.der", signed_by)
unauth_der = write("ocsp-unauth.der", ocsp.OCSPResponseBuilder.build_unsuccessful(
    ocsp.OCSPResponseStatus.UNAUTHORIZED).public_bytes(serialization.Encoding.DER))


T0 = 1750000000
MAC_A, MAC_B = "02:00:00:00:00:0a", "02:00:00:00:00:0b"
A4, B4 = "192.0.2.1", "192.0.2.2"


def ether(src_a=True):
    return Ether(src=MAC_A if src_a else MAC_B, dst=MAC_B if src_a else MAC_A)


udp = []
for i, (port, der) in enumerate([(9998, ca_der), (9998, leaf_der), (9998, ec_der),
                                 (9999, req_der), (9999, good_der), (9999, revoked_der),
                                 (9999, unauth_der)]):
    p = ether() / IP(src=A4, dst=B4, id=i + 1) / UDP(sport=40000 + i, dport=port) / Raw(der)
    p.time = T0 + i
    udp.append(p)
wrpcap(os.path.join(HERE, "x509.pcap"), udp)


def hs(msg_type, body):
    return struct.pack("!B", msg_type) + struct.pack("!I", len(body))[1:] + body


def record(ctype, payload):
    return struct.pack("!BHH", ctype, 0x0303, len(payload)) + payload


def u24(n):
    return struct.pack("!I", n)[1:]


certs = b"".join(u24(len(d)) + d for d in (leaf_der, ca_der))
server_hello = (b"\x03\x03" + bytes(32) + b"\x00" + b"\xc0\x2f" + b"\x00" + b"\x00\x05" +
                b"\x00\x05\x00\x00")
client_hello = (b"\x03\x03" + bytes(32) + b"\x00" + b"\x00\x02\xc0\x2f" + b"\x01\x00" +
                b"\x00\x09" + b"\x00\x05\x00\x05\x01\x00\x00\x00\x00")
flight = (hs(2, server_hello) + hs(11, u24(len(certs)) + certs) +
          hs(22, b"\x01" + u24(len(good_der)) + good_der) + hs(14, b""))
tls_frames = []
seq_c, seq_s = 1000, 5000


def tcp_frames(sport, dport, seq_a, seq_b, a_data, b_data, t):
    out = []
    a, b = (A4, B4)
    out.append(ether() / IP(src=a, dst=b) / TCP(sport=sport, dport=dport, flags="S", seq=seq_a))
    out.append(ether(False) / IP(src=b, dst=a) /
               TCP(sport=dport, dport=sport, flags="SA", seq=seq_b, ack=seq_a + 1))
    out.append(ether() / IP(src=a, dst=b) /
               TCP(sport=sport, dport=dport, flags="A", seq=seq_a + 1, ack=seq_b + 1))
    out.append(ether() / IP(src=a, dst=b) /
               TCP(sport=sport, dport=dport, flags="PA", seq=seq_a + 1, ack=seq_b + 1) /
               Raw(a_data))
    # the server's answer in segments of at most 1400 bytes
    off = 0
    while off < len(b_data):
        chunk = b_data[off:off + 1400]
        out.append(ether(False) / IP(src=b, dst=a) /
                   TCP(sport=dport, dport=sport, flags="PA", seq=seq_b + 1 + off,
                       ack=seq_a + 1 + len(a_data)) / Raw(chunk))
        off += len(chunk)
    for j, p in enumerate(out):
        p.time = t + j * 0.001
    return out


frames = tcp_frames(50000, 443, 1000, 5000, record(22, hs(1, client_hello)), record(22, flight),
                    T0)


def http(ctype, body, req=True):
    if req:
        head = ("POST / HTTP/1.1\r\nHost: ocsp.trawl.test\r\nContent-Type: %s\r\n"
                "Content-Length: %d\r\n\r\n" % (ctype, len(body)))
    else:
        head = ("HTTP/1.1 200 OK\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n" %
                (ctype, len(body)))
    return head.encode() + body


ec_certs = u24(len(ec_der)) + ec_der
ec_flight = hs(2, server_hello) + hs(11, u24(len(ec_certs)) + ec_certs) + hs(14, b"")
frames += tcp_frames(50001, 443, 3000, 9000, record(22, hs(1, client_hello)),
                     record(22, ec_flight), T0 + 5)

t = T0 + 10
for i, resp in enumerate((good_der, revoked_der, unauth_der)):
    frames += tcp_frames(50010 + i, 80, 2000, 7000, http("application/ocsp-request", req_der),
                         http("application/ocsp-response", resp, False), t)
    t += 1
wrpcap(os.path.join(HERE, "x509-tls.pcap"), frames)

dsa_certs = u24(len(dsa_der)) + dsa_der
dsa_flight = hs(2, server_hello) + hs(11, u24(len(dsa_certs)) + dsa_certs) + hs(14, b"")
wrpcap(os.path.join(HERE, "x509-dsa.pcap"),
       tcp_frames(50020, 443, 4000, 8000, record(22, hs(1, client_hello)), record(22, dsa_flight),
                  T0))
wrpcap(os.path.join(HERE, "x509-ocsp-signer.pcap"),
       tcp_frames(50030, 80, 2000, 7000, http("application/ocsp-request", req_der),
                  http("application/ocsp-response", signer_der, False), T0))

crl = (x509.CertificateRevocationListBuilder().issuer_name(ca.subject)
       .last_update(datetime.datetime(2025, 6, 1, tzinfo=UTC))
       .next_update(datetime.datetime(2025, 7, 1, tzinfo=UTC))
       .add_revoked_certificate(x509.RevokedCertificateBuilder().serial_number(0x1234)
                                .revocation_date(datetime.datetime(2025, 5, 2, tzinfo=UTC))
                                .add_extension(x509.CRLReason(x509.ReasonFlags.key_compromise),
                                               critical=False).build())
       .add_revoked_certificate(x509.RevokedCertificateBuilder().serial_number(0x5678)
                                .revocation_date(datetime.datetime(2025, 5, 3, tzinfo=UTC))
                                .build())
       .add_extension(x509.CRLNumber(101), critical=False)
       .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()),
                      critical=False)
       .sign(ca_key, hashes.SHA256()))
crl_der = write("crl.der", crl.public_bytes(serialization.Encoding.DER))
wrpcap(os.path.join(HERE, "x509-crl.pcap"),
       tcp_frames(50040, 80, 2000, 7000, b"GET /ca.crl HTTP/1.1\r\nHost: crl.trawl.test\r\n\r\n",
                  http("application/pkix-crl", crl_der, False), T0))
