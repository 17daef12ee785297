#!/usr/bin/env python
"""Extract events from kafka and write them to hdfs
"""
# The walkthrough's just_filtering.py, changed only where Spark 3.5 and the lab need it:
# - @udf(BooleanType()) for @udf('boolean'): Spark 3.5 parses a type string when the decorator runs,
#   before any SparkContext exists, and stops with "SparkContext or SparkSession should be created
#   first"; the type is the same;
# - Kafka's address and the topic come from KAFKA_BROKERS and EVENTS_TOPIC (lib/config.ts), the
#   walkthrough's kafka:29092 and events when they are unset.
import json
import os
from pyspark.sql import SparkSession, Row
from pyspark.sql.functions import udf
from pyspark.sql.types import BooleanType

KAFKA_BROKERS = os.environ.get('KAFKA_BROKERS', 'kafka:29092')
EVENTS_TOPIC = os.environ.get('EVENTS_TOPIC', 'events')


@udf(BooleanType())
def is_purchase(event_as_json):
    event = json.loads(event_as_json)
    if event['event_type'] == 'purchase_sword':
        return True
    return False


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


if __name__ == "__main__":
    main()
