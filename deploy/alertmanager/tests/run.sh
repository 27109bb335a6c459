#!/usr/bin/env bash
# Checks every case of routes.txt against alertmanager.yml with amtool; exits non-zero if any receiver differs.
# Usage: deploy/alertmanager/tests/run.sh   (from anywhere)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
config="$here/../alertmanager.yml"
failed=0
cases=0
while IFS= read -r line; do
  [[ -z ${line// } || $line == \#* ]] && continue
  expected=$(echo "${line%%|*}" | tr -d ' ')
  read -r -a labels <<< "${line#*|}"
  cases=$((cases + 1))
  if ! output=$(amtool config routes test --config.file="$config" --verify.receivers="$expected" "${labels[@]}" 2>&1); then
    echo "FAIL: expected $expected for ${labels[*]}: $output"
    failed=$((failed + 1))
  fi
done < "$here/routes.txt"
echo "$cases routing cases, $failed failed"
[[ $failed -eq 0 ]]
