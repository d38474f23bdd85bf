# http: nginx (tests/lab/conf/nginx.conf.in) as an HKP-style key server on port 11371 and an
# ACME HTTP-01 challenge responder on port 80; curl fetches:
#   HKP   GET /pks/lookup?op=get&search=0x... (plain, then gzip: gzip makes it chunked),
#         GET /pks/lookup?op=index&options=mr&search=..., and a 404 (op=vindex)
#   ACME  GET /.well-known/acme-challenge/TOKEN (IPv4 and IPv6), a missing token (404)
#   chunked without gzip (sub_filter drops the length), chunked + gzip, a keep-alive
#   connection with two requests, a HEAD
source "$LAB/scenarios/common-nginx.sh"
wait_tcp 80
wait_tcp 11371
FPR=9EC4A61B73AD5CAE0268637D0B308061158ECD6E
TOKEN=evaGxfADs6pSRb2LAv9IZf17Dt3juxGJ-PCt92wr-oA
C=(curl -sS -o /dev/null -w '%{http_code} ')
cap_start http "tcp port 80 or tcp port 11371"
{
	in_c "${C[@]}" -A 'gnupg/2.2.40' "http://$SRV4:11371/pks/lookup?op=get&options=mr&search=0x$FPR"
	in_c "${C[@]}" -A 'gnupg/2.2.40' --compressed "http://$SRV4:11371/pks/lookup?op=get&options=mr&search=0x$FPR"
	in_c "${C[@]}" -A 'gnupg/2.2.40' "http://$SRV4:11371/pks/lookup?op=index&options=mr&search=lab%40lab.test"
	in_c "${C[@]}" -A 'gnupg/2.2.40' "http://$SRV4:11371/pks/lookup?op=vindex&search=nobody"
	in_c "${C[@]}" -A 'acme-validator/1.0' -H 'Host: lab.test' "http://$SRV4/.well-known/acme-challenge/$TOKEN"
	in_c "${C[@]}" -A 'acme-validator/1.0' -H 'Host: lab.test' "http://[$SRV6]/.well-known/acme-challenge/$TOKEN"
	in_c "${C[@]}" -A 'acme-validator/1.0' -H 'Host: lab.test' "http://$SRV4/.well-known/acme-challenge/missing-token"
	in_c "${C[@]}" -H 'Host: lab.test' "http://$SRV4/chunked.txt"
	in_c "${C[@]}" -H 'Host: lab.test' --compressed "http://$SRV4/chunked.txt"
	in_c "${C[@]}" -H 'Host: lab.test' "http://$SRV4/" -o /dev/null "http://$SRV4/index.html"
	in_c "${C[@]}" -H 'Host: lab.test' -I "http://$SRV4/"
} >"$WORK/curl.txt" 2>&1
cap_stop
echo >>"$WORK/curl.txt"
log "http status codes: $(cat "$WORK/curl.txt")"
grep -q '^200 200 200 404 200 200 404 200 200 200 200 200' "$WORK/curl.txt" || { log "http: unexpected status"; exit 1; }
