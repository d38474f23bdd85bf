#!/bin/bash
# trawl capture lab: real servers and clients in two network namespaces joined by a veth
# pair, traffic captured with tcpdump on the link.  Needs root.
#
#   tests/lab/run.sh               every scenario
#   tests/lab/run.sh tls dns ...   the named ones (see tests/lab/scenarios/*.sh)
#
# Server namespace twlab-s: veth twlab-s0, 10.99.0.1/24, fd99::1/64, MAC 02:00:00:99:00:01
# Client namespace twlab-c: veth twlab-c0, 10.99.0.2/24, fd99::2/64, MAC 02:00:00:99:00:02
# Captures go to tests/lab/captures/NAME.pcap (classic pcap, Ethernet) and TLS key logs to
# tests/lab/captures/NAME.keys.  Everything is torn down on exit, also after an error.
set -euo pipefail

LAB=$(cd "$(dirname "$0")" && pwd)
CAPS=$LAB/captures
CERTS=$LAB/certs
CONF=$LAB/conf
NS_S=twlab-s
NS_C=twlab-c
SRV4=10.99.0.1
CLI4=10.99.0.2
SRV6=fd99::1
CLI6=fd99::2
WORK=$(mktemp -d /tmp/twlab.XXXXXX)
chmod 755 "$WORK"
PIDS=()
CAP_PID=
export LAB CAPS CERTS CONF NS_S NS_C SRV4 CLI4 SRV6 CLI6 WORK

[ "$(id -u)" = 0 ] || { echo "run.sh: needs root (network namespaces, tcpdump)" >&2; exit 2; }

log() { echo "lab: $*" >&2; }

# Run in a namespace.
in_s() { ip netns exec "$NS_S" "$@"; }
in_c() { ip netns exec "$NS_C" "$@"; }

# Start a background process in a namespace; it is killed (by pid) at teardown.
bg_s() { ip netns exec "$NS_S" "$@" >>"$WORK/bg.log" 2>&1 & PIDS+=($!); }
bg_c() { ip netns exec "$NS_C" "$@" >>"$WORK/bg.log" 2>&1 & PIDS+=($!); }

# Wait until something listens on a TCP port in the server namespace.
wait_tcp() {
	local port=$1 i
	for i in $(seq 100); do
		if in_s ss -Hltn "sport = :$port" | grep -q .; then return 0; fi
		sleep 0.1
	done
	log "nothing listens on tcp port $port"; return 1
}
wait_udp() {
	local port=$1 i
	for i in $(seq 100); do
		if in_s ss -Hlun "sport = :$port" | grep -q .; then return 0; fi
		sleep 0.1
	done
	log "nothing listens on udp port $port"; return 1
}

# cap_start NAME [BPF filter...]: tcpdump on the client's end of the link into captures/NAME.pcap.
cap_start() {
	local name=$1; shift
	CAP_NAME=$name
	ip netns exec "$NS_C" tcpdump -q -n -U --immediate-mode -i twlab-c0 -s 0 -w "$WORK/$name.pcap" "$@" \
		>>"$WORK/tcpdump.log" 2>&1 &
	CAP_PID=$!
	# tcpdump prints "listening on" once the socket is open
	local i
	for i in $(seq 50); do
		grep -q "listening on" "$WORK/tcpdump.log" 2>/dev/null && break
		sleep 0.1
	done
	sleep 0.3
}
cap_stop() {
	sleep 1
	if [ -n "$CAP_PID" ]; then
		kill -INT "$CAP_PID" 2>/dev/null || true
		wait "$CAP_PID" 2>/dev/null || true
		CAP_PID=
	fi
	: >"$WORK/tcpdump.log"
	cp "$WORK/$CAP_NAME.pcap" "$CAPS/$CAP_NAME.pcap"
	chmod 644 "$CAPS/$CAP_NAME.pcap"
	log "wrote captures/$CAP_NAME.pcap ($(stat -c %s "$CAPS/$CAP_NAME.pcap") bytes)"
}

stop_bg() {
	local p
	for p in "${PIDS[@]}"; do
		kill "$p" 2>/dev/null || true
	done
	for p in "${PIDS[@]}"; do
		wait "$p" 2>/dev/null || true
	done
	PIDS=()
}

# Kill every process still running in a namespace (daemons that forked away from our pids).
# Only our own two namespaces are touched.
ns_kill() {
	local ns=$1 p
	for p in $(ip netns pids "$ns" 2>/dev/null); do
		kill "$p" 2>/dev/null || true
	done
	sleep 0.3
	for p in $(ip netns pids "$ns" 2>/dev/null); do
		kill -9 "$p" 2>/dev/null || true
	done
}

teardown() {
	local rc=$?
	set +e
	if [ -n "$CAP_PID" ]; then kill -INT "$CAP_PID" 2>/dev/null; wait "$CAP_PID" 2>/dev/null; fi
	stop_bg
	ns_kill "$NS_S"
	ns_kill "$NS_C"
	ip netns del "$NS_S" 2>/dev/null
	ip netns del "$NS_C" 2>/dev/null
	if [ $rc -ne 0 ]; then
		log "failed (status $rc); background output:"
		tail -n 30 "$WORK/bg.log" >&2 2>/dev/null
	fi
	if [ -n "${LAB_KEEP:-}" ]; then log "kept $WORK"; else rm -rf "$WORK"; fi
	exit $rc
}

setup_net() {
	ip netns del "$NS_S" 2>/dev/null || true
	ip netns del "$NS_C" 2>/dev/null || true
	ip netns add "$NS_S"
	ip netns add "$NS_C"
	local ns
	for ns in "$NS_S" "$NS_C"; do
		# no router solicitations, no autoconfiguration: a quiet link
		ip netns exec "$ns" sysctl -qw net.ipv6.conf.all.accept_ra=0 \
			net.ipv6.conf.default.accept_ra=0 net.ipv6.conf.default.router_solicitations=0 \
			net.ipv6.conf.all.router_solicitations=0 net.ipv6.conf.default.addr_gen_mode=1
		ip netns exec "$ns" ip link set lo up
	done
	ip link add twlab-s0 address 02:00:00:99:00:01 netns "$NS_S" type veth \
		peer name twlab-c0 address 02:00:00:99:00:02 netns "$NS_C"
	in_s ip link set twlab-s0 addrgenmode none
	in_c ip link set twlab-c0 addrgenmode none
	in_s ip addr add $SRV4/24 dev twlab-s0
	in_s ip addr add $SRV6/64 dev twlab-s0 nodad
	in_c ip addr add $CLI4/24 dev twlab-c0
	in_c ip addr add $CLI6/64 dev twlab-c0 nodad
	in_s ip link set twlab-s0 up
	in_c ip link set twlab-c0 up
	# link-local addresses from the fixed MACs (EUI-64), added by hand without DAD
	in_s ip addr add fe80::ff:fe99:1/64 dev twlab-s0 nodad 2>/dev/null || true
	in_c ip addr add fe80::ff:fe99:2/64 dev twlab-c0 nodad 2>/dev/null || true
	# wait for carrier
	local i
	for i in $(seq 50); do
		in_c ping -c1 -W1 -q $SRV4 >/dev/null 2>&1 && break
		sleep 0.1
	done
	in_c ping -6 -c1 -W1 -q $SRV6 >/dev/null 2>&1 || true
}

trap teardown EXIT
trap 'exit 130' INT TERM

mkdir -p "$CAPS"
"$LAB/certs.sh"

ALL=(tls dns http mdns bfd ftp)
if [ $# -gt 0 ]; then SCEN=("$@"); else SCEN=("${ALL[@]}"); fi

for s in "${SCEN[@]}"; do
	[ -f "$LAB/scenarios/$s.sh" ] || { log "no scenario $s"; exit 2; }
done
for s in "${SCEN[@]}"; do
	log "scenario $s"
	setup_net
	# shellcheck source=/dev/null
	source "$LAB/scenarios/$s.sh"
	stop_bg
	ns_kill "$NS_S"
	ns_kill "$NS_C"
done
log "done"
