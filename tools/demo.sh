#!/usr/bin/env bash
# Start Clinic on a throwaway data folder filled with synthetic cases; removed on exit.
set -euo pipefail
clinic="$1"
dir="$(mktemp -d -t clinic-demo.XXXXXX)"
trap 'rm -rf "$dir"' EXIT
pass="demo passphrase only"
printf '%s\n' "$pass" | "$clinic" --data-dir "$dir" --passphrase-stdin init
printf '%s\n' "$pass" | "$clinic" --data-dir "$dir" --passphrase-stdin demo --clients 200
echo "Demo store in $dir — passphrase: $pass"
"$clinic" --data-dir "$dir"
