#!/usr/bin/env bash
# The test cluster's TLS material, made with openssl: a CA of its own, one server certificate per node (its address as
# an IP subject alternative name) and one client certificate, so that each node's Engine API listens on
# tcp://ADDRESS:2376 with --tlsverify the way a real remote engine does. Idempotent: an existing CA is kept.
#
# Usage: tls.sh DIR NAME=ADDRESS...      writes DIR/ca.pem, DIR/NAME-{cert,key}.pem and DIR/client/{ca,cert,key}.pem
# (the client folder is what DOCKER_CERT_PATH or provision's engineTls points at). Keys are 0600, DIR 0700.
set -euo pipefail
dir=$1; shift
umask 077
mkdir -p "$dir/client"
cd "$dir"
days=3650
if [ ! -s ca.pem ] || [ ! -s ca-key.pem ]; then
    openssl req -x509 -newkey rsa:2048 -nodes -keyout ca-key.pem -out ca.pem -days "$days" -subj "/CN=provision test cluster CA"
fi
sign() { # sign NAME CSR-EXTENSIONS
    openssl x509 -req -in "$1.csr" -CA ca.pem -CAkey ca-key.pem -CAcreateserial -out "$1-cert.pem" -days "$days" \
        -extfile <(printf '%s\n' "$2")
    rm -f "$1.csr"
}
for pair in "$@"; do
    name=${pair%%=*} addr=${pair#*=}
    [ -s "$name-cert.pem" ] && openssl x509 -in "$name-cert.pem" -noout -ext subjectAltName 2>/dev/null | grep -q "IP Address:$addr," && continue
    openssl req -newkey rsa:2048 -nodes -keyout "$name-key.pem" -out "$name.csr" -subj "/CN=$name"
    sign "$name" "subjectAltName=IP:$addr,DNS:$name
extendedKeyUsage=serverAuth"
done
if [ ! -s client/cert.pem ]; then
    openssl req -newkey rsa:2048 -nodes -keyout client/key.pem -out client.csr -subj "/CN=provision"
    sign client "extendedKeyUsage=clientAuth"
    mv client-cert.pem client/cert.pem
fi
cp ca.pem client/ca.pem
echo "tls: CA and certificates in $dir (client: $dir/client)"
