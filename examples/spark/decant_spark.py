"""Clean documents with Decant on Apache Spark: each partition is piped through `decant pipe`.

Decant stays a plain command-line stage: Spark reads the input, turns every file (or JSONL line)
into one JSON Lines record, `rdd.pipe()` streams each partition through `decant pipe`, and the
documents come back as JSON Lines in the shared schema. Nothing in Decant knows about Spark.

Usage (local mode, 2 workers):
    python examples/spark/decant_spark.py --decant .build/release/decant \
        --input-folder crawl/ --output clean.jsonl
    python examples/spark/decant_spark.py --decant .build/release/decant \
        --input-jsonl records.jsonl --output clean.jsonl

On a cluster, ship the binary with the job and name it relative to the task's working folder:
    spark-submit --master yarn --files .build/release/decant \
        examples/spark/decant_spark.py --decant ./decant --input-folder hdfs:///crawl \
        --output-dir hdfs:///clean
or install `decant` on every node (e.g. /usr/local/bin/decant) and pass --decant decant.
"""
import argparse
import base64
import json
import os
import sys

from pyspark.sql import SparkSession


def folder_records(spark, folder):
    """One `decant pipe` record per file: its path relative to the folder and its bytes."""
    root = folder.rstrip("/")
    files = (spark.read.format("binaryFile")
             .option("recursiveFileLookup", "true")
             .load(root))
    local_root = os.path.abspath(root) if "://" not in root else root

    def record(row):
        path = row.path
        if path.startswith("file:"):
            path = path[len("file:"):]
            while path.startswith("//"):
                path = path[1:]
        source = os.path.relpath(path, local_root) if "://" not in root else path[len(root) + 1:]
        return json.dumps({"source": source, "bytes_base64": base64.b64encode(bytes(row.content)).decode("ascii")})

    return files.rdd.map(record)


def jsonl_records(spark, path):
    """JSONL input is already in `decant pipe`'s record format: pass lines through."""
    return spark.read.text(path).rdd.map(lambda row: row.value).filter(lambda line: line.strip())


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--input-folder", help="folder of files (local path, hdfs://, s3a://)")
    source.add_argument("--input-jsonl", help="JSON Lines records with id and text/html/bytes_base64")
    parser.add_argument("--decant", default="decant", help="the decant binary (default: on PATH)")
    parser.add_argument("--output", help="write all documents, sorted by source, to this local JSONL file")
    parser.add_argument("--output-dir", help="write documents with saveAsTextFile to this folder (cluster use)")
    parser.add_argument("--master", default=os.environ.get("SPARK_MASTER", "local[2]"))
    parser.add_argument("--partitions", type=int, default=4)
    parser.add_argument("--decant-args", default="", help="extra flags for decant pipe, e.g. '--include-captions'")
    args = parser.parse_args(argv)

    spark = (SparkSession.builder.master(args.master).appName("decant")
             .config("spark.ui.enabled", "false")
             .config("spark.ui.showConsoleProgress", "false")
             .config("spark.sql.sources.binaryFile.maxLength", str(2**31 - 1))
             .getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    records = folder_records(spark, args.input_folder) if args.input_folder else jsonl_records(spark, args.input_jsonl)
    # One decant process per partition; --jobs 1 because Spark already runs partitions in parallel.
    command = f"{args.decant} pipe --jobs 1 {args.decant_args}".strip()
    documents = records.repartition(args.partitions).pipe(command)
    if args.output_dir:
        documents.saveAsTextFile(args.output_dir)
    if args.output:
        lines = documents.collect()
        lines.sort(key=lambda line: (json.loads(line)["source"], line))
        with open(args.output, "w", encoding="utf-8") as out:
            for line in lines:
                out.write(line + "\n")
    spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
