# ftp: vsftpd (anonymous, read-only) twice in the server namespace: port 21 with plain FTP and
# explicit FTPS (AUTH TLS), port 990 with implicit FTPS.  Clients: curl and Python's ftplib.
#   ftp.pcap    plain FTP: multi-line 220 banner, FEAT and HELP (multi-line 211/214 replies),
#               RETR over PASV (IPv4), PORT (active, IPv4), EPSV and EPRT (IPv6), LIST, NLST,
#               SIZE/MDTM, a 550 for a missing file
#   ftps.pcap   explicit FTPS: AUTH TLS, PBSZ 0, PROT P, protected PASV RETR and LIST (Python
#               ftplib, IPv4), then curl's AUTH SSL with EPSV (IPv6); implicit FTPS on port 990
#               (ftplib); TLS secrets of every connection in ftps.keys
mkdir -p "$WORK/ftproot/pub" "$WORK/empty"
for i in $(seq 1 30); do echo "line $i of a small file fetched over FTP"; done >"$WORK/ftproot/pub/hello.txt"
echo "readme for the trawl capture lab" >"$WORK/ftproot/README"
touch -d '2024-01-02 03:04:05 UTC' "$WORK/ftproot/pub/hello.txt" "$WORK/ftproot/README"
chmod -R a+rX,go-w "$WORK/ftproot"
vconf() {
	sed -e "s|@WORK@|$WORK|g; s|@CERTS@|$CERTS|g; s|@LAB@|$LAB|g; s|@PORT@|$1|g" \
		-e "s|@SSL@|$2|; s|@IMPLICIT@|$3|" "$LAB/conf/vsftpd.conf.in" >"$WORK/vsftpd-$1.conf"
}
vconf 21 YES NO
vconf 990 YES YES
bg_s vsftpd "$WORK/vsftpd-21.conf"
bg_s vsftpd "$WORK/vsftpd-990.conf"
wait_tcp 21
wait_tcp 990
KEYS=$WORK/ftps.keys
: >"$KEYS"
C=(curl -sS --max-time 10)
U4=ftp://$SRV4
U6=ftp://[$SRV6]

cap_start ftp "tcp port 21 or tcp port 20 or tcp portrange 30000-30009 or (tcp and host $CLI4 and host $SRV4 and port 20)"
{
	in_c "${C[@]}" -Q FEAT -Q HELP --disable-epsv "$U4/pub/hello.txt"
	in_c "${C[@]}" --ftp-port $CLI4 --disable-eprt "$U4/README"
	in_c "${C[@]}" --disable-epsv "$U4/pub/"
	in_c "${C[@]}" --disable-epsv -l "$U4/"
	in_c "${C[@]}" --disable-epsv -R -I "$U4/pub/hello.txt"
	in_c "${C[@]}" "$U6/pub/hello.txt"
	in_c "${C[@]}" --ftp-port - "$U6/README"
	in_c "${C[@]}" --disable-epsv "$U4/pub/missing.txt" || true
} >"$WORK/ftp.txt" 2>&1
cap_stop

cap_start ftps "tcp port 21 or tcp port 990 or tcp portrange 30000-30009"
{
	# explicit FTPS with AUTH TLS (Python ftplib), then curl's AUTH SSL over IPv6
	in_c /usr/bin/python3 "$LAB/conf/ftps_client.py" explicit $SRV4 "$CERTS/ca.pem" "$KEYS"
	in_c env SSLKEYLOGFILE="$KEYS" "${C[@]}" --cacert "$CERTS/ca.pem" --ssl-reqd "$U6/"
	# implicit FTPS on port 990
	in_c /usr/bin/python3 "$LAB/conf/ftps_client.py" implicit $SRV4 "$CERTS/ca.pem" "$KEYS"
} >"$WORK/ftps.txt" 2>&1
cap_stop
cp "$KEYS" "$CAPS/ftps.keys"
chmod 644 "$CAPS/ftps.keys"
grep -q 'line 30 of' "$WORK/ftp.txt" || { log "ftp: no transfer"; cat "$WORK/ftp.txt" >&2; exit 1; }
[ "$(grep -c 'line 30 of' "$WORK/ftps.txt")" -ge 2 ] || { log "ftps: explicit or implicit transfer failed"; cat "$WORK/ftps.txt" >&2; exit 1; }
