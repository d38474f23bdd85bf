# tls: nginx with TLS 1.2 and 1.3 (tests/lab/conf/nginx.conf.in), clients curl and
# openssl s_client, every client writing its secrets to captures/tls.keys (NSS key log).
#   1  curl TLS 1.2 ECDHE-RSA over IPv4, asks for a stapled OCSP response (--cert-status)
#   2  curl TLS 1.2 with RSA key exchange (AES128-GCM-SHA256)
#   3  curl TLS 1.3 over IPv6, OCSP status requested
#   4-5  s_client TLS 1.2 without tickets: full handshake, then resumption by session id
#   6-7  s_client TLS 1.2 with a session ticket: full handshake, then resumption by ticket
#   8-9  s_client TLS 1.3: full handshake (NewSessionTicket), then PSK resumption (psk_dhe_ke)
#   10 s_client TLS 1.3 offering a P-384 key share, which nginx does not take (X25519 and
#      P-256 only): HelloRetryRequest, then a second ClientHello with P-256
#   11 openssl ocsp: an OCSP request over HTTP to the responder, which answers "good"
# The responder (openssl ocsp) runs in the server namespace on port 8888; nginx fetches its
# stapled response from it before the capture starts (that fetch is not on the link).
KEYS=$WORK/tls.keys
: >"$KEYS"
source "$LAB/scenarios/common-nginx.sh"
bg_s openssl ocsp -index "$CERTS/index.txt" -port 8888 -rsigner "$CERTS/ocsp.pem" \
	-rkey "$CERTS/ocsp-key.pem" -CA "$CERTS/ca.pem" -ignore_err
wait_tcp 443
wait_tcp 8888
# warm nginx's stapling cache: the first handshake that asks triggers the OCSP fetch
for i in 1 2 3; do
	in_s openssl s_client -connect 127.0.0.1:443 -servername lab.test -status </dev/null \
		>/dev/null 2>&1 || true
	sleep 0.5
done

RESOLVE4=(--resolve lab.test:443:$SRV4)
RESOLVE6=(--resolve "lab.test:443:[$SRV6]")
CURL=(curl -sS -o /dev/null --cacert "$CERTS/ca.pem" --no-keepalive)
SCL=(openssl s_client -connect $SRV4:443 -servername lab.test -CAfile "$CERTS/ca.pem"
	-keylogfile "$KEYS" -status -ign_eof)
req() { printf 'GET / HTTP/1.1\r\nHost: lab.test\r\nConnection: close\r\n\r\n'; }

cap_start tls "tcp port 443 or tcp port 8888"
in_c env SSLKEYLOGFILE="$KEYS" "${CURL[@]}" "${RESOLVE4[@]}" --tlsv1.2 --tls-max 1.2 \
	--cert-status https://lab.test/
in_c env SSLKEYLOGFILE="$KEYS" "${CURL[@]}" "${RESOLVE4[@]}" --tlsv1.2 --tls-max 1.2 \
	--ciphers AES128-GCM-SHA256 https://lab.test/
in_c env SSLKEYLOGFILE="$KEYS" "${CURL[@]}" "${RESOLVE6[@]}" --tlsv1.3 --cert-status \
	https://lab.test/
req | in_c "${SCL[@]}" -tls1_2 -no_ticket -sess_out "$WORK/sid.pem" >"$WORK/s1.txt" 2>&1
req | in_c "${SCL[@]}" -tls1_2 -no_ticket -sess_in "$WORK/sid.pem" >"$WORK/s2.txt" 2>&1
req | in_c "${SCL[@]}" -tls1_2 -sess_out "$WORK/tkt.pem" >"$WORK/s3.txt" 2>&1
req | in_c "${SCL[@]}" -tls1_2 -sess_in "$WORK/tkt.pem" >"$WORK/s4.txt" 2>&1
req | in_c "${SCL[@]}" -tls1_3 -sess_out "$WORK/psk.pem" >"$WORK/s5.txt" 2>&1
req | in_c "${SCL[@]}" -tls1_3 -sess_in "$WORK/psk.pem" >"$WORK/s6.txt" 2>&1
req | in_c "${SCL[@]}" -tls1_3 -groups P-384:P-256 >"$WORK/s7.txt" 2>&1
in_c openssl ocsp -issuer "$CERTS/ca.pem" -cert "$CERTS/server.pem" -CAfile "$CERTS/ca.pem" \
	-url http://$SRV4:8888 -resp_text >"$WORK/ocsp.txt" 2>&1
cap_stop
for f in s2 s4 s6; do
	grep -q '^Reused' "$WORK/$f.txt" || { log "tls: $f did not resume"; cat "$WORK/$f.txt" >&2; exit 1; }
done
grep -q 'OCSP Response Status: successful' "$WORK/s1.txt" || { log "tls: no stapled OCSP response"; exit 1; }
grep -q ': good' "$WORK/ocsp.txt" || { log "tls: OCSP query failed"; cat "$WORK/ocsp.txt" >&2; exit 1; }
cp "$KEYS" "$CAPS/tls.keys"
chmod 644 "$CAPS/tls.keys"
