#!/usr/bin/env python
"""The walkthrough's game_api.py (Flask + kafka-python), for `npm run bench:api -- --flask`: unchanged
but for where Kafka is (KAFKA_BROKERS, default the original's kafka:29092) and the topic
(EVENTS_TOPIC, default events). Run with `flask run`, as the walkthrough did.
"""
import json
import os
from kafka import KafkaProducer
from flask import Flask, request

app = Flask(__name__)
producer = KafkaProducer(bootstrap_servers=os.environ.get('KAFKA_BROKERS', 'kafka:29092').split(','))
TOPIC = os.environ.get('EVENTS_TOPIC', 'events')


def log_to_kafka(topic, event):
    event.update(request.headers)
    producer.send(topic, json.dumps(event).encode())


@app.route("/")
def default_response():
    default_event = {'event_type': 'default'}
    log_to_kafka(TOPIC, default_event)
    return "This is the default response!\n"


@app.route("/purchase_a_sword")
def purchase_a_sword():
    purchase_sword_event = {'event_type': 'purchase_sword'}
    log_to_kafka(TOPIC, purchase_sword_event)
    return "Sword Purchased!\n"

@app.route("/purchase_a_shield")
def purchase_a_shield():
    purchase_shield_event = {'event_type': 'purchase_shield'}
    log_to_kafka(TOPIC, purchase_shield_event)
    return "Shield Purchased!\n"

@app.route("/join_a_guild")
def join_a_guild():
    join_guild_event = {'event_type': 'join_guild'}
    log_to_kafka(TOPIC, join_guild_event)
    return "You Have Joined A Guild!\n"
