# Sourced by scenarios that run nginx in the server namespace: a web root and a config.
mkdir -p "$WORK/www/.well-known/acme-challenge" "$WORK/www/keys"
cp "$LAB/conf/www/"* "$WORK/www/" 2>/dev/null || true
cp "$LAB/conf/keys/"* "$WORK/www/keys/"
cp "$LAB/conf/acme/"* "$WORK/www/.well-known/acme-challenge/"
sed -e "s|@WORK@|$WORK|g" -e "s|@CERTS@|$CERTS|g" -e "s|@WWW@|$WORK/www|g" \
	"$LAB/conf/nginx.conf.in" >"$WORK/nginx.conf"
chmod -R a+rX "$WORK/www"
bg_s nginx -c "$WORK/nginx.conf"
