#!/bin/sh
# CPU time next to wall time for two commands run alternately in the same run (a loaded machine
# stretches wall time; user+sys stays comparable). Usage:
#   bench/scripts/cpu-pair.sh RUNS 'OURS COMMAND' 'CLASSIC COMMAND' ['PREPARE COMMAND']
# PREPARE runs (untimed) before every timed run, e.g. to rebuild a queue a delete consumed.
# Prints one line per run and the medians: wall s, user+sys s, peak RSS MB.
set -eu
runs=$1 ours=$2 classic=$3 prep=${4:-true}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
one() { # label command
  sh -c "$prep" >/dev/null 2>&1
  /usr/bin/time -f '%e %U %S %M' -o "$tmp/t" sh -c "$2" >/dev/null 2>"$tmp/err" || { echo "$1 failed:" >&2; tail -5 "$tmp/err" >&2; exit 1; }
  awk -v l="$1" '{ printf "%s wall %.2f s cpu %.2f s rss %.0f MB\n", l, $1, $2 + $3, $4 / 1024 }' "$tmp/t" | tee -a "$tmp/$1"
}
i=0
while [ "$i" -lt "$runs" ]; do
  one ours "$ours"
  one classic "$classic"
  i=$((i + 1))
done
for l in ours classic; do
  for col in 3 6; do sort -n -k$col "$tmp/$l" | awk -v c=$col '{ a[NR] = $c } END { printf "%s ", a[int((NR + 1) / 2)] }'; done > "$tmp/$l.med"
  echo >> "$tmp/$l.med"
done
read ow oc < "$tmp/ours.med"
read cw cc < "$tmp/classic.med"
echo "median: ours wall $ow s cpu $oc s; classic wall $cw s cpu $cc s; ratio wall $(echo "$ow $cw" | awk '{ printf "%.2f", $1 / $2 }') cpu $(echo "$oc $cc" | awk '{ printf "%.2f", $1 / $2 }'); load $(cut -d' ' -f1 /proc/loadavg)"
