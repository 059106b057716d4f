# Per-day x process lines and bytes, and lines per queue ID, of a classic syslog mail log: what an
# administrator would write by hand (the comparison for `spoolrescue maillog`).
{
  day = $1 " " $2
  p = $5
  sub(/\[.*/, "", p)
  sub(/:$/, "", p)
  k = day " " p
  n[k]++
  b[k] += length($0) + 1
  id = $6
  if (id ~ /^[0-9A-F]+:$/) q[id]++
}
END {
  for (k in n) print k, n[k], b[k]
  for (i in q) c++
  print "queue-ids", c
}
