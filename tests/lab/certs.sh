#!/bin/bash
# Throwaway PKI for the capture lab (test data, committed): a CA, a server certificate for
# lab.test (10.99.0.1, fd99::1) that names an OCSP responder at http://10.99.0.1:8888, and the
# responder's signing certificate.  Made once; delete tests/lab/certs/*.pem to make new ones.
set -euo pipefail
D=$(cd "$(dirname "$0")" && pwd)/certs
mkdir -p "$D"
cd "$D"
[ -f server.pem ] && [ -f ocsp.pem ] && [ -f ca.pem ] && exit 0
rm -f ./*.pem ./*.srl index.txt*
cat >ext.cnf <<'X'
[lab_ca]
basicConstraints = critical, CA:TRUE
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
[lab_server]
basicConstraints = CA:FALSE
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = serverAuth
subjectAltName = DNS:lab.test, DNS:www.lab.test, IP:10.99.0.1, IP:fd99::1
authorityInfoAccess = OCSP;URI:http://10.99.0.1:8888, caIssuers;URI:http://10.99.0.1/ca.crt
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[lab_ocsp]
basicConstraints = CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = OCSPSigning
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
X
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout ca-key.pem \
	-out ca.pem -days 7300 -subj "/C=XX/O=trawl lab/CN=trawl lab CA" \
	-set_serial 1 -extensions lab_ca -config <(cat /etc/ssl/openssl.cnf ext.cnf) 2>/dev/null
# The server key is RSA so that TLS 1.2 can also use RSA key exchange suites.
openssl req -newkey rsa:2048 -nodes -keyout server-key.pem -out server.csr \
	-subj "/C=XX/O=trawl lab/CN=lab.test" 2>/dev/null
openssl x509 -req -in server.csr -CA ca.pem -CAkey ca-key.pem -set_serial 4096 -days 7300 \
	-extfile ext.cnf -extensions lab_server -out server.pem 2>/dev/null
openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout ocsp-key.pem \
	-out ocsp.csr -subj "/C=XX/O=trawl lab/CN=trawl lab OCSP responder" 2>/dev/null
openssl x509 -req -in ocsp.csr -CA ca.pem -CAkey ca-key.pem -set_serial 4097 -days 7300 \
	-extfile ext.cnf -extensions lab_ocsp -out ocsp.pem 2>/dev/null
rm -f ./*.csr
cat server.pem ca.pem >server-chain.pem
# OCSP responder database: the server certificate is valid (V); expiry far ahead.
printf 'V\t401231000000Z\t\t1000\tunknown\t/C=XX/O=trawl lab/CN=lab.test\n' >index.txt
chmod 644 ./*
echo "certs.sh: made a new lab PKI in $D" >&2
