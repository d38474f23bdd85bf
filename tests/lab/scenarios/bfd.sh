# bfd: FRR (zebra + bfdd) in both namespaces, single-hop sessions over IPv4 (with echo mode:
# bfdd on each side sends echo packets to UDP 3785 and the other bfdd loops them back) and
# IPv6 (control only; FRR has no IPv6 echo).  The capture shows the sessions come up (Down -> Init -> Up, with the
# poll/final sequence when the intervals change) and then some seconds of steady state.
frr() {
	local side=$1 ns=$2 peer4=$3 peer6=$4 iface=$5 d=$WORK/frr-$1
	mkdir -p "$d"
	chown frr:frr "$d"
	sed -e "s|@PEER4@|$peer4|; s|@PEER6@|$peer6|; s|@IFACE@|$iface|g" "$LAB/conf/bfdd.conf.in" \
		>"$d/bfdd.conf"
	echo "log stdout informational" >"$d/zebra.conf"
	chmod 644 "$d"/*.conf
	ip netns exec "$ns" /usr/lib/frr/zebra -N "twlab-$side" -f "$d/zebra.conf" -i "$d/zebra.pid" \
		-z "$d/zserv.api" --vty_socket "$d" -P 0 >>"$d/zebra.log" 2>&1 &
	PIDS+=($!)
	sleep 1
	ip netns exec "$ns" /usr/lib/frr/bfdd -N "twlab-$side" -f "$d/bfdd.conf" -i "$d/bfdd.pid" \
		-z "$d/zserv.api" --vty_socket "$d" --bfdctl "$d/bfdd.sock" -P 0 >>"$d/bfdd.log" 2>&1 &
	PIDS+=($!)
}
# Echo packets are addressed to the sender itself (sent to the peer's MAC): the peer's kernel
# routes them back, so both namespaces forward and send no redirects.
for ns in "$NS_S" "$NS_C"; do
	ip netns exec "$ns" sysctl -qw net.ipv4.ip_forward=1 net.ipv4.conf.all.send_redirects=0 \
		net.ipv4.conf.twlab-s0.send_redirects=0 net.ipv4.conf.all.rp_filter=0 2>/dev/null ||
		ip netns exec "$ns" sysctl -qw net.ipv4.ip_forward=1 net.ipv4.conf.all.send_redirects=0 \
			net.ipv4.conf.twlab-c0.send_redirects=0 net.ipv4.conf.all.rp_filter=0
done
cap_start bfd "udp port 3784 or udp port 3785"
frr s "$NS_S" $CLI4 $CLI6 twlab-s0
sleep 0.5
frr c "$NS_C" $SRV4 $SRV6 twlab-c0
sleep ${BFD_SECONDS:-4}
cap_stop
grep -iE 'state|up|error|fail' "$WORK"/frr-*/bfdd.log >&2 || true
