#!/usr/bin/env bash
# Installs the Debian 12 packages ActorGraph builds, tests and benchmarks with.
#   scripts/deps.sh [fuzz]
set -euo pipefail
pkgs=(build-essential cmake ninja-build pkg-config
      librocksdb-dev capnproto libcapnp-dev libboost-graph-dev catch2
      libcli11-dev nlohmann-json3-dev libicu-dev libfmt-dev
      libmecab-dev mecab mecab-ipadic-utf8 wordnet-base iso-codes
      python3-igraph python3-networkx sqlite3 graphviz)
# scripts/deps.sh fuzz: also clang 14 with its libFuzzer and sanitizer runtimes (scripts/fuzz.sh).
if [ "${1:-}" = fuzz ]; then pkgs+=(clang-14 libclang-rt-14-dev); fi
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi
