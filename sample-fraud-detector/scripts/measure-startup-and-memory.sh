#!/usr/bin/env bash
# Measures the fraud-detector fat jar: the time from launch to the first committed alert in its
# log, then its RSS and heap after 60 seconds of generator traffic. Extra arguments go to the
# application, e.g. --spring.kafka.bootstrap-servers=127.0.0.1:9092 to leave the embedded broker
# out of the figures. Build the jar first: mvn -B -ntp -q install -DskipTests
set -euo pipefail
cd "$(dirname "$0")/.."
jar=target/fraud-detector.jar
log=$(mktemp)
state=$(mktemp -d)
start=$(date +%s%3N)
java -jar "$jar" --weir.state-dir="$state" "$@" > "$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; rm -rf "$state"' EXIT
until grep -q "FRAUD ALERT" "$log"; do
  kill -0 $pid 2>/dev/null || { echo "the application ended; its log: $log"; exit 1; }
  sleep 0.05
done
first=$(date +%s%3N)
echo "launch to first alert: $((first - start)) ms"
grep -m1 "Started FraudDetectorApplication" "$log" | sed 's/.*: //'
sleep $(( 60 - (first - start) / 1000 ))
echo "after 60 s: RSS $(ps -o rss= -p $pid | tr -d ' ') kB"
jcmd $pid GC.heap_info | sed -n 2p
echo "alerts logged: $(grep -c 'FRAUD ALERT' "$log")"
kill $pid
wait $pid || true
echo "log: $log"
