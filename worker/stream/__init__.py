"""The streaming shell around the pure coder: records, dead letters, retries, Kafka config, agents.

``processing`` is Kafka-free (one input record in, output records out); everything that talks to a
broker lives in the other modules.
"""
