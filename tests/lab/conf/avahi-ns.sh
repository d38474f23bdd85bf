#!/bin/bash
# Run inside `ip netns exec NS`: a private system D-Bus and avahi-daemon for this namespace
# (tmpfs over /run/dbus and /run/avahi-daemon in the namespace's own mount namespace), then
#   avahi-ns.sh server WORK   publish services and an address record, then wait
#   avahi-ns.sh client WORK   browse and resolve, then exit
set -euo pipefail
role=$1 work=$2
mkdir -p /run/dbus /run/avahi-daemon
mount -t tmpfs -o mode=755 tmpfs /run/dbus
mount -t tmpfs -o mode=755 tmpfs /run/avahi-daemon
dbus-daemon --system --fork --nopidfile
if [ "$role" = server ]; then host=labsrv iface=twlab-s0; else host=labcli iface=twlab-c0; fi
cat >"$work/avahi-$role.conf" <<X
[server]
host-name=$host
domain-name=local
use-ipv4=yes
use-ipv6=yes
allow-interfaces=$iface
enable-dbus=yes
ratelimit-interval-usec=1000000
ratelimit-burst=1000
[wide-area]
enable-wide-area=no
[publish]
publish-hinfo=yes
publish-workstation=no
publish-addresses=yes
publish-aaaa-on-ipv4=yes
publish-a-on-ipv6=no
[reflector]
enable-reflector=no
[rlimits]
X
avahi-daemon -f "$work/avahi-$role.conf" --no-chroot --no-drop-root --no-rlimits \
	>"$work/avahi-$role.log" 2>&1 &
for i in $(seq 50); do
	avahi-browse -at >/dev/null 2>&1 && break
	sleep 0.1
done
if [ "$role" = server ]; then
	# wait until the host name is established (probing done)
	sleep 2
	avahi-publish -s "trawl lab web" _http._tcp 80 "path=/index.html" "txtvers=1" &
	avahi-publish -s --subtype=_printer._sub._ipp._tcp "trawl lab printer" _ipp._tcp 631 \
		"rp=queue" "ty=Lab Printer" "pdl=application/pdf" &
	avahi-publish -a -R keys.local 10.99.0.1 &
	wait
else
	sleep 1
	avahi-browse -t -r -p _http._tcp >"$work/browse-http.txt" 2>&1 || true
	avahi-browse -t -r -p _ipp._tcp >"$work/browse-ipp.txt" 2>&1 || true
	avahi-browse -t -p _printer._sub._ipp._tcp >>"$work/browse-ipp.txt" 2>&1 || true
	avahi-resolve -4 -n labsrv.local >"$work/resolve.txt" 2>&1 || true
	avahi-resolve -6 -n labsrv.local >>"$work/resolve.txt" 2>&1 || true
	avahi-resolve -n keys.local >>"$work/resolve.txt" 2>&1 || true
	avahi-resolve -a 10.99.0.1 >>"$work/resolve.txt" 2>&1 || true
	sleep 1
fi
