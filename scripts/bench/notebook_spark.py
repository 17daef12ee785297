#!/usr/bin/env python
"""The walkthrough's notebook cells in PySpark + pandas, each timed

What a student ran in the PySpark notebook (a `spark` session, then these cells), as one
spark-submit program for `npm run bench:notebook -- --spark`, on the bench's HDFS directory:

    purchases = spark.read.parquet('/tmp/purchases')
    purchases.show()
    purchases.registerTempTable('purchases')
    purchases_by_example2 = spark.sql("select * from purchases where Host = 'user1.comcast.com'")
    purchases_by_example2.show()
    df = purchases_by_example2.toPandas()
    df.describe()

Each cell prints `bench-cell <name> <ms>` as scripts/bench/notebook-cells.ts does; describe()'s
table is printed with to_string() (no wrapping at 80 characters) between two marker lines, for the
bench to hold it next to ours.
"""
import sys
import time
import warnings


def cell(name, run):
    started = time.time()
    value = run()
    print('bench-cell {} {:.1f}'.format(name, (time.time() - started) * 1000), flush=True)
    return value


def session():
    from pyspark.sql import SparkSession
    return SparkSession.builder.appName('QueryingPurchases').getOrCreate()


def main(path):
    print('bench-timing started {}'.format(int(time.time() * 1000)), flush=True)
    # registerTempTable is deprecated in Spark 3 (createOrReplaceTempView); the walkthrough used it
    warnings.simplefilter('ignore', FutureWarning)
    spark = cell('import', session)
    purchases = cell('read', lambda: spark.read.parquet(path))
    cell('show', purchases.show)
    cell('register', lambda: purchases.registerTempTable('purchases'))
    by_example = cell('query', lambda: spark.sql(
        "select * from purchases where Host = 'user1.comcast.com'"))
    cell('show-query', by_example.show)
    df = cell('to-frame', by_example.toPandas)

    def describe():
        print('bench-describe-begin\n{}\nbench-describe-end'.format(df.describe().to_string()))
    cell('describe', describe)


if __name__ == '__main__':
    main(sys.argv[1])
