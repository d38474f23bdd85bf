# dns: dnsmasq as an authoritative-style server for lab.test (no upstream, no /etc/hosts),
# queried with dig over UDP and TCP, IPv4 and IPv6.  Record types: A, AAAA, CNAME, MX, TXT,
# SRV, PTR (v4 and v6), plus an NXDOMAIN and an ANY-less EDNS query with a large TXT answer.
bg_s dnsmasq --keep-in-foreground --no-resolv --no-hosts --no-poll --bind-interfaces \
	--listen-address=$SRV4 --listen-address=$SRV6 --except-interface=lo --port=53 \
	--user=root --group=root --pid-file="$WORK/dnsmasq.pid" --log-facility="$WORK/dnsmasq.log" \
	--local=/lab.test/ --local=/99.10.in-addr.arpa/ --local=/9.9.d.f.ip6.arpa/ \
	--domain=lab.test \
	--host-record=www.lab.test,10.99.0.10,fd99::10 \
	--host-record=mail.lab.test,10.99.0.25,fd99::25 \
	--host-record=lab.test,$SRV4,$SRV6 \
	--cname=alias.lab.test,www.lab.test \
	--cname=deep.lab.test,alias.lab.test \
	--mx-host=lab.test,mail.lab.test,10 \
	--mx-host=lab.test,backup-mx.lab.test,20 \
	--txt-record=lab.test,"v=spf1 mx -all" \
	--txt-record=info.lab.test,"first string","second string with spaces" \
	--txt-record=long.lab.test,"$(printf 'x%.0s' $(seq 200))","$(printf 'y%.0s' $(seq 200))","$(printf 'z%.0s' $(seq 200))" \
	--srv-host=_http._tcp.lab.test,www.lab.test,80,0,5 \
	--srv-host=_http._tcp.lab.test,mail.lab.test,8080,10,1 \
	--srv-host=_ldap._tcp.lab.test \
	--ptr-record=1.0.99.10.in-addr.arpa,lab.test
wait_udp 53
D=(dig +tries=1 +time=2)
q4() { in_c "${D[@]}" @$SRV4 "$@"; }
q6() { in_c "${D[@]}" @$SRV6 "$@"; }
cap_start dns "port 53"
{
	q4 lab.test A
	q4 www.lab.test AAAA
	q4 alias.lab.test A
	q4 deep.lab.test AAAA
	q4 lab.test MX
	q4 info.lab.test TXT
	q4 _http._tcp.lab.test SRV
	q4 _ldap._tcp.lab.test SRV
	q4 -x 10.99.0.10
	q4 -x fd99::25
	q4 -x 10.99.0.1
	q4 nosuch.lab.test A
	q4 +noedns www.lab.test A
	q4 +tcp lab.test A
	q4 +tcp long.lab.test TXT
	q4 +tcp _http._tcp.lab.test SRV
	q4 +notcp +bufsize=512 long.lab.test TXT
	q6 www.lab.test AAAA
	q6 lab.test MX
	q6 +tcp mail.lab.test A
	q6 -x fd99::1
} >"$WORK/dig.txt" 2>&1
cap_stop
grep -q 'status: NXDOMAIN' "$WORK/dig.txt" || { log "dns: no NXDOMAIN answer"; exit 1; }
grep -q 'IN.SRV' "$WORK/dig.txt" || { log "dns: no SRV answer"; cat "$WORK/dig.txt" >&2; exit 1; }
