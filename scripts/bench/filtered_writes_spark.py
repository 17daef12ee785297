#!/usr/bin/env python
"""The walkthrough's filtered_writes.py (labs/spark/), timed for `npm run bench:extract -- --spark`.

Arguments: the bootstrap servers, the topic and the output URI, which the program takes from its
environment (KAFKA_BROKERS, EVENTS_TOPIC, PURCHASES_DIR). This wrapper starts the SparkSession first
(the program's own getOrCreate() then returns it), so that `bench-timing` lines can say when Python
started, when the session was ready and when the write finished (epoch milliseconds).
"""
import os
import sys
import time


def bench_timing(label):
    print('bench-timing {} {}'.format(label, int(time.time() * 1000)), flush=True)


bench_timing('python-started')
os.environ.update(KAFKA_BROKERS=sys.argv[1], EVENTS_TOPIC=sys.argv[2], HDFS_URI='', PURCHASES_DIR=sys.argv[3])
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'labs', 'spark'))

from pyspark.sql import SparkSession  # noqa: E402
import filtered_writes  # noqa: E402  (reads the environment above when imported)

SparkSession.builder.appName("ExtractEventsJob").getOrCreate()
bench_timing('session-ready')
filtered_writes.main()
bench_timing('written')
