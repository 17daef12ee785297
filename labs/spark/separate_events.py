#!/usr/bin/env python
"""Extract events from kafka and write them to hdfs
"""
# The walkthrough's separate_events.py, changed only where Spark 3.5 and the lab need it:
# - @udf(StringType()) for @udf('string'): Spark 3.5 parses a type string when the decorator runs,
#   before any SparkContext exists, and stops with "SparkContext or SparkSession should be created
#   first"; the type is the same;
# - Kafka's address and the topic come from KAFKA_BROKERS and EVENTS_TOPIC (lib/config.ts), the
#   walkthrough's kafka:29092 and events when they are unset.
# As the walkthrough warns, it takes one schema for every event and breaks on two.
import json
import os
from pyspark.sql import SparkSession, Row
from pyspark.sql.functions import udf
from pyspark.sql.types import StringType

KAFKA_BROKERS = os.environ.get('KAFKA_BROKERS', 'kafka:29092')
EVENTS_TOPIC = os.environ.get('EVENTS_TOPIC', 'events')


@udf(StringType())
def munge_event(event_as_json):
    event = json.loads(event_as_json)
    event['Host'] = "moe"
    event['Cache-Control'] = "no-cache"
    return json.dumps(event)


def main():
    """main
    """
    spark = SparkSession \
        .builder \
        .appName("ExtractEventsJob") \
        .getOrCreate()

    raw_events = spark \
        .read \
        .format("kafka") \
        .option("kafka.bootstrap.servers", KAFKA_BROKERS) \
        .option("subscribe", EVENTS_TOPIC) \
        .option("startingOffsets", "earliest") \
        .option("endingOffsets", "latest") \
        .load()

    munged_events = raw_events \
        .select(raw_events.value.cast('string').alias('raw'),
                raw_events.timestamp.cast('string')) \
        .withColumn('munged', munge_event('raw'))

    extracted_events = munged_events \
        .rdd \
        .map(lambda r: Row(timestamp=r.timestamp, **json.loads(r.munged))) \
        .toDF()

    sword_purchases = extracted_events \
        .filter(extracted_events.event_type == 'purchase_sword')
    sword_purchases.show()
    # sword_purchases \
        # .write \
        # .mode("overwrite") \
        # .parquet("/tmp/sword_purchases")

    default_hits = extracted_events \
        .filter(extracted_events.event_type == 'default')
    default_hits.show()
    # default_hits \
        # .write \
        # .mode("overwrite") \
        # .parquet("/tmp/default_hits")

    shield_purchases = extracted_events \
        .filter(extracted_events.event_type == 'purchase_shield')
    shield_purchases.show()
    # shield_purchases \
        # .write \
        # .mode("overwrite") \
        # .parquet("/tmp/default_hits")

    guilds_joined = extracted_events \
        .filter(extracted_events.event_type == 'join_guild')
    guilds_joined.show()
    # guilds_joined \
        # .write \
        # .mode("overwrite") \
        # .parquet("/tmp/default_hits")

if __name__ == "__main__":
    main()
