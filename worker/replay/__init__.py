"""Replay (backfill) of a topic range through the live processing core, and consumer-group offset tools.

Pure parts: ``plan`` (ranges, group names), ``state`` (resume bookkeeping), ``rate`` (token bucket),
``progress`` (counters and rendering). Broker parts: ``broker`` (kafka-python clients), ``runner``
(the replay loop) and ``offsets`` (show / reset a group's committed offsets).
"""
