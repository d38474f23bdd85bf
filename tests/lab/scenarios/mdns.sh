# mdns: avahi-daemon in both namespaces (each with a private D-Bus, see conf/avahi-ns.sh).
# The server (host labsrv.local) probes and announces its name, then publishes _http._tcp
# ("trawl lab web", port 80, TXT path=/index.html), _ipp._tcp with a _printer subtype and an
# address record keys.local; the client (labcli.local) starts, browses both service types with
# resolution, resolves labsrv.local (A and AAAA), keys.local and 10.99.0.1 (reverse).
cap_start mdns "udp port 5353"
bg_s "$LAB/conf/avahi-ns.sh" server "$WORK"
sleep 3
in_c "$LAB/conf/avahi-ns.sh" client "$WORK"
cap_stop
cat "$WORK/browse-http.txt" "$WORK/browse-ipp.txt" "$WORK/resolve.txt" >&2
grep -qF 'trawl\032lab\032web' "$WORK/browse-http.txt" || { log "mdns: service not resolved"; exit 1; }
grep -q '10.99.0.1' "$WORK/resolve.txt" || { log "mdns: name not resolved"; exit 1; }
