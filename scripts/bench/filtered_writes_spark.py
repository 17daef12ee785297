#!/usr/bin/env python
"""Extract events from kafka and write them to hdfs

The walkthrough's filtered_writes.py (Spark 2), unchanged but for what the bench needs
(`npm run bench:extract -- --spark`) and one thing Spark 3 needs:
- the bootstrap servers, topic and output path come from the command line (defaults: the
  original's);
- `bench-timing` lines say when Python started, when the session was ready and when the
  write finished (epoch milliseconds);
- `@udf(BooleanType())` instead of `@udf(BooleanType())`: Spark 3.5 parses a type string at
  decoration time, which needs a SparkContext ("SparkContext or SparkSession should be
  created first"); the type is the same.
"""
import json
import sys
import time
from pyspark.sql import SparkSession, Row
from pyspark.sql.functions import udf
from pyspark.sql.types import BooleanType


@udf(BooleanType())
def is_purchase(event_as_json):
    event = json.loads(event_as_json)
    if event['event_type'] == 'purchase_sword':
        return True
    return False


def bench_timing(label):
    print('bench-timing {} {}'.format(label, int(time.time() * 1000)), flush=True)


def main(bootstrap_servers='kafka:29092', topic='events', output='/tmp/purchases'):
    """main
    """
    bench_timing('python-started')
    spark = SparkSession \
        .builder \
        .appName("ExtractEventsJob") \
        .getOrCreate()
    bench_timing('session-ready')

    raw_events = spark \
        .read \
        .format("kafka") \
        .option("kafka.bootstrap.servers", bootstrap_servers) \
        .option("subscribe", topic) \
        .option("startingOffsets", "earliest") \
        .option("endingOffsets", "latest") \
        .load()

    purchase_events = raw_events \
        .select(raw_events.value.cast('string').alias('raw'),
                raw_events.timestamp.cast('string')) \
        .filter(is_purchase('raw'))

    extracted_purchase_events = purchase_events \
        .rdd \
        .map(lambda r: Row(timestamp=r.timestamp, **json.loads(r.raw))) \
        .toDF()
    extracted_purchase_events.printSchema()
    extracted_purchase_events.show()

    extracted_purchase_events \
        .write \
        .mode('overwrite') \
        .parquet(output)
    bench_timing('written')


if __name__ == "__main__":
    main(*sys.argv[1:])
